/** Retention in the background: the chosen bounds ('local:retention'), and their application
 *  to the articles that came from feeds (and pages read), oldest first. An expired item stays
 *  known to its feed, so it is not read again; imported articles are never touched. */
import { storage } from 'wxt/utils/storage';
import { articlesToExpire, migrateRetentionRule, type Expirable, type RetentionRule } from '../../corpus/feeds/retention';
import type { IndexHolder } from '../background/index-holder';
import type { UserCorpus } from '../corpus/user-corpus';
import type { BackgroundCalls } from '../messaging/messages';
import type { CallHandlers } from '../messaging/messaging';
import { corpusChangedItem } from '../settings/storage';
import { readFeedRecords, writeFeedRecords, type FeedRecord } from './feed-records';
import { readReadRecords, writeReadRecords, type ReadRecord } from './read-records';

/** 'local:retention': how long and how many feed articles are kept (see migrateRetentionRule). */
export const retentionItem = storage.defineItem<unknown>('local:retention', { fallback: null });

/** The stored rule, repaired. */
export async function readRetention(): Promise<RetentionRule> {
  return migrateRetentionRule(await retentionItem.getValue());
}

/** Removes the feed articles the rule expires at `now`; answers how many (0 when the store
 *  refused: nothing is then changed, and the next run tries again). */
export async function applyRetention(corpus: UserCorpus, now: number, rule?: RetentionRule): Promise<number> {
  const bounds = rule ?? (await readRetention());
  const [records, reads] = await Promise.all([readFeedRecords(), readReadRecords()]);
  const ids = articlesToExpire([...expirableOf(records, corpus), ...readExpirable(reads, corpus)], corpus.size, bounds, now);
  if (ids.length === 0) return 0;
  const result = await corpus.exclusive(() => corpus.remove(ids));
  if (!result.ok) return 0;
  const gone = new Set(ids);
  const note = `removed to keep the corpus within ${bounds.maxAgeDays} days and ${bounds.maxArticles} articles`;
  // Re-read: a refresh may have stored a record meanwhile.
  const latest = await readFeedRecords();
  await writeFeedRecords(latest.map((r) => ({ ...r, items: r.items.map((i) => (i.articleId && gone.has(i.articleId) ? { ...i, articleId: null, note } : i)) })));
  if (reads.some((r) => gone.has(r.articleId))) await writeReadRecords((id) => corpus.hasId(id));
  await corpusChangedItem.setValue(now);
  return result.removed;
}

function expirableOf(records: readonly FeedRecord[], corpus: UserCorpus): Expirable[] {
  return records.flatMap((r) => r.items.flatMap((item): Expirable[] => {
    const article = item.articleId ? corpus.index.getArticle(item.articleId) : undefined;
    if (!article) return [];
    const published = article.published ? Date.parse(article.published) : NaN;
    return [{ id: article.id, datedMs: Number.isFinite(published) ? published : item.addedMs ?? null }];
  }));
}

/** Read articles date from their publication, else from when they were read. */
function readExpirable(reads: readonly ReadRecord[], corpus: UserCorpus): Expirable[] {
  return reads.flatMap((r): Expirable[] => {
    const article = corpus.index.getArticle(r.articleId);
    if (!article) return [];
    const published = article.published ? Date.parse(article.published) : NaN;
    return [{ id: article.id, datedMs: Number.isFinite(published) ? published : r.readMs }];
  });
}

/** The getRetention / setRetention handlers (setting the bounds applies them at once). */
export function createRetentionHandlers(holder: IndexHolder, now: () => number): CallHandlers<Pick<BackgroundCalls, 'getRetention' | 'setRetention'>> {
  return {
    getRetention: async () => ({ ok: true, value: await readRetention() }),
    async setRetention(data) {
      const rule = migrateRetentionRule(data);
      await retentionItem.setValue(rule);
      const user = await holder.user();
      if (!user.ok) return user;
      return { ok: true, value: { ...rule, removed: await applyRetention(user.value, now(), rule) } };
    },
  };
}
