/** The corpus as the options page browses it: outlets, articles and a fuzzy search over titles
 *  and sentences. Fuse.js suits these short lookups over a few thousand strings. */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Article } from '../corpus/article';
import type { CorpusIndex } from '../match/corpus-index';
import { splitSentences } from '../text/sentences';
import type { CorpusArticleInfo, CorpusListing, CorpusSearchHit } from './messages';

/** Lists and searches one corpus index (built lazily, once). */
export interface CorpusCatalog {
  list(): CorpusListing;
  /** Best first, at most `limit` hits; an empty or blank query answers []. */
  search(query: string, limit?: number): CorpusSearchHit[];
}

interface SearchEntry { articleId: string; sentence: string | null; text: string }

/** A catalog over `index`'s articles. */
export function createCorpusCatalog(index: CorpusIndex): CorpusCatalog {
  let infos: Map<string, CorpusArticleInfo> | null = null;
  let fuse: Fuse<SearchEntry> | null = null;
  const articles = () => index.articleIds().flatMap((id: string) => index.getArticle(id) ?? []);
  const infoById = () => (infos ??= new Map(articles().map((a) => [a.id, articleInfo(a)])));
  return {
    list: () => listing([...infoById().values()]),
    search(query, limit = 20) {
      if (query.trim() === '') return [];
      fuse ??= new Fuse(searchEntries(articles()), FUSE_OPTIONS);
      return fuse
        .search(query.trim(), { limit })
        .flatMap(({ item, score }) => {
          const article = infoById().get(item.articleId);
          return article ? [{ article, sentence: item.sentence, score: 1 - (score ?? 1) }] : [];
        });
    },
  };
}

const FUSE_OPTIONS: IFuseOptions<SearchEntry> = {
  keys: ['text'],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
};

/** What the options page shows of an article; `sentences` counts the indexed sentences. */
export function articleInfo(article: Article): CorpusArticleInfo {
  const blockStarts = article.blocks.map((block) => block.start);
  return {
    id: article.id,
    outlet: article.outlet,
    title: article.title,
    url: article.url,
    published: article.published,
    credit: article.credit,
    sentences: splitSentences(article.text, blockStarts).length,
  };
}

function listing(articles: CorpusArticleInfo[]): CorpusListing {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.outlet, (counts.get(a.outlet) ?? 0) + 1);
  const outlets = [...counts].map(([outlet, n]) => ({ outlet, articles: n }));
  outlets.sort((a, b) => a.outlet.localeCompare(b.outlet));
  const sorted = [...articles].sort((a, b) => a.outlet.localeCompare(b.outlet) || (a.title ?? '').localeCompare(b.title ?? ''));
  return { outlets, articles: sorted };
}

function searchEntries(articles: Article[]): SearchEntry[] {
  return articles.flatMap((article) => {
    const blockStarts = article.blocks.map((block) => block.start);
    const sentences = splitSentences(article.text, blockStarts).map((s) => ({ articleId: article.id, sentence: s.text, text: s.text }));
    return article.title ? [{ articleId: article.id, sentence: null, text: article.title }, ...sentences] : sentences;
  });
}
