import type { Article } from '../corpus/article';
import { analyzeSentence, type SentenceInfo } from './analyze';
import { splitSentences } from '../text/sentences';
import { wordsIn, wordsOf } from '../text/tokenize';
import { findMatches, prepareQuery, type MatchSource, type PreparedQuery } from './find-matches';
import { ArticleRows } from './article-rows';
import { bitsFor } from './postings';
import { SentenceTable } from './sentence-table';
import { ShingleIndex } from './shingle-index';
import { shingleKeys } from './shingles';
import { packIndex, unpackIndex, type LateTexts, type PackedCorpusIndex } from './packed-index';
import { decodeIndex, encodeIndex, type IndexParts, type SerializedCorpusIndex } from './serialize';
import type { MatchOptions, SentenceMatch } from './types';

export type { PackedCorpusIndex } from './packed-index';
export type { SerializedCorpusIndex } from './serialize';

/** Sentences with fewer words are not indexed ("Coup attempt?", datelines). */
export const MIN_SENTENCE_WORDS = 4;
/** A table holding more than this many postings per bucket is rebuilt with more buckets. */
const MAX_LOAD = 4;
/** Analysed corpus sentences kept for verification (a page's sentences meet the same candidates). */
const INFO_CACHE_SIZE = 4096;
/** Rough shingle keys per character of article text, to size the table before a bulk build. */
const KEYS_PER_CHAR = 0.2;

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

class ShingleCorpusIndex implements CorpusIndex, MatchSource {
  /** Id -> slot of every visible or hidden article. */
  private readonly ids = new Map<string, number>();
  private readonly hidden = new Set<number>();
  /** Per slot: 1 when its sentences may be matched (visible), 0 when hidden or gone. */
  private active = new Uint8Array(0);
  /** Per slot: its first sentence id (a slot's sentences are consecutive rows). */
  private readonly firstRow: number[] = [];
  private deadRows = 0;
  /** Rows of hidden or gone articles: when 0, candidates need no filtering. */
  private inactiveRows = 0;
  private hits = new Uint16Array(0);
  private readonly infos = new Map<number, SentenceInfo>();
  /** candidateArticleIds' first steps, by preparedKey, until matchSentence takes them or the
   *  index changes (a woken worker's first page is analysed once, not twice). */
  private readonly prepared = new Map<string, PreparedQuery | null>();

  constructor(
    private readonly articles: ArticleRows,
    private readonly table: SentenceTable,
    private shingles: ShingleIndex,
  ) {
    const rows = table.columns.article;
    for (let id = 0, slot = 0; slot < articles.length; slot++) {
      this.firstRow[slot] = id;
      while (id < table.size && rows[id] === slot) id++;
    }
    this.active = new Uint8Array(Math.max(64, articles.length * 2));
    for (let slot = 0; slot < articles.length; slot++) {
      const id = articles.idAt(slot);
      if (id !== null) this.ids.set(id, slot), (this.active[slot] = 1);
      else this.deadRows += this.rowsOf(slot);
    }
    this.inactiveRows = this.deadRows;
  }

  addArticle(article: Article, opts: { hidden?: boolean } = {}): void {
    this.prepared.clear();
    const old = this.ids.get(article.id);
    if (old !== undefined) this.retire(old);
    const slot = this.articles.push(article);
    this.ids.set(article.id, slot);
    this.firstRow[slot] = this.table.size;
    if (slot >= this.active.length) {
      const bigger = new Uint8Array(this.active.length * 2);
      bigger.set(this.active);
      this.active = bigger;
    }
    for (const span of splitSentences(article.text, article.blocks.map((b) => b.start))) {
      const words = wordsIn(article.text, span.start, span.end);
      if (words.length < MIN_SENTENCE_WORDS) continue;
      const id = this.table.push(slot, span.index, span.start, span.end, words.length);
      this.shingles.add(id, shingleKeys(words));
    }
    this.active[slot] = 1;
    if (opts.hidden) this.setHidden(article.id, true);
  }

  removeArticle(id: string): boolean {
    const slot = this.ids.get(id);
    if (slot === undefined) return false;
    this.retire(slot);
    return true;
  }

  setHidden(id: string, hidden: boolean): boolean {
    const slot = this.ids.get(id);
    if (slot === undefined) return false;
    if (hidden === this.hidden.has(slot)) return true;
    this.prepared.clear();
    if (hidden) this.hidden.add(slot);
    else this.hidden.delete(slot);
    this.active[slot] = hidden ? 0 : 1;
    this.inactiveRows += hidden ? this.rowsOf(slot) : -this.rowsOf(slot);
    return true;
  }

  getArticle(id: string): Article | undefined {
    const slot = this.ids.get(id);
    return slot === undefined || !this.active[slot] ? undefined : (this.articles.at(slot) ?? undefined);
  }

  articleIds(): string[] {
    const ids: string[] = [];
    for (let slot = 0; slot < this.articles.length; slot++) {
      const id = this.articles.idAt(slot);
      if (id !== null && this.active[slot]) ids.push(id);
    }
    return ids;
  }

  sentenceCount(id: string): number {
    const slot = this.ids.get(id);
    return slot === undefined || !this.active[slot] ? 0 : this.rowsOf(slot);
  }

  matchSentence(sentence: string, opts?: MatchOptions): SentenceMatch[] {
    this.growIfCrowded();
    let prepared: PreparedQuery | null | undefined;
    if (this.prepared.size > 0) {
      const key = preparedKey(sentence, opts);
      prepared = this.prepared.get(key);
      this.prepared.delete(key);
    }
    return findMatches(this, sentence, opts, prepared);
  }

  candidateArticleIds(sentences: readonly string[], opts: MatchOptions = {}): Set<string> {
    this.growIfCrowded();
    this.prepared.clear();
    const ids = new Set<string>();
    for (const sentence of sentences) {
      const step = prepareQuery(this, sentence, opts);
      this.prepared.set(preparedKey(sentence, opts), step);
      for (const id of step?.candidates ?? []) {
        const articleId = this.articleIdOf(id);
        if (articleId !== null) ids.add(articleId);
      }
    }
    return ids;
  }

  serialize(): SerializedCorpusIndex {
    return encodeIndex(this.parts());
  }

  pack(): PackedCorpusIndex {
    return packIndex(this.parts());
  }

  compact(): CorpusIndex {
    const kept = this.articles.toArray().flatMap((a, slot) => (a ? [{ article: a, hidden: this.hidden.has(slot) }] : []));
    const next = createCorpusIndex(kept.map((k) => k.article));
    for (const k of kept) if (k.hidden) next.setHidden(k.article.id, true);
    return next;
  }

  deadShare(): number {
    return this.table.size === 0 ? 0 : this.deadRows / this.table.size;
  }

  roomFor(chars: number): boolean {
    return this.shingles.postingCount + chars * KEYS_PER_CHAR <= MAX_LOAD * 2 ** this.shingles.bits || this.shingles.bits >= bitsFor(Infinity);
  }

  stats(): { articles: number; sentences: number; deadSentences: number; shingles: number; bytes: number } {
    const p = this.shingles.snapshot(this.table.size);
    const c = this.table.columns;
    const bytes = p.offsets.byteLength + p.postings.byteLength + p.stopped.byteLength + this.hits.byteLength +
      c.article.byteLength + c.index.byteLength + c.start.byteLength + c.end.byteLength + c.words.byteLength;
    const articles = this.ids.size - this.hidden.size;
    return { articles, sentences: this.table.size, deadSentences: this.deadRows, shingles: p.postings.length, bytes };
  }

  /** Flushes the delta after a bulk build so the first query pays nothing. */
  settle(): void {
    this.growIfCrowded();
    this.shingles.flush(this.table.size);
  }

  countHits(keys: readonly number[], hits: Uint16Array, touched: number[]): void {
    const from = touched.length;
    this.shingles.countHits(keys, this.table.size, hits, touched);
    if (this.inactiveRows === 0) return;
    // Rows of hidden and removed articles must not take the places of live candidates.
    const rows = this.table.columns.article;
    let kept = from;
    for (let i = from; i < touched.length; i++) {
      const id = touched[i] as number;
      if (this.active[rows[id] as number]) touched[kept++] = id;
      else hits[id] = 0;
    }
    touched.length = kept;
  }

  hitBuffer(): Uint16Array {
    if (this.hits.length < this.table.size) this.hits = new Uint16Array(Math.max(1024, this.table.size * 2));
    return this.hits;
  }

  wordCount(id: number): number {
    return this.table.columns.words[id] ?? 0;
  }

  articleIdOf(id: number): string | null {
    const slot = this.table.columns.article[id] ?? -1;
    return this.active[slot] ? this.articles.idAt(slot) : null;
  }

  sentenceIndexOf(id: number): number {
    return this.table.columns.index[id] ?? -1;
  }

  sentenceText(id: number): string {
    const c = this.table.columns;
    return this.articles.at(c.article[id] ?? -1)?.text.slice(c.start[id], c.end[id]) ?? '';
  }

  sentenceInfo(id: number): SentenceInfo {
    const cached = this.infos.get(id);
    if (cached) return cached;
    if (this.infos.size >= INFO_CACHE_SIZE) this.infos.clear();
    const info = analyzeSentence(this.sentenceText(id));
    this.infos.set(id, info);
    return info;
  }

  private rowsOf(slot: number): number {
    return (this.firstRow[slot + 1] ?? this.table.size) - (this.firstRow[slot] ?? 0);
  }

  /** Empties a slot for good: its rows become dead (they stay, unreachable, until compact()). */
  private retire(slot: number): void {
    const id = this.articles.idAt(slot);
    if (id === null) return;
    this.prepared.clear();
    if (this.active[slot]) this.inactiveRows += this.rowsOf(slot);
    this.ids.delete(id);
    this.hidden.delete(slot);
    this.articles.clear(slot);
    this.active[slot] = 0;
    this.deadRows += this.rowsOf(slot);
  }

  /** The parts of a snapshot: hidden articles written as empty slots (they are not committed). */
  private parts(): IndexParts {
    this.growIfCrowded();
    const all = this.articles.toArray();
    const articles = this.hidden.size === 0 ? all : all.map((a, slot) => (this.hidden.has(slot) ? null : a));
    return { articles, sentences: this.table.trimmed(), postings: this.shingles.snapshot(this.table.size) };
  }

  /** Rebuilds the shingle table with more buckets when it got crowded (keys are recomputed from
   *  the sentence texts, since only bucket numbers are stored); amortised by doubling. Rows of
   *  gone articles are left out; hidden ones are kept (they may be shown later). */
  private growIfCrowded(): void {
    const count = this.shingles.postingCount;
    if (count <= MAX_LOAD * 2 ** this.shingles.bits || this.shingles.bits >= bitsFor(Infinity)) return;
    const next = ShingleIndex.empty(bitsFor(count * 2), this.table.size);
    const rows = this.table.columns.article;
    for (let id = 0; id < this.table.size; id++) {
      if (this.articles.idAt(rows[id] as number) !== null) next.add(id, shingleKeys(wordsOf(this.sentenceText(id))));
    }
    next.flush(this.table.size);
    this.shingles = next;
    this.prepared.clear();
  }
}

/** The key of a prepared query: the candidates depend on the sentence and whether paraphrases
 *  are wanted (see findMatches). */
function preparedKey(sentence: string, opts: MatchOptions = {}): string {
  return `${opts.kinds?.includes('paraphrase') ? 'p' : 'c'}${sentence}`;
}

/** An index over the given articles (more can be added later with addArticle). Its shingle
 *  table is sized for their text, or for `expectedChars` when more is to be added (a table
 *  that fills up is rebuilt larger, re-reading every sentence). */
export function createCorpusIndex(articles: readonly Article[] = [], opts: { expectedChars?: number } = {}): CorpusIndex {
  const chars = opts.expectedChars ?? articles.reduce((n, a) => n + a.text.length, 0);
  const index = new ShingleCorpusIndex(ArticleRows.of([]), new SentenceTable(), ShingleIndex.empty(bitsFor(chars * KEYS_PER_CHAR), 0));
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
  return new ShingleCorpusIndex(parts.articles, new SentenceTable(parts.sentences, parts.sentences.article.length), new ShingleIndex(parts.postings, parts.offsets));
}
