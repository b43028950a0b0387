/** The page URL of each tab our content script runs in, as the runtime reports its sender.
 *  Without the `tabs` permission (its install warning reads "read your browsing history") the
 *  browser shows a tab's URL only for the tab the person invoked Echoes on (activeTab); the
 *  content script's own messages tell the rest, so settings changes can still reach every tab. */
import { MAX_TAB_STATES } from './tab-states';

/** URLs by tab id, at most `max` (the tab heard from longest ago is forgotten first). */
export interface TabUrls {
  /** Remembers the URL a content script in `tabId` sent from (ignored when absent). */
  note(tabId: number, url: string | undefined): void;
  get(tabId: number): string | undefined;
  forget(tabId: number): void;
  /** Every tab with a known URL. */
  entries(): [number, string][];
}

/** Creates the map. */
export function createTabUrls(max = MAX_TAB_STATES): TabUrls {
  const urls = new Map<number, string>();
  return {
    note(tabId, url) {
      if (url === undefined || url === '') return;
      urls.delete(tabId);
      urls.set(tabId, url);
      if (urls.size > max) urls.delete(urls.keys().next().value as number);
    },
    get: (tabId) => urls.get(tabId),
    forget: (tabId) => void urls.delete(tabId),
    entries: () => [...urls],
  };
}
