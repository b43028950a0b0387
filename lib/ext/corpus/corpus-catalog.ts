/** The corpus as the options page browses it: both corpora's articles and outlets, and a
 *  search. Sizes of 10,000 articles rule out per-sentence work up front: sentence counts come
 *  from the index, titles are searched fuzzily (Fuse.js over one short string per article)
 *  and texts literally (case-insensitive), the sentence being cut out only for the hits. */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Article } from '../../corpus/article';
import type { CorpusIndex } from '../../match/index/corpus-index';
import { splitSentences } from '../../text/sentences';
import type { ArticleRetention, CorpusArticleInfo, CorpusListing, CorpusOrigin, CorpusSearchHit } from '../messaging/messages';

/** What the catalog lists: the two indexes (null when not loaded) and whether the built-in
 *  corpus is hidden. `userVersion` changes whenever the user corpus does (caches follow it). */
export interface CatalogSource {
  builtin: CorpusIndex | null;
  user: CorpusIndex | null;
  userVersion: number;
  builtinHidden: boolean;
  /** What retention may do to the user's feed and read articles (absent: none of them). */
  retention?: ReadonlyMap<string, ArticleRetention>;
}

/** Lists and searches both corpora. */
export interface CorpusCatalog {
  list(source: CatalogSource): CorpusListing;
  /** Best first, at most `limit` hits (one per article); an empty or blank query answers []. */
  search(source: CatalogSource, query: string, limit?: number): CorpusSearchHit[];
}

interface Entry { article: Article; origin: CorpusOrigin; index: CorpusIndex }

/** A catalog; it caches the title search per corpus version. */
export function createCorpusCatalog(): CorpusCatalog {
  let cached: { key: string; builtin: CorpusIndex | null; user: CorpusIndex | null; fuse: Fuse<Entry>; entries: Entry[] } | null = null;
  const entriesOf = (source: CatalogSource): { fuse: Fuse<Entry>; entries: Entry[] } => {
    const key = `${source.userVersion}`;
    if (cached?.key === key && cached.builtin === source.builtin && cached.user === source.user) return cached;
    const entries = [...entriesIn(source.user, 'user'), ...entriesIn(source.builtin, 'builtin')];
    const fuse = new Fuse(entries.filter((e) => e.article.title), FUSE_OPTIONS);
    cached = { key, builtin: source.builtin, user: source.user, fuse, entries };
    return cached;
  };
  return {
    list(source) {
      const info = infoFor(source);
      const user = entriesIn(source.user, 'user').map(info);
      const builtin = entriesIn(source.builtin, 'builtin').map(info);
      return { ...listing([...user, ...builtin]), builtinHidden: source.builtinHidden, userArticles: user.length, builtinArticles: builtin.length };
    },
    search(source, query, limit = 20) {
      const wanted = query.trim();
      if (wanted === '') return [];
      const { fuse, entries } = entriesOf(source);
      const info = infoFor(source);
      const hits = new Map<string, CorpusSearchHit>();
      for (const hit of textHits(entries, wanted, limit, info)) hits.set(hit.article.id, hit);
      for (const { item, score } of fuse.search(wanted, { limit })) {
        const id = item.article.id;
        if (!hits.has(id)) hits.set(id, { article: info(item), sentence: null, score: 1 - (score ?? 1) });
      }
      return [...hits.values()].sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}

const FUSE_OPTIONS: IFuseOptions<Entry> = {
  keys: ['article.title'],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
};

/** What the options page shows of an article; `sentences` counts its indexed sentences,
 *  `retention` is left out when undefined (the article always stays). */
export function articleInfo(article: Article, origin: CorpusOrigin, sentences: number, retention?: ArticleRetention): CorpusArticleInfo {
  const { id, outlet, site, title, url, published, credit } = article;
  const info: CorpusArticleInfo = { id, origin, outlet, site, title, url, published, credit, sentences };
  return retention ? { ...info, retention } : info;
}

function entriesIn(index: CorpusIndex | null, origin: CorpusOrigin): Entry[] {
  if (!index) return [];
  return index.articleIds().flatMap((id) => {
    const article = index.getArticle(id);
    return article ? [{ article, origin, index }] : [];
  });
}

/** An entry's info under `source`'s retention states (only user articles have one). */
function infoFor(source: CatalogSource): (entry: Entry) => CorpusArticleInfo {
  return (entry) => articleInfo(entry.article, entry.origin, entry.index.sentenceCount(entry.article.id),
    entry.origin === 'user' ? source.retention?.get(entry.article.id) : undefined);
}

/** Articles whose text contains `query` (any case), user ones first, with the sentence it is in;
 *  score 1 (an exact hit). */
function textHits(entries: readonly Entry[], query: string, limit: number, infoOf: (entry: Entry) => CorpusArticleInfo): CorpusSearchHit[] {
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
  const hits: CorpusSearchHit[] = [];
  for (const entry of entries) {
    if (hits.length >= limit) break;
    const at = entry.article.text.search(pattern);
    if (at < 0) continue;
    const { text, blocks } = entry.article;
    const sentence = splitSentences(text, blocks.map((b) => b.start)).find((s) => s.start <= at && at < s.end);
    hits.push({ article: infoOf(entry), sentence: sentence?.text ?? null, score: 1 });
  }
  return hits;
}

function listing(articles: CorpusArticleInfo[]): Pick<CorpusListing, 'outlets' | 'articles'> {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.outlet, (counts.get(a.outlet) ?? 0) + 1);
  const outlets = [...counts].map(([outlet, n]) => ({ outlet, articles: n }));
  outlets.sort((a, b) => a.outlet.localeCompare(b.outlet));
  const sorted = [...articles].sort((a, b) => a.outlet.localeCompare(b.outlet) || (a.title ?? '').localeCompare(b.title ?? ''));
  return { outlets, articles: sorted };
}
