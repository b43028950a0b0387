/** The searchable corpus (CorpusIndex) and the ways to get one: built from articles, or
 *  revived from the prebuilt asset (JSON) or from the snapshot IndexedDB keeps (packed). */
import type { Article } from '../../corpus/article';
import { ArticleRows } from './article-rows';
import { unpackIndex, type LateTexts, type PackedCorpusIndex } from '../snapshot/packed-index';
import { decodeIndex, type IndexParts, type SerializedCorpusIndex } from '../snapshot/serialize';
import { SentenceTable } from './sentence-table';
import { ShingleCorpusIndex } from './shingle-corpus-index';
import { ShingleIndex } from './shingle-index';
import type { MatchOptions, SentenceMatch } from '../types';

export type { PackedCorpusIndex } from '../snapshot/packed-index';
export type { SerializedCorpusIndex } from '../snapshot/serialize';
export { MIN_SENTENCE_WORDS } from './shingle-corpus-index';

/** The searchable corpus: articles, their sentences and a shingle index over them.
 *  An article is visible (matched, listed), hidden (indexed but neither matched nor listed, e.g.
 *  while its import is unfinished) or gone (removed or replaced: its sentences stay in the table
 *  as dead rows that are never candidates again, until compact()). */
export interface CorpusIndex {
  /** Adds (or, for a known id, replaces) an article; searchable at once unless `hidden`. */
  addArticle(article: Article, opts?: { hidden?: boolean }): void;
  /** Removes a visible or hidden article; false when there is none with that id. */
  removeArticle(id: string): boolean;
  /** Hides or shows an article already added; false when there is none with that id. */
  setHidden(id: string, hidden: boolean): boolean;
  /** A visible article; undefined for unknown and hidden ones. */
  getArticle(id: string): Article | undefined;
  /** Ids of the visible articles, in the order they were added. */
  articleIds(): string[];
  /** Indexed sentences (of MIN_SENTENCE_WORDS words or more) of a visible article; 0 when unknown. */
  sentenceCount(id: string): number;
  /** Best match per article (at most one per article), best first: verbatim, reworded, paraphrase, then score. */
  matchSentence(sentence: string, opts?: MatchOptions): SentenceMatch[];
  /** Ids of the articles whose texts matchSentence would read for these sentences (their
   *  candidates); reads no article text unless the table must grow first. */
  candidateArticleIds(sentences: readonly string[], opts?: MatchOptions): Set<string>;
  /** JSON-safe snapshot for the prebuilt asset; loadCorpusIndex(x.serialize()) answers the same.
   *  Hidden articles are left out (as empty slots). */
  serialize(): SerializedCorpusIndex;
  /** Structured-clone snapshot for IndexedDB; loadPackedCorpusIndex(x.pack()) answers the same.
   *  Hidden articles are left out. It shares typed arrays with the index: store it before the
   *  next change. */
  pack(): PackedCorpusIndex;
  /** pack() a piece at a time, calling `pause` between pieces (pages are answered meanwhile);
   *  hidden articles named in `include` are packed as if visible (an import about to be
   *  committed: shown only once stored). Pending postings are merged first, also in pieces. */
  packInSteps(pause: () => Promise<void>, include?: ReadonlySet<string>): Promise<PackedCorpusIndex>;
  /** A new index over the same visible and hidden articles (in the same order) with no dead rows. */
  compact(): CorpusIndex;
  /** Share of sentence rows that are dead (0..1; cheap, unlike stats(), which merges pending
   *  postings first). */
  deadShare(): number;
  /** True when about `chars` more characters of text fit before the shingle table must grow
   *  (a rebuild that re-reads every sentence at once). */
  roomFor(chars: number): boolean;
  /** Sizes: visible articles, sentence rows (dead ones included), dead rows, stored shingle
   *  postings, typed-array bytes. */
  stats(): { articles: number; sentences: number; deadSentences: number; shingles: number; bytes: number };
}

/** An index over the given articles (more can be added later with addArticle). Its shingle
 *  table is sized for their text, or for `expectedChars` when more is to be added (a table
 *  that fills up is rebuilt larger, re-reading every sentence). */
export function createCorpusIndex(articles: readonly Article[] = [], opts: { expectedChars?: number } = {}): CorpusIndex {
  const index = ShingleCorpusIndex.sizedFor(opts.expectedChars ?? articles.reduce((n, a) => n + a.text.length, 0));
  for (const article of articles) index.addArticle(article);
  index.settle();
  return index;
}

/** Rebuilds an index from serialize()'s output; answers exactly as the original did.
 *  Throws on data that is not a snapshot of this version (a broken bundled asset is a bug). */
export function loadCorpusIndex(data: SerializedCorpusIndex): CorpusIndex {
  const parts: IndexParts | { error: string } = decodeIndex(data);
  if ('error' in parts) throw new Error(`loadCorpusIndex: ${parts.error}`);
  return new ShingleCorpusIndex(ArticleRows.of(parts.articles), new SentenceTable(parts.sentences, parts.sentences.article.length), new ShingleIndex(parts.postings));
}

/** Revives pack()'s output; answers exactly as the original did (hidden articles left out).
 *  `{ error }` when the data is not a packed snapshot of this version (rebuild from the articles). */
export function loadPackedCorpusIndex(data: PackedCorpusIndex, late?: LateTexts): CorpusIndex | { error: string } {
  const parts = unpackIndex(data, late);
  if ('error' in parts) return parts;
  return new ShingleCorpusIndex(parts.articles, new SentenceTable(parts.sentences, parts.sentences.article.length), new ShingleIndex(parts.table));
}
