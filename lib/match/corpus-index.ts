import type { Article } from '../corpus/article';
import { analyzeSentence, type SentenceInfo } from './analyze';
import { splitSentences } from '../text/sentences';
import { wordsIn, wordsOf } from '../text/tokenize';
import { findMatches, type MatchSource } from './find-matches';
import { bitsFor } from './postings';
import { SentenceTable } from './sentence-table';
import { ShingleIndex } from './shingle-index';
import { shingleKeys } from './shingles';
import { decodeIndex, encodeIndex, type IndexParts, type SerializedCorpusIndex } from './serialize';
import type { MatchOptions, SentenceMatch } from './types';

export type { SerializedCorpusIndex } from './serialize';

/** Sentences with fewer words are not indexed ("Coup attempt?", datelines). */
export const MIN_SENTENCE_WORDS = 4;
/** A table holding more than this many postings per bucket is rebuilt with more buckets. */
const MAX_LOAD = 4;
/** Analysed corpus sentences kept for verification (a page's sentences meet the same candidates). */
const INFO_CACHE_SIZE = 4096;
/** Rough shingle keys per character of article text, to size the table before a bulk build. */
const KEYS_PER_CHAR = 0.2;

/** The searchable corpus: articles, their sentences and a shingle index over them. */
export interface CorpusIndex {
  /** Adds (or, for a known id, replaces) an article; searchable at once. */
  addArticle(article: Article): void;
  getArticle(id: string): Article | undefined;
  /** Ids of the current articles, in the order they were added. */
  articleIds(): string[];
  /** Best match per article (at most one per article), best first: verbatim, reworded, paraphrase, then score. */
  matchSentence(sentence: string, opts?: MatchOptions): SentenceMatch[];
  /** JSON-safe snapshot for the prebuilt asset; loadCorpusIndex(x.serialize()) answers the same. */
  serialize(): SerializedCorpusIndex;
  /** Sizes: current articles, indexed sentences, stored shingle postings, typed-array bytes. */
  stats(): { articles: number; sentences: number; shingles: number; bytes: number };
}

class ShingleCorpusIndex implements CorpusIndex, MatchSource {
  private readonly ids = new Map<string, number>();
  private hits = new Uint16Array(0);
  private readonly infos = new Map<number, SentenceInfo>();

  constructor(
    private readonly articles: Array<Article | null>,
    private readonly table: SentenceTable,
    private shingles: ShingleIndex,
  ) {
    articles.forEach((a, i) => a && this.ids.set(a.id, i));
  }

  addArticle(article: Article): void {
    const old = this.ids.get(article.id);
    if (old !== undefined) {
      this.articles[old] = null;
      this.infos.clear();
    }
    const slot = this.articles.push(article) - 1;
    this.ids.set(article.id, slot);
    for (const span of splitSentences(article.text, article.blocks.map((b) => b.start))) {
      const words = wordsIn(article.text, span.start, span.end);
      if (words.length < MIN_SENTENCE_WORDS) continue;
      const id = this.table.push(slot, span.index, span.start, span.end, words.length);
      this.shingles.add(id, shingleKeys(words));
    }
  }

  getArticle(id: string): Article | undefined {
    const slot = this.ids.get(id);
    return slot === undefined ? undefined : (this.articles[slot] ?? undefined);
  }

  articleIds(): string[] {
    return this.articles.flatMap((a) => (a ? [a.id] : []));
  }

  matchSentence(sentence: string, opts?: MatchOptions): SentenceMatch[] {
    this.growIfCrowded();
    return findMatches(this, sentence, opts);
  }

  serialize(): SerializedCorpusIndex {
    this.growIfCrowded();
    return encodeIndex({ articles: this.articles, sentences: this.table.trimmed(), postings: this.shingles.snapshot(this.table.size) });
  }

  stats(): { articles: number; sentences: number; shingles: number; bytes: number } {
    const p = this.shingles.snapshot(this.table.size);
    const c = this.table.columns;
    const bytes = p.offsets.byteLength + p.postings.byteLength + p.stopped.byteLength + this.hits.byteLength +
      c.article.byteLength + c.index.byteLength + c.start.byteLength + c.end.byteLength + c.words.byteLength;
    return { articles: this.ids.size, sentences: this.table.size, shingles: p.postings.length, bytes };
  }

  /** Flushes the delta after a bulk build so the first query pays nothing. */
  settle(): void {
    this.growIfCrowded();
    this.shingles.flush(this.table.size);
  }

  countHits(keys: readonly number[], hits: Uint16Array, touched: number[]): void {
    this.shingles.countHits(keys, this.table.size, hits, touched);
  }

  hitBuffer(): Uint16Array {
    if (this.hits.length < this.table.size) this.hits = new Uint16Array(Math.max(1024, this.table.size * 2));
    return this.hits;
  }

  wordCount(id: number): number {
    return this.table.columns.words[id] ?? 0;
  }

  articleIdOf(id: number): string | null {
    return this.articles[this.table.columns.article[id] ?? -1]?.id ?? null;
  }

  sentenceIndexOf(id: number): number {
    return this.table.columns.index[id] ?? -1;
  }

  sentenceText(id: number): string {
    const c = this.table.columns;
    return this.articles[c.article[id] ?? -1]?.text.slice(c.start[id], c.end[id]) ?? '';
  }

  sentenceInfo(id: number): SentenceInfo {
    const cached = this.infos.get(id);
    if (cached) return cached;
    if (this.infos.size >= INFO_CACHE_SIZE) this.infos.clear();
    const info = analyzeSentence(this.sentenceText(id));
    this.infos.set(id, info);
    return info;
  }

  /** Rebuilds the shingle table with more buckets when it got crowded (keys are recomputed from
   *  the sentence texts, since only bucket numbers are stored); amortised by doubling. */
  private growIfCrowded(): void {
    const count = this.shingles.postingCount;
    if (count <= MAX_LOAD * 2 ** this.shingles.bits || this.shingles.bits >= bitsFor(Infinity)) return;
    const next = ShingleIndex.empty(bitsFor(count * 2), this.table.size);
    for (let id = 0; id < this.table.size; id++) {
      if (this.articleIdOf(id) !== null) next.add(id, shingleKeys(wordsOf(this.sentenceText(id))));
    }
    next.flush(this.table.size);
    this.shingles = next;
  }
}

/** An index over the given articles (more can be added later with addArticle). */
export function createCorpusIndex(articles: readonly Article[] = []): CorpusIndex {
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  const index = new ShingleCorpusIndex([], new SentenceTable(), ShingleIndex.empty(bitsFor(chars * KEYS_PER_CHAR), 0));
  for (const article of articles) index.addArticle(article);
  index.settle();
  return index;
}

/** Rebuilds an index from serialize()'s output; answers exactly as the original did.
 *  Throws on data that is not a snapshot of this version (a broken bundled asset is a bug). */
export function loadCorpusIndex(data: SerializedCorpusIndex): CorpusIndex {
  const parts: IndexParts | { error: string } = decodeIndex(data);
  if ('error' in parts) throw new Error(`loadCorpusIndex: ${parts.error}`);
  return new ShingleCorpusIndex(parts.articles, new SentenceTable(parts.sentences, parts.sentences.article.length), new ShingleIndex(parts.postings));
}
