/** The Chromium driver: playwright-core with the built MV3 extension loaded unpacked
 *  (scripts/chromium.ts). */
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../../../scripts/chromium';
import { ConsoleWatch } from '../console-watch';
import { isExtensionFrame, shadowTextOfCdp, type CdpNode } from './serialized-dom';
import type { BrowserDriver, E2ePage } from './types';

/** Launches Chromium with the extension built in `extensionDir`. */
export async function startChromiumDriver(extensionDir: string): Promise<BrowserDriver & { playwright: ExtensionBrowser }> {
  const browser = await launchWithExtension(extensionDir);
  const { context, extensionId } = browser;
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const open = async (url: string): Promise<E2ePage> => {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return wrapPlaywrightPage(page);
  };
  return {
    name: 'chromium',
    extensionOrigin,
    console: new ConsoleWatch(context, extensionId),
    browserPageUrl: 'chrome://version',
    open,
    openExtensionPage: (path) => open(`${extensionOrigin}/${path}`),
    close: () => browser.close(),
    playwright: browser,
  };
}

/** A Playwright page as an E2ePage. */
export function wrapPlaywrightPage(page: Page): E2ePage {
  return {
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    keyboard: { press: (key) => page.keyboard.press(key) },
    mouse: { move: (x, y) => page.mouse.move(x, y), click: (x, y) => page.mouse.click(x, y) },
    setInputFiles: (selector, paths) => page.locator(selector).setInputFiles([...paths]),
    async closedShadowText(tagName) {
      // DevTools sees closed shadow roots, as the user does; the page cannot.
      const cdp = await page.context().newCDPSession(page);
      try {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
        return shadowTextOfCdp(root, tagName.toUpperCase());
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async extensionFrameText(path) {
      const frame = page.frames().find((f) => isExtensionFrame(f.url(), path));
      return frame ? frame.evaluate(() => document.body?.innerText ?? '').catch(() => null) : null;
    },
    setViewportSize: (size) => page.setViewportSize(size),
    bringToFront: () => page.bringToFront(),
    reload: async () => { await page.reload({ waitUntil: 'load' }); },
    // caret 'initial': Playwright's default caret hiding leaves style="" on focused inputs,
    // which would show up in the before/after markup comparisons.
    screenshotTo: async (path, opts) => { await page.screenshot({ path, fullPage: opts.fullPage, caret: 'initial' }); },
    close: () => page.close(),
  };
}
