/** What the tests ask the extension, run inside one of its pages (either browser): which tab
 *  has a URL, a tab's badge, a background call as the popup makes it. */
import type { CallResult, E2ePage } from './types';

/** The extension API of an extension page. */
interface PageApi {
  tabs: { query(query: object): Promise<{ id?: number }[]> };
  action?: { getBadgeText(details: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(details: { tabId: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<never> };
}
/** Where an extension page keeps its API: Firefox's promise-based `browser`, else Chrome's
 *  `chrome` (whose MV3 calls answer promises too). The functions run in the page read it off
 *  globalThis: a bare `browser` here would be rewritten to WXT's import by the test build
 *  (WxtVitest auto-imports it), and they cannot call helpers of this file. */
type ApiScope = { browser?: PageApi; chrome: PageApi };

/** The calls, each run in the extension page that `extensionPage` answers (opened lazily by
 *  the caller, kept open). */
export interface ExtensionCalls {
  /** The id of `page`'s tab. Without the `tabs` permission no tab shows its URL, so the tab is
   *  brought to the front and the active tab's id is read (tests run one at a time per browser;
   *  the drivers open every tab in one window). */
  tabIdOf(page: Pick<E2ePage, 'bringToFront' | 'url'>): Promise<number>;
  /** The toolbar badge text of a tab (`action` in MV3, `browserAction` in Firefox's MV2). */
  badgeText(tabId: number): Promise<string>;
  /** A background call, as lib/ext/messaging sends it. */
  callBackground<T = unknown>(name: string, data: object): Promise<CallResult<T>>;
}

/** ExtensionCalls over `extensionPage`. */
export function extensionCalls(extensionPage: () => Promise<Pick<E2ePage, 'evaluate'>>): ExtensionCalls {
  return {
    async tabIdOf(page) {
      const caller = await extensionPage(); // opened first: opening it would change the front tab
      await page.bringToFront();
      const id = await caller.evaluate(async () => {
        const api = (globalThis as unknown as ApiScope).browser ?? (globalThis as unknown as ApiScope).chrome;
        const [active] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        return active?.id ?? -1;
      });
      if (id < 0) throw new Error(`no active tab after bringing ${page.url()} to the front`);
      return id;
    },
    async badgeText(tabId) {
      return (await extensionPage()).evaluate((id) => {
        const api = (globalThis as unknown as ApiScope).browser ?? (globalThis as unknown as ApiScope).chrome;
        return (api.action ?? api.browserAction)!.getBadgeText({ tabId: id });
      }, tabId);
    },
    async callBackground(name, data) {
      return (await extensionPage()).evaluate(([call, payload]) => {
        const api = (globalThis as unknown as ApiScope).browser ?? (globalThis as unknown as ApiScope).chrome;
        return api.runtime.sendMessage({ echoesCall: call, data: payload });
      }, [name, data] as const);
    },
  };
}

/** The tab id the test pages use when they need an extension page for no tab in particular. */
export const NO_TAB_POPUP = 'popup.html?tabId=999999999';
