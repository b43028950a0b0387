/** Articles a person pinned ("keep this article"), as stored ('local:pinnedArticles'): feed
 *  and read articles that retention never removes, by age or by count, until unpinned. Only
 *  the ids are stored; an id whose article is gone (removed by hand) is dropped at the next
 *  write. Beside them, which of the user's articles retention may touch at all. */
import { storage } from 'wxt/utils/storage';
import type { ArticleRetention } from '../messaging/messages';
import type { FeedRecord } from './feed-records';
import type { ReadRecord } from './read-records';

/** 'local:pinnedArticles': the pinned article ids, in the order they were pinned. */
export const pinnedArticlesItem = storage.defineItem<unknown>('local:pinnedArticles', { fallback: [] });

/** Most ids one getArticleRetention may ask about (a popup lists far fewer sources). */
export const MAX_RETENTION_IDS = 500;

/** Longest id kept: corpus ids are short hashes or file ids; anything longer is not one. */
export const MAX_PIN_ID_CHARS = 300;

/** The stored value as pinned ids: strings only (non-empty, at most MAX_PIN_ID_CHARS), each once. */
export function migratePinnedIds(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const ids = raw.filter((id): id is string => typeof id === 'string' && id !== '' && id.length <= MAX_PIN_ID_CHARS);
  return [...new Set(ids)];
}

/** The stored pins, repaired. */
export async function readPinnedIds(): Promise<Set<string>> {
  return new Set(migratePinnedIds(await pinnedArticlesItem.getValue()));
}

/** Pins or unpins `id`, keeps only the pins whose article `exists` still; stores and answers them. */
export async function writePinnedIds(exists: (id: string) => boolean, change?: { id: string; pinned: boolean }): Promise<Set<string>> {
  const ids = migratePinnedIds(await pinnedArticlesItem.getValue()).filter((id) => id !== change?.id);
  if (change?.pinned) ids.push(change.id);
  const kept = ids.filter(exists);
  await pinnedArticlesItem.setValue(kept);
  return new Set(kept);
}

/** The ids of the articles that came on their own: from a feed's items, or read. */
export function arrivedIds(records: readonly FeedRecord[], reads: readonly ReadRecord[]): Set<string> {
  const ids = new Set<string>(reads.map((r) => r.articleId));
  for (const record of records) for (const item of record.items) if (item.articleId) ids.add(item.articleId);
  return ids;
}

/** What retention may do to each article of `arrived` (feed and read ones): 'pinned' when the
 *  person pinned it, else 'expires'; a pinned article no feed or reading lists any more (its
 *  feed was removed) stays 'pinned'. Articles absent from the map always stay. */
export function retentionStates(arrived: ReadonlySet<string>, pinned: ReadonlySet<string>): Map<string, ArticleRetention> {
  const states = new Map<string, ArticleRetention>();
  for (const id of arrived) states.set(id, 'expires');
  for (const id of pinned) states.set(id, 'pinned');
  return states;
}
