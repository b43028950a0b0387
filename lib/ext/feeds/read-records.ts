/** The articles added because a person read their page ("remember what I read"), as stored
 *  ('local:readArticles'): each article's id and when it was read. Retention reads them beside
 *  the feeds' items, so read articles leave with the oldest feed articles and imported ones
 *  stay. An entry whose article is gone (removed by hand) is dropped at the next write. */
import { storage } from 'wxt/utils/storage';

/** One article remembered from a page read: its corpus id and when (ms since 1970). */
export interface ReadRecord { articleId: string; readMs: number }

/** 'local:readArticles': the remembered articles, oldest first. */
export const readArticlesItem = storage.defineItem<unknown>('local:readArticles', { fallback: [] });

/** The stored value as read records: entries without a string id or a finite time are
 *  dropped, and an id listed twice keeps its first reading. */
export function migrateReadRecords(raw: unknown): ReadRecord[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  return raw.flatMap((r: unknown): ReadRecord[] => {
    if (typeof r !== 'object' || r === null) return [];
    const { articleId, readMs } = r as Record<string, unknown>;
    if (typeof articleId !== 'string' || typeof readMs !== 'number' || !Number.isFinite(readMs) || seen.has(articleId)) return [];
    seen.add(articleId);
    return [{ articleId, readMs }];
  });
}

/** The stored records, repaired. */
export async function readReadRecords(): Promise<ReadRecord[]> {
  return migrateReadRecords(await readArticlesItem.getValue());
}

/** Keeps only the records whose article `exists` still, plus `added`; stores and answers them. */
export async function writeReadRecords(exists: (id: string) => boolean, added: readonly ReadRecord[] = []): Promise<ReadRecord[]> {
  const kept = migrateReadRecords([...(await readReadRecords()), ...added]).filter((r) => exists(r.articleId));
  await readArticlesItem.setValue(kept);
  return kept;
}
