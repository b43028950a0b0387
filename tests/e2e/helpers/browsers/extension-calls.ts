/** What the tests ask the extension, run inside one of its pages (either browser): which tab
 *  has a URL, a tab's badge, a background call as the popup makes it. */
import type { CallResult, E2ePage } from './types';

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

/** The calls, each run in the extension page that `extensionPage` answers (opened lazily by
 *  the caller, kept open). */
export interface ExtensionCalls {
  /** The id of the newest tab with the URL `url`; throws when none has it. */
  tabIdOf(url: string): Promise<number>;
  /** The toolbar badge text of a tab (`action` in MV3, `browserAction` in Firefox's MV2). */
  badgeText(tabId: number): Promise<string>;
  /** A background call, as lib/ext/messaging sends it. */
  callBackground<T = unknown>(name: string, data: object): Promise<CallResult<T>>;
}

/** ExtensionCalls over `extensionPage`. */
export function extensionCalls(extensionPage: () => Promise<Pick<E2ePage, 'evaluate'>>): ExtensionCalls {
  return {
    async tabIdOf(url) {
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
