/** Building an index a few articles at a time, giving the event loop a turn in between, so a
 *  worker that re-indexes thousands of articles still answers pages meanwhile. */
import type { Article } from '../../corpus/article';
import { createCorpusIndex, type CorpusIndex } from '../../match/index/corpus-index';

/** Articles indexed between two pauses: ~25 news articles take 20-40 ms to index. */
export const ARTICLES_PER_CHUNK = 25;

/** Gives the event loop one macrotask turn (messages waiting are answered first). */
export const nextMacrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** How chunked work waits between chunks. */
export interface ChunkOptions {
  pause?: () => Promise<void>;
  chunk?: number;
}

/** Calls `each` for every item, pausing after every `chunk` of them. */
export async function forEachInChunks<T>(items: readonly T[], each: (item: T, i: number) => void, opts: ChunkOptions = {}): Promise<void> {
  const chunk = opts.chunk ?? ARTICLES_PER_CHUNK;
  const pause = opts.pause ?? nextMacrotask;
  for (let i = 0; i < items.length; i++) {
    each(items[i] as T, i);
    if ((i + 1) % chunk === 0 && i + 1 < items.length) await pause();
  }
}

/** A new index over `articles` in this order, those in `hidden` added hidden; its table is
 *  sized for their text plus `extraChars` still to come. Same answers as createCorpusIndex. */
export async function buildIndexInChunks(
  articles: readonly Article[],
  hidden: ReadonlySet<string> = new Set(),
  opts: ChunkOptions & { extraChars?: number } = {},
): Promise<CorpusIndex> {
  const chars = articles.reduce((n, a) => n + a.text.length, 0) + (opts.extraChars ?? 0);
  const index = createCorpusIndex([], { expectedChars: chars });
  await forEachInChunks(articles, (article) => index.addArticle(article, { hidden: hidden.has(article.id) }), opts);
  return index;
}
