/** Retention in the background: the chosen bounds ('local:retention'), and their application
 *  to the articles that came from feeds (and pages read), oldest first. An expired item stays
 *  known to its feed, so it is not read again; imported and pinned articles are never touched. */
import { storage } from 'wxt/utils/storage';
import { articlesToExpire, migrateRetentionRule, type Expirable, type RetentionRule } from '../../corpus/feeds/retention';
import type { IndexHolder } from '../background/index-holder';
import type { UserCorpus } from '../corpus/user-corpus';
import type { ArticleRetention, BackgroundCalls } from '../messaging/messages';
import type { CallHandlers } from '../messaging/messaging';
import { corpusChangedItem } from '../settings/storage';
import { readFeedRecords, writeFeedRecords, type FeedRecord } from './feed-records';
import { readReadRecords, writeReadRecords, type ReadRecord } from './read-records';
import { arrivedIds, MAX_RETENTION_IDS, readPinnedIds, retentionStates, writePinnedIds } from './pinned-articles';

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
  // Chosen and removed in one turn of the corpus: a pin stored meanwhile (setArticlePinned
  // stores it in a turn of its own) is either seen here or comes after the removal.
  const outcome = await corpus.exclusive(async () => {
    const [records, reads, pinned] = await Promise.all([readFeedRecords(), readReadRecords(), readPinnedIds()]);
    const ids = articlesToExpire([...expirableOf(records, corpus), ...readExpirable(reads, corpus)], corpus.size, bounds, now, pinned);
    return { ids, reads, result: ids.length === 0 ? null : await corpus.remove(ids) };
  });
  const { ids, reads, result } = outcome;
  if (!result?.ok) return 0;
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

/** What retention may do to each feed or read article of `corpus` (the others always stay). */
export async function readRetentionStates(corpus: UserCorpus): Promise<Map<string, ArticleRetention>> {
  const [records, reads, pinned] = await Promise.all([readFeedRecords(), readReadRecords(), readPinnedIds()]);
  const states = retentionStates(arrivedIds(records, reads), pinned);
  for (const id of states.keys()) if (!corpus.index.getArticle(id)) states.delete(id);
  return states;
}

type RetentionCalls = Pick<BackgroundCalls, 'getRetention' | 'setRetention' | 'setArticlePinned' | 'getArticleRetention'>;

/** The retention handlers: the bounds (setting them applies them at once) and the pins. */
export function createRetentionHandlers(holder: IndexHolder, now: () => number): CallHandlers<RetentionCalls> {
  return {
    getRetention: async () => ({ ok: true, value: await readRetention() }),
    async setRetention(data) {
      const rule = migrateRetentionRule(data);
      await retentionItem.setValue(rule);
      const user = await holder.user();
      if (!user.ok) return user;
      return { ok: true, value: { ...rule, removed: await applyRetention(user.value, now(), rule) } };
    },
    async setArticlePinned(data) {
      if (typeof data.id !== 'string' || typeof data.pinned !== 'boolean') return refuse('setArticlePinned needs { id: an article id, pinned: true or false }');
      const user = await holder.user();
      if (!user.ok) return user;
      const corpus = user.value;
      const { id, pinned } = data;
      const stored = await corpus.exclusive(async (): Promise<{ retention: ArticleRetention | null } | { error: string }> => {
        if (!corpus.index.getArticle(id)) return { error: 'that article is not in your corpus (it may have just been removed): reload the list' };
        if (pinned && !(await readRetentionStates(corpus)).has(id)) return { error: 'you imported or added that article yourself, so it always stays: there is nothing to pin' };
        await writePinnedIds((known) => corpus.hasId(known), { id, pinned });
        return { retention: (await readRetentionStates(corpus)).get(id) ?? null };
      });
      if ('error' in stored) return refuse(stored.error);
      await corpusChangedItem.setValue(now());
      return { ok: true, value: { id, retention: stored.retention } };
    },
    async getArticleRetention(data) {
      if (!Array.isArray(data.ids) || !data.ids.every((id) => typeof id === 'string') || data.ids.length > MAX_RETENTION_IDS) {
        return refuse(`getArticleRetention needs { ids: at most ${MAX_RETENTION_IDS} article ids }`);
      }
      const user = await holder.user();
      if (!user.ok) return user;
      const states = await readRetentionStates(user.value);
      // fromEntries defines own properties: an id such as "__proto__" stays a plain key.
      return { ok: true, value: Object.fromEntries(data.ids.flatMap((id) => (states.has(id) ? [[id, states.get(id)!]] : []))) };
    },
  };
}

function refuse(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
