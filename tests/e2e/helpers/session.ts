import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../../scripts/chromium';
import { startDemoSite, type DemoSite } from '../../../scripts/demo-site/server';
import { ARTIFACTS_DIR } from './browsers/e2e-browser';
import { extensionCalls, NO_TAB_POPUP } from './browsers/extension-calls';
import { ConsoleWatch } from './console-watch';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built Chrome extension (`wxt build` writes it; `npm test` builds first). */
export const EXTENSION_DIR = join(REPO_ROOT, '.output/chrome-mv3');
/** Where the e2e run saves its screenshots (one folder for both harnesses). */
export { ARTIFACTS_DIR };

/** Throws a clear message when the extension has not been built. */
export function assertExtensionBuilt(dir: string = EXTENSION_DIR): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` (npm test builds before it runs vitest).`);
  }
}

/** One test file's browser for Chromium-only tests (service-worker stops, DevTools quotas): the
 *  demo site, Chromium with the extension, console watching. Scenarios for both browsers use
 *  forEachBrowser instead (./README.md). */
export interface E2eSession {
  site: DemoSite;
  browser: ExtensionBrowser;
  console: ConsoleWatch;
  /** A new tab at `url`, loaded. */
  open(url: string): Promise<Page>;
  /** The extension's service worker (re-found if Chromium restarted it). */
  worker(): Promise<Worker>;
  /** The browser tab id of `page` (brings it to the front: no tab shows its URL to us). */
  tabIdOf(page: Page): Promise<number>;
  /** The toolbar badge text of a tab, read from the worker. */
  badgeText(tabId: number): Promise<string>;
  /** The popup opened as a tab for `tabId` (popup.html?tabId=N), loaded. */
  openPopup(tabId: number): Promise<Page>;
  /** Sends a background call from an extension page, as the popup does; answers its CallResult. */
  callBackground<T = unknown>(name: string, data: object): Promise<{ ok: true; value: T } | { ok: false; error: string }>;
  /** Saves a PNG in ARTIFACTS_DIR; answers its path. */
  screenshot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** Starts the demo site and Chromium with the built extension in a fresh profile. */
export async function startSession(): Promise<E2eSession> {
  assertExtensionBuilt();
  const site = await startDemoSite();
  let browser: ExtensionBrowser;
  try {
    browser = await launchWithExtension(EXTENSION_DIR);
  } catch (error) {
    await site.close();
    throw error;
  }
  const { context, extensionId } = browser;
  const watch = new ConsoleWatch(context, extensionId);
  let messenger: Page | null = null;
  const calls = extensionCalls(async () => {
    if (!messenger || messenger.isClosed()) {
      messenger = await context.newPage();
      await messenger.goto(`chrome-extension://${extensionId}/${NO_TAB_POPUP}`);
    }
    return messenger;
  });
  const worker = async () => context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker', { timeout: 10_000 });
  const session: E2eSession = {
    site,
    browser,
    console: watch,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    worker,
    tabIdOf: (page) => calls.tabIdOf(page),
    badgeText: (tabId) => calls.badgeText(tabId),
    async openPopup(tabId) {
      return session.open(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    },
    callBackground: (name, data) => calls.callBackground(name, data),
    async screenshot(page, name, opts = {}) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      // caret 'initial': Playwright's default caret hiding leaves style="" on focused inputs,
      // which would show up in the before/after markup comparisons.
      await page.screenshot({ path, fullPage: opts.fullPage ?? false, caret: 'initial' });
      return path;
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
  return session;
}
