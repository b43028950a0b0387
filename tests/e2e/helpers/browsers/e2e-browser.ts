/** One browser with the built extension and the demo site: a driver plus what every scenario
 *  needs on top of it (tab ids, badge, background calls, popup, options, screenshots), written
 *  once over the driver's few primitives. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSite } from '../../../../scripts/demo-site/server';
import { startChromiumDriver } from './chromium-driver';
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

/** The extension API of an extension page. */
interface PageApi {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  action?: { getBadgeText(details: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(details: { tabId: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<never> };
}
/** Where an extension page keeps its API: Firefox's promise-based `browser`, else Chrome's
 *  `chrome` (whose MV3 calls answer promises too). The functions run in the page read it off
 *  globalThis: a bare `browser` here would be rewritten to WXT's import by the test build
 *  (WxtVitest auto-imports it), and they cannot call helpers of this file. */
type ApiScope = { browser?: PageApi; chrome: PageApi };

/** Starts the demo site and `name` with its built extension in a fresh profile. Throws one
 *  clear line when the build or the browser is missing. */
export async function startE2eBrowser(name: BrowserName): Promise<E2eBrowser> {
  const build = BUILDS[name];
  if (!existsSync(join(build.dir, 'manifest.json'))) {
    throw new Error(`No built ${name} extension in ${build.dir}: run \`${build.command}\` (npm test builds before it runs vitest).`);
  }
  const site = await startDemoSite();
  let driver: BrowserDriver;
  try {
    driver = name === 'chromium' ? await startChromiumDriver(build.dir) : await startFirefoxDriver(build.dir);
  } catch (error) {
    await site.close();
    throw error;
  }
  return withScenarioHelpers(driver, site);
}

function withScenarioHelpers(driver: BrowserDriver, site: E2eBrowser['site']): E2eBrowser {
  let messenger: E2ePage | null = null;
  /** An extension page kept open to run extension calls from (a tab id no tab has). */
  const extensionPage = async (): Promise<E2ePage> => (messenger ??= await driver.openExtensionPage('popup.html?tabId=999999999'));
  const session: E2eBrowser = {
    ...driver,
    site,
    async tabIdOf(page) {
      const url = page.url();
      const id = await (await extensionPage()).evaluate(async (wanted) => {
        const api = (globalThis as unknown as ApiScope).browser ?? (globalThis as unknown as ApiScope).chrome;
        const tabs = await api.tabs.query({});
        return Math.max(-1, ...tabs.filter((t) => t.url === wanted).map((t) => t.id ?? -1));
      }, url);
      if (id < 0) throw new Error(`no browser tab has the URL ${url}`);
      return id;
    },
    async badgeText(tabId) {
      return (await extensionPage()).evaluate((id) => {
        const api = (globalThis as unknown as ApiScope).browser ?? (globalThis as unknown as ApiScope).chrome;
        return (api.action ?? api.browserAction)!.getBadgeText({ tabId: id });
      }, tabId);
    },
    openPopup: (tabId) => driver.openExtensionPage(`popup.html?tabId=${tabId}`),
    async openOptions() {
      const page = await driver.openExtensionPage('options.html');
      await page.setViewportSize({ width: 900, height: 1000 });
      const shown = await pollUntil(() => page.evaluate(() => document.querySelector('.corpus-counts') !== null), 15_000);
      if (!shown) throw new Error(`${driver.name}: the options page showed no corpus listing within 15 s`);
      return page;
    },
    async callBackground(name, data) {
      return (await extensionPage()).evaluate(([call, payload]) => {
        const api = (globalThis as unknown as ApiScope).browser ?? (globalThis as unknown as ApiScope).chrome;
        return api.runtime.sendMessage({ echoesCall: call, data: payload });
      }, [name, data] as const);
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
