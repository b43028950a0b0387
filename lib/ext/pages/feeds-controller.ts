/** The options page's feed actions. Host permissions are asked for here, first thing in the
 *  person's click (browsers grant them only from a user's action), before the background is
 *  asked to read the address. */
import { browser } from 'wxt/browser';
import { hostPattern } from '../feeds/host-pattern';
import type { FeedView } from '../messaging/messages';
import type { ReadingMemory } from '../settings/settings';
import { sendToBackground } from '../messaging/messaging';

/** How a subscription went: done, refused (in plain words), or the feed's articles are on hosts
 *  Echoes must be allowed first (a second click: allowAndSubscribe). */
export type SubscribeOutcome =
  | { state: 'subscribed'; feed: FeedView }
  | { state: 'failed'; error: string }
  | { state: 'needs-hosts'; feedUrl: string; title: string | null; origins: string[] };

/** What the feeds panel can do. */
export interface FeedActions {
  /** Subscribes to a feed or a site's feed (`outlet`: the name to list its articles under, or
   *  '' for the feed's title). Must be called from the click itself. */
  subscribe(url: string, outlet: string): Promise<SubscribeOutcome>;
  /** After 'needs-hosts': asks for those hosts (from the click), then subscribes. */
  allowAndSubscribe(feedUrl: string, outlet: string, origins: string[]): Promise<SubscribeOutcome>;
  unsubscribe(id: string, removeArticles: boolean): Promise<string | null>;
  refresh(id?: string): Promise<string | null>;
  list(): Promise<FeedView[]>;
  getRetention(): Promise<{ maxAgeDays: number; maxArticles: number } | null>;
  setRetention(rule: { maxAgeDays: number; maxArticles: number }): Promise<{ removed: number } | { error: string }>;
  /** "Remember what I read" as stored (null: the background did not answer). */
  getReadingMemory(): Promise<ReadingMemory | null>;
  /** Stores it; answers an error message, or null when stored. */
  setReadingMemory(memory: ReadingMemory): Promise<string | null>;
  /** Bytes of storage the extension uses (IndexedDB and the rest), or null when not told. */
  storageUsed(): Promise<number | null>;
}

/** The feed actions over the background calls; `request` is browser.permissions.request. */
export function createFeedActions(request = (origins: string[]) => browser.permissions.request({ origins })): FeedActions {
  const subscribeChecked = async (feedUrl: string, outlet: string): Promise<SubscribeOutcome> => {
    const made = await sendToBackground('subscribeFeed', { feedUrl, outlet: outlet.trim() || undefined });
    return made.ok ? { state: 'subscribed', feed: made.value } : { state: 'failed', error: made.error };
  };
  return {
    async subscribe(url, outlet) {
      let pattern: string;
      try {
        pattern = hostPattern(url.trim());
      } catch {
        return { state: 'failed', error: 'Give the feed\'s address (or the site\'s), starting with https:// or http://.' };
      }
      const granted = await request([pattern]).catch(() => false);
      if (!granted) return { state: 'failed', error: `Echoes needs your permission to read ${new URL(url.trim()).host}: nothing was subscribed.` };
      const check = await sendToBackground('checkFeed', { url: url.trim() });
      if (!check.ok) return { state: 'failed', error: check.error };
      const { feedUrl, title, missingOrigins } = check.value;
      if (missingOrigins.length > 0) return { state: 'needs-hosts', feedUrl, title, origins: missingOrigins };
      return subscribeChecked(feedUrl, outlet || title || '');
    },
    async allowAndSubscribe(feedUrl, outlet, origins) {
      const granted = await request(origins.map((o) => hostPattern(o))).catch(() => false);
      if (!granted) return { state: 'failed', error: 'Without permission for those sites Echoes cannot read the articles: nothing was subscribed.' };
      return subscribeChecked(feedUrl, outlet);
    },
    async unsubscribe(id, removeArticles) {
      const result = await sendToBackground('unsubscribeFeed', { id, removeArticles });
      return result.ok ? null : result.error;
    },
    async refresh(id) {
      const result = await sendToBackground('refreshFeeds', id ? { id } : {});
      return result.ok ? null : result.error;
    },
    async list() {
      const result = await sendToBackground('listFeeds', {});
      return result.ok ? result.value : [];
    },
    async getRetention() {
      const result = await sendToBackground('getRetention', {});
      return result.ok ? result.value : null;
    },
    async setRetention(rule) {
      const result = await sendToBackground('setRetention', rule);
      return result.ok ? { removed: result.value.removed } : { error: result.error };
    },
    async getReadingMemory() {
      const result = await sendToBackground('getReadingMemory', {});
      return result.ok ? result.value : null;
    },
    async setReadingMemory(memory) {
      const result = await sendToBackground('setReadingMemory', memory);
      return result.ok ? null : result.error;
    },
    async storageUsed() {
      const estimate = await navigator.storage?.estimate?.().catch(() => null);
      return estimate?.usage ?? null;
    },
  };
}
