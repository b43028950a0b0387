import type { Article } from '../../corpus/article';
import { toBase64, uint16FromBase64, uint32FromBase64, bytesFromBase64 } from './base64';
import type { Postings } from '../index/postings';
import type { SentenceColumns } from '../index/sentence-table';

/** Format tag and version of a snapshot; a different version is refused, not guessed at. */
export const INDEX_FORMAT = 'echoes-corpus-index';
export const INDEX_VERSION = 1;

/** JSON-safe snapshot of a CorpusIndex: articles as they are, typed arrays as base64 of their
 *  bytes (compact, and atob + a byte loop loads faster than parsing long number arrays).
 *  `articles` has null where an article was replaced (its sentences stay, unreachable). */
export interface SerializedCorpusIndex {
  format: typeof INDEX_FORMAT;
  version: typeof INDEX_VERSION;
  articles: Array<Article | null>;
  sentences: { article: string; index: string; start: string; end: string; words: string };
  postings: { bits: number; cap: number; offsets: string; postings: string; stopped: string };
}

/** The decoded parts an index is made of. */
export interface IndexParts {
  articles: Array<Article | null>;
  sentences: SentenceColumns;
  postings: Postings;
}

/** Parts -> snapshot. */
export function encodeIndex(parts: IndexParts): SerializedCorpusIndex {
  const s = parts.sentences;
  const p = parts.postings;
  return {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    articles: parts.articles,
    sentences: {
      article: toBase64(s.article), index: toBase64(s.index), start: toBase64(s.start),
      end: toBase64(s.end), words: toBase64(s.words),
    },
    postings: { bits: p.bits, cap: p.cap, offsets: toBase64(p.offsets), postings: toBase64(p.postings), stopped: toBase64(p.stopped) },
  };
}

/** Snapshot -> parts, checking shapes and sizes; `{ error }` says what is wrong. */
export function decodeIndex(data: SerializedCorpusIndex): IndexParts | { error: string } {
  if (data?.format !== INDEX_FORMAT || data.version !== INDEX_VERSION) {
    return { error: `not an Echoes index snapshot of version ${INDEX_VERSION}` };
  }
  const s = data.sentences;
  const article = uint32FromBase64(s.article);
  const index = uint32FromBase64(s.index);
  const start = uint32FromBase64(s.start);
  const end = uint32FromBase64(s.end);
  const words = uint16FromBase64(s.words);
  if (!article || !index || !start || !end || !words) return { error: 'sentence columns are not valid base64' };
  const n = article.length;
  if (index.length !== n || start.length !== n || end.length !== n || words.length !== n) {
    return { error: 'sentence columns differ in length' };
  }
  const p = data.postings;
  const offsets = uint32FromBase64(p.offsets);
  const postings = uint32FromBase64(p.postings);
  const stopped = bytesFromBase64(p.stopped);
  const buckets = 2 ** p.bits;
  if (!offsets || !postings || !stopped || offsets.length !== buckets + 1 || stopped.length !== buckets) {
    return { error: 'shingle table is malformed' };
  }
  return {
    articles: data.articles,
    sentences: { article, index, start, end, words },
    postings: { bits: p.bits, cap: p.cap, offsets, postings, stopped },
  };
}
