/** The subscribed feeds as stored ('local:feeds'): each feed's address, outlet, schedule,
 *  validators, last outcome and the items already read (so they are skipped before any fetch,
 *  and removing the feed can remove its articles). Read through migrateFeedRecords. */
import { storage } from 'wxt/utils/storage';
import { stableId } from '../../corpus/files/manifest';
import type { TextSource } from '../../corpus/feeds/item-article';
import { NEW_TIMING, type FeedTiming } from '../../corpus/feeds/schedule';

/** Items remembered per feed (the newest): more than any feed lists at once. */
export const MAX_KNOWN_ITEMS = 2_000;

/** One item already read: its article (null when none was made, `note` says why) and where
 *  the article's text came from. */
export interface KnownItem { key: string; articleId: string | null; source: TextSource | null; note: string | null; addedMs?: number | null }

/** One subscription. */
export interface FeedRecord {
  id: string;
  url: string;
  outlet: string;
  addedMs: number;
  timing: FeedTiming;
  etag: string | null;
  lastModified: string | null;
  /** The last read's problem in plain words, or null when it went well. */
  lastError: string | null;
  /** Articles the last read added. */
  lastNew: number;
  /** Items the feed listed when last read (null: never read). */
  lastListed: number | null;
  items: KnownItem[];
}

/** 'local:feeds': the subscriptions, in the order they were added. */
export const feedsItem = storage.defineItem<unknown>('local:feeds', { fallback: [] });

/** A new subscription to `url` named `outlet`, due at once. */
export function newFeedRecord(url: string, outlet: string, now: number): FeedRecord {
  return {
    id: stableId(`feed:${url}`), url, outlet, addedMs: now, timing: NEW_TIMING, etag: null, lastModified: null,
    lastError: null, lastNew: 0, lastListed: null, items: [],
  };
}

/** The stored value as feed records: anything not a record is dropped, bad fields reset. */
export function migrateFeedRecords(raw: unknown): FeedRecord[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r: unknown) => {
    if (!isObject(r) || typeof r.url !== 'string' || typeof r.outlet !== 'string' || typeof r.id !== 'string') return [];
    const timing = isObject(r.timing) ? r.timing : {};
    return [{
      id: r.id, url: r.url, outlet: r.outlet, addedMs: num(r.addedMs) ?? 0,
      timing: { lastCheckedMs: num(timing.lastCheckedMs), nextDueMs: num(timing.nextDueMs), failures: num(timing.failures) ?? 0, ttlMinutes: num(timing.ttlMinutes) },
      etag: str(r.etag), lastModified: str(r.lastModified), lastError: str(r.lastError),
      lastNew: num(r.lastNew) ?? 0, lastListed: num(r.lastListed),
      items: Array.isArray(r.items) ? r.items.flatMap(knownItem).slice(-MAX_KNOWN_ITEMS) : [],
    }];
  });
}

/** The stored feeds, repaired. */
export async function readFeedRecords(): Promise<FeedRecord[]> {
  return migrateFeedRecords(await feedsItem.getValue());
}

/** Stores the feeds. */
export async function writeFeedRecords(feeds: readonly FeedRecord[]): Promise<void> {
  await feedsItem.setValue(feeds);
}

function knownItem(raw: unknown): KnownItem[] {
  if (!isObject(raw) || typeof raw.key !== 'string') return [];
  const source = raw.source === 'feed' || raw.source === 'page' || raw.source === 'summary' ? raw.source : null;
  return [{ key: raw.key, articleId: str(raw.articleId), source, note: str(raw.note), addedMs: num(raw.addedMs) }];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
