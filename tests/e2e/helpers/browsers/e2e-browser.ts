/** One browser with the built extension and the demo site: a driver plus what every scenario
 *  needs on top of it (tab ids, badge, background calls, popup, options, screenshots), written
 *  once over the driver's few primitives. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSite } from '../../../../scripts/demo-site/server';
import { startChromiumDriver } from './chromium-driver';
import { extensionCalls, NO_TAB_POPUP } from './extension-calls';
import { startFirefoxDriver } from './firefox-driver';
import { pollUntil } from './poll';
import type { BrowserDriver, BrowserName, E2eBrowser, E2ePage } from './types';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** Where the e2e run saves its screenshots (gitignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'artifacts/e2e');

/** Each browser's built extension and the command that builds it. */
export const BUILDS: Record<BrowserName, { dir: string; command: string }> = {
  chromium: { dir: join(REPO_ROOT, '.output/chrome-mv3'), command: 'npx wxt build' },
  firefox: { dir: join(REPO_ROOT, '.output/firefox-mv2'), command: 'npx wxt build -b firefox' },
};

/** What a scenario may change in how its browser starts. */
export interface E2eBrowserOptions {
  /** Firefox prefs for the fresh profile besides the usual ones (Chromium has none). */
  firefoxPrefs?: Record<string, unknown>;
}

/** Starts the demo site and `name` with its built extension (`builds` may name another build
 *  of it) in a fresh profile. Throws one
 *  clear line when the build or the browser is missing. */
export async function startE2eBrowser(name: BrowserName, builds: Partial<typeof BUILDS> = {}, opts: E2eBrowserOptions = {}): Promise<E2eBrowser> {
  const build = builds[name] ?? BUILDS[name];
  if (!existsSync(join(build.dir, 'manifest.json'))) {
    throw new Error(`No built ${name} extension in ${build.dir}: run \`${build.command}\` (npm test builds before it runs vitest).`);
  }
  const site = await startDemoSite();
  let driver: BrowserDriver;
  try {
    driver = name === 'chromium' ? await startChromiumDriver(build.dir) : await startFirefoxDriver(build.dir, opts.firefoxPrefs);
  } catch (error) {
    await site.close();
    throw error;
  }
  return withScenarioHelpers(driver, site);
}

function withScenarioHelpers(driver: BrowserDriver, site: E2eBrowser['site']): E2eBrowser {
  let messenger: E2ePage | null = null;
  const calls = extensionCalls(async () => (messenger ??= await driver.openExtensionPage(NO_TAB_POPUP)));
  const session: E2eBrowser = {
    ...driver,
    site,
    tabIdOf: (page) => calls.tabIdOf(page),
    badgeText: (tabId) => calls.badgeText(tabId),
    callBackground: (name, data) => calls.callBackground(name, data),
    openPopup: (tabId) => driver.openExtensionPage(`popup.html?tabId=${tabId}`),
    async openOptions() {
      const page = await driver.openExtensionPage('options.html');
      await page.setViewportSize({ width: 900, height: 1000 });
      const shown = await pollUntil(() => page.evaluate(() => document.querySelector('.corpus-counts') !== null), 15_000);
      if (!shown) throw new Error(`${driver.name}: the options page showed no corpus listing within 15 s`);
      return page;
    },
    async screenshot(page, name, opts = {}) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const path = join(ARTIFACTS_DIR, `${driver.name}-${name}.png`);
      await page.screenshotTo(path, { fullPage: opts.fullPage ?? false });
      return path;
    },
    async close() {
      await driver.close();
      await site.close();
    },
  };
  return session;
}
