/** The browser-neutral driver the e2e scenarios are written against (see ../README.md). Its
 *  shape is a small subset of Playwright's Page, which puppeteer's Page mostly shares, so the
 *  Chromium driver is close to a pass-through and the page probes work on either. */
import type { DemoSite } from '../../../../scripts/demo-site/server';
import type { ConsoleLog } from '../console-watch';

/** The browsers the suite drives. */
export type BrowserName = 'chromium' | 'firefox';

/** One tab (or extension page opened as a tab). Input is real (trusted) input through the
 *  browser's automation protocol, never synthetic DOM events the page could forge too. */
export interface E2ePage {
  /** The page's address (for extension pages: the one it was opened at). */
  url(): string;
  /** Runs `fn(arg)` in the page's main world; answers its JSON-safe result. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  keyboard: { press(key: string): Promise<void> };
  /** Coordinates are CSS pixels of the viewport. */
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  /** Chooses `paths` in the file input matched by `selector` (it fires input/change). */
  setInputFiles(selector: string, paths: readonly string[]): Promise<void>;
  /** The text (outside <style>) of the first shadow root, open or closed, of the first
   *  `tagName` element; '' when there is none. Closed roots are read through the protocol,
   *  which sees them as the user does, while the page cannot. */
  closedShadowText(tagName: string): Promise<string>;
  /** The text (innerText) of the first child frame showing the extension page `path` (e.g.
   *  '/card.html', hash ignored, at whatever extension address the browser gave it); null when
   *  the page has no such frame. Read through the protocol: the page itself cannot. */
  extensionFrameText(path: string): Promise<string | null>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  /** Brings the tab to the front (a background tab's animation frames are throttled). */
  bringToFront(): Promise<void>;
  /** Reloads and waits for the load event. */
  reload(): Promise<void>;
  /** Writes a PNG of the viewport (or the whole page) to `path`. */
  screenshotTo(path: string, opts: { fullPage: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** The answer of a background call, as lib/ext/messaging gives it. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** What a browser driver provides; E2eBrowser adds the rest on top (drivers/session.ts). */
export interface BrowserDriver {
  readonly name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, no trailing slash. */
  readonly extensionOrigin: string;
  /** Console messages and uncaught errors of pages and of the extension's background. */
  readonly console: ConsoleLog;
  /** A new tab at `url`, loaded. */
  open(url: string): Promise<E2ePage>;
  /** A new tab at the extension page `path` (e.g. 'popup.html?tabId=3'), its document loaded. */
  openExtensionPage(path: string): Promise<E2ePage>;
  /** A URL of a browser page the extension may not run on (chrome://version, about:support). */
  readonly browserPageUrl: string;
  close(): Promise<void>;
}

/** One test file's browser with the built extension, and the demo site. */
export interface E2eBrowser extends BrowserDriver {
  readonly site: DemoSite;
  /** The browser tab id of `page` (brings it to the front: no tab shows its URL to us). */
  tabIdOf(page: E2ePage): Promise<number>;
  /** The toolbar badge text of a tab. */
  badgeText(tabId: number): Promise<string>;
  /** The popup opened as a tab for `tabId` (popup.html?tabId=N), its document loaded. */
  openPopup(tabId: number): Promise<E2ePage>;
  /** The options page, its corpus listing shown. */
  openOptions(): Promise<E2ePage>;
  /** Sends a background call from an extension page, as the popup does. */
  callBackground<T = unknown>(name: string, data: object): Promise<CallResult<T>>;
  /** Saves artifacts/e2e/<browser>-<name>.png; answers its path. */
  screenshot(page: E2ePage, name: string, opts?: { fullPage?: boolean }): Promise<string>;
}
