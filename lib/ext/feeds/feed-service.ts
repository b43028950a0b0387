/** The background's feeds: the feed calls of the options page, the periodic refresh (alarms)
 *  and the one-at-a-time reading of due feeds. Each feed's record is stored right after its
 *  new articles were committed, so a worker stopped mid-refresh loses nothing (unstored items
 *  are read again) and duplicates nothing (stored ones are skipped, and imports skip articles
 *  already in the corpus). */
import { browser } from 'wxt/browser';
import { dueFirst } from '../../corpus/feeds/schedule';
import { parseFeedInSlices } from '../../corpus/feeds/parse-feed';
import type { IndexHolder } from '../background/index-holder';
import { importNow } from '../corpus/corpus-handlers';
import type { ImportJobs } from '../imports/import-jobs';
import type { BackgroundCalls, CallResult, FeedCheck } from '../messaging/messages';
import type { CallHandlers } from '../messaging/messaging';
import { corpusChangedItem } from '../settings/storage';
import { newFeedRecord, readFeedRecords, writeFeedRecords, type FeedRecord } from './feed-records';
import { REFRESH_SLICE_MS, refreshFeed, type RefreshDeps } from './feed-refresh';
import { nextMacrotask } from '../corpus/chunked-build';
import { feedView } from './feed-view';
import { hostPattern } from './host-pattern';
import { discoverFeeds } from './html-reader';
import { PoliteFetcher } from './polite-fetch';
import { applyRetention, createRetentionHandlers, readRetention } from './retention-run';
import { readPinnedIds } from './pinned-articles';

type FeedCalls = Pick<BackgroundCalls,
  | 'listFeeds' | 'checkFeed' | 'subscribeFeed' | 'unsubscribeFeed' | 'refreshFeeds' | 'getRetention' | 'setRetention' | 'setArticlePinned' | 'getArticleRetention'>;

/** The alarm that wakes the background to read due feeds, and how often it rings (minutes). */
export const FEED_ALARM = 'echoes-feeds';
export const FEED_ALARM_MINUTES = 5;

/** What the feeds need: the corpora, the import jobs, and (for tests) the fetcher, clock and
 *  permission check. */
export interface FeedServiceOptions {
  holder: IndexHolder;
  jobs: ImportJobs;
  fetcher?: PoliteFetcher;
  now?: () => number;
  mayFetch?: (url: string) => Promise<boolean>;
  readPage?: RefreshDeps['readPage'];
}

/** The feed service: its handlers, the refresh of due feeds, and its listeners. */
export interface FeedService {
  handlers: CallHandlers<FeedCalls>;
  /** Reads the due feeds (or `ids`, due or not); resolves when done. One run at a time. */
  refresh(ids?: readonly string[]): Promise<void>;
  fetcher: PoliteFetcher;
  /** Creates the alarm and listens to it; answers the function that stops listening. */
  start(): () => void;
}

/** Creates the feed service. */
export function createFeedService(opts: FeedServiceOptions): FeedService {
  const now = opts.now ?? Date.now;
  const fetcher = opts.fetcher ?? new PoliteFetcher();
  const mayFetch = opts.mayFetch ?? hasHostPermission;
  let running: Promise<void> | null = null;
  let current: string | null = null;
  const queued = new Set<string>();
  let queuedDue = false;

  const readOne = async (record: FeedRecord, deps: RefreshDeps) => {
    current = record.id;
    const next = await refreshFeed(record, deps).finally(() => (current = null));
    // Re-read: the list may have changed while this feed was read (a subscription removed).
    const records = await readFeedRecords();
    const at = records.findIndex((r) => r.id === record.id);
    if (at >= 0) await writeFeedRecords(records.map((r, i) => (i === at ? next : r)));
  };
  const runOnce = async () => {
    const user = await opts.holder.user();
    if (!user.ok) return;
    const corpus = user.value;
    const rule = await readRetention();
    const deps: RefreshDeps = {
      get: (url, validators) => fetcher.get(url, validators), now, mayFetch, readPage: opts.readPage,
      oldestKeptMs: now() - rule.maxAgeDays * 86_400_000,
      hasArticle: (id) => corpus.hasId(id),
      commit: async (articles) => {
        const result = await importNow(opts.jobs, articles);
        if (result.ok && result.value.added.length > 0) await corpusChangedItem.setValue(now());
        return result;
      },
    };
    while (queuedDue || queued.size > 0) {
      const records = await readFeedRecords();
      const forced = records.filter((r) => queued.has(r.id));
      const pick = forced[0] ?? (queuedDue ? dueFirst(records, now())[0] : undefined);
      if (!pick) {
        queuedDue = false;
        queued.clear();
        break;
      }
      queued.delete(pick.id);
      await readOne(pick, deps);
    }
    // New articles in: the oldest feed articles past the bounds go.
    await applyRetention(corpus, now());
  };
  const refresh = (ids?: readonly string[]): Promise<void> => {
    if (ids) ids.forEach((id) => queued.add(id));
    else queuedDue = true;
    running ??= runOnce().finally(() => (running = null));
    return running;
  };

  const handlers: CallHandlers<FeedCalls> = {
    ...createRetentionHandlers(opts.holder, now),
    listFeeds: async () => ({ ok: true, value: (await readFeedRecords()).map((r) => feedView(r, r.id === current || queued.has(r.id))) }),
    checkFeed: (data) => (typeof data.url === 'string' ? checkFeed(data.url.trim(), fetcher, mayFetch) : refuse('checkFeed needs { url: string }')),
    async subscribeFeed(data) {
      if (typeof data.feedUrl !== 'string' || !isWebUrl(data.feedUrl)) return refuse('subscribeFeed needs { feedUrl: an http(s) address }');
      if (!(await mayFetch(data.feedUrl))) return refuse(`Echoes has no permission for ${new URL(data.feedUrl).host}: subscribe again and allow it when asked`);
      const records = await readFeedRecords();
      const existing = records.find((r) => r.url === data.feedUrl);
      if (existing) return { ok: true, value: feedView(existing, false) };
      const outlet = (typeof data.outlet === 'string' && data.outlet.trim()) || new URL(data.feedUrl).hostname.replace(/^www\./, '');
      const record = newFeedRecord(data.feedUrl, outlet.slice(0, 200), now());
      await writeFeedRecords([...records, record]);
      void refresh([record.id]);
      return { ok: true, value: feedView(record, true) };
    },
    async unsubscribeFeed(data) {
      if (typeof data.id !== 'string') return refuse('unsubscribeFeed needs { id, removeArticles: true or false }');
      const records = await readFeedRecords();
      const record = records.find((r) => r.id === data.id);
      if (!record) return { ok: true, value: { removed: 0 } };
      await writeFeedRecords(records.filter((r) => r.id !== data.id));
      if (data.removeArticles !== true) return { ok: true, value: { removed: 0 } };
      return removeArticlesOf(record, opts.holder, now);
    },
    async refreshFeeds(data) {
      // "Refresh now" reads the feed (or every feed) whether due or not.
      const ids = typeof data.id === 'string' ? [data.id] : (await readFeedRecords()).map((r) => r.id);
      void refresh(ids);
      return { ok: true, value: null };
    },
  };
  const start = () => {
    const onAlarm = (alarm: { name: string }) => void (alarm.name === FEED_ALARM && refresh());
    browser.alarms.onAlarm.addListener(onAlarm);
    void browser.alarms.create(FEED_ALARM, { periodInMinutes: FEED_ALARM_MINUTES, delayInMinutes: 1 });
    return () => browser.alarms.onAlarm.removeListener(onAlarm);
  };
  return { handlers, refresh, fetcher, start };
}

/** Reads an address: a feed answers itself; a web page is searched for the feed it names. */
async function checkFeed(url: string, fetcher: PoliteFetcher, mayFetch: (url: string) => Promise<boolean>): Promise<CallResult<FeedCheck>> {
  if (!isWebUrl(url)) return refuse('give a web address starting with http:// or https://');
  if (!(await mayFetch(url))) return refuse(`Echoes has no permission for ${new URL(url).host}: allow it when asked`);
  const fetched = await fetcher.get(url);
  if (!fetched.ok) return refuse(fetched.error);
  if (fetched.status === 304) return refuse('the address answered 304 without having been asked before');
  // Read in slices, as a refresh reads it: a 3,000-item feed is checked without a long task.
  const read = (text: string, url: string) => parseFeedInSlices(text, url, { pause: nextMacrotask, now: () => performance.now(), sliceMs: REFRESH_SLICE_MS });
  let parsed = await read(fetched.text, fetched.url);
  let feedUrl = fetched.url;
  if (!parsed.ok && /web page/.test(parsed.error)) {
    const named = discoverFeeds(fetched.text, fetched.url)[0];
    if (!named) return refuse('this page names no feed (no <link rel="alternate"> to RSS, Atom or JSON Feed): find the feed\'s address on the site');
    if (!(await mayFetch(named.url))) return { ok: true, value: { feedUrl: named.url, title: named.title, items: 0, missingOrigins: [originOf(named.url)] } };
    const feed = await fetcher.get(named.url);
    if (!feed.ok || feed.status === 304) return refuse(`the page names the feed ${named.url}, but ${feed.ok ? 'it answered 304' : feed.error}`);
    [parsed, feedUrl] = [await read(feed.text, feed.url), feed.url];
  }
  if (!parsed.ok) return refuse(parsed.error);
  const origins = [...new Set(parsed.feed.items.flatMap((i) => (i.url ? [originOf(i.url)] : [])))];
  const missing: string[] = [];
  for (const origin of origins.slice(0, 20)) if (!(await mayFetch(`${origin}/`))) missing.push(origin);
  return { ok: true, value: { feedUrl, title: parsed.feed.title, items: parsed.listed ?? parsed.feed.items.length, missingOrigins: missing } };
}

async function removeArticlesOf(record: FeedRecord, holder: IndexHolder, now: () => number): Promise<CallResult<{ removed: number }>> {
  const user = await holder.user();
  if (!user.ok) return user;
  const corpus = user.value;
  // Pinned articles stay: a pin says "keep this", whatever happens to the feed.
  const result = await corpus.exclusive(async () => {
    const pinned = await readPinnedIds();
    return corpus.remove(record.items.flatMap((i) => (i.articleId && !pinned.has(i.articleId) ? [i.articleId] : [])));
  });
  if (!result.ok) return refuse(`the feed is removed, but its articles could not be (${result.error}): remove them from the corpus list`);
  if (result.removed > 0) await corpusChangedItem.setValue(now());
  return { ok: true, value: { removed: result.removed } };
}

/** Whether the extension holds the host permission for `url`'s origin. */
export async function hasHostPermission(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [hostPattern(url)] });
  } catch {
    return false;
  }
}

/** "https://host:port" of an address. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

function isWebUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

function refuse(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
