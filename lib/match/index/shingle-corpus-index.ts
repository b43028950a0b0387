/** The CorpusIndex implementation: articles by slot (ArticleSlots), their sentences as rows of
 *  a SentenceTable and a ShingleIndex over those rows. */
import type { Article } from '../../corpus/article';
import { wordsOf } from '../../text/tokenize';
import { analyzeSentence, type SentenceInfo } from '../verify/analyze';
import { ArticleRows } from './article-rows';
import { ArticleSlots } from './article-slots';
import type { CorpusIndex } from './corpus-index';
import { findMatches, prepareQuery, type MatchSource, type PreparedQuery } from '../find-matches';
import { indexedSentences } from './indexed-sentences';
import { packIndex, packSteps, type PackedCorpusIndex } from '../snapshot/packed-index';
import { bitsFor } from './postings';
import { encodeIndex, type IndexParts, type SerializedCorpusIndex } from '../snapshot/serialize';
import { SentenceTable } from './sentence-table';
import { ShingleIndex } from './shingle-index';
import { runStepsPaused } from './steps';
import { shingleKeys } from './shingles';
import type { MatchOptions, SentenceMatch } from '../types';

export { MIN_SENTENCE_WORDS } from './indexed-sentences';
/** A table holding more than this many postings per bucket is rebuilt with more buckets. */
const MAX_LOAD = 4;
/** Analysed corpus sentences kept for verification (a page's sentences meet the same candidates). */
const INFO_CACHE_SIZE = 4096;
/** Rough shingle keys per character of article text, to size the table before a bulk build. */
const KEYS_PER_CHAR = 0.2;

export class ShingleCorpusIndex implements CorpusIndex, MatchSource {
  private readonly slots: ArticleSlots;
  private hits = new Uint16Array(0);
  private weights = new Uint32Array(0);
  private readonly infos = new Map<number, SentenceInfo>();
  /** candidateArticleIds' first steps, by preparedKey, until matchSentence takes them or the
   *  index changes (a woken worker's first page is analysed once, not twice). */
  private readonly prepared = new Map<string, PreparedQuery | null>();
  /** Bumped by every change of the articles or the table (keys the caches below). */
  private changes = 0;
  /** Whether some sentence with pending postings may be matched, for `changes` and `from`. */
  private pendingVisible = { changes: -1, from: -1, value: true };

  constructor(articles: ArticleRows, private readonly table: SentenceTable, private shingles: ShingleIndex) {
    this.slots = new ArticleSlots(articles, table);
  }

  /** An empty index whose shingle table is sized for about `chars` characters of text. */
  static sizedFor(chars: number): ShingleCorpusIndex {
    return new ShingleCorpusIndex(ArticleRows.of([]), new SentenceTable(), ShingleIndex.empty(bitsFor(chars * KEYS_PER_CHAR), 0));
  }

  addArticle(article: Article, opts: { hidden?: boolean } = {}): void {
    this.changed();
    const slot = this.slots.add(article);
    for (const s of indexedSentences(article)) {
      this.shingles.add(this.table.push(slot, s.index, s.start, s.end, s.words), s.keys);
    }
    if (opts.hidden) this.slots.setHidden(article.id, true);
  }

  removeArticle(id: string): boolean {
    this.changed();
    return this.slots.remove(id);
  }

  setHidden(id: string, hidden: boolean): boolean {
    this.changed();
    return this.slots.setHidden(id, hidden);
  }

  getArticle(id: string): Article | undefined {
    return this.slots.visible(id);
  }

  articleIds(): string[] {
    return this.slots.visibleIds();
  }

  sentenceCount(id: string): number {
    return this.slots.visibleRows(id);
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

  async packInSteps(pause: () => Promise<void>, include?: ReadonlySet<string>): Promise<PackedCorpusIndex> {
    this.growIfCrowded();
    // Queries answered between the pieces read the old table and the pending postings.
    let merged = true;
    while (merged && this.shingles.firstPendingId() !== null) merged = await this.shingles.flushInSteps(this.table.size, pause);
    return (await runStepsPaused(packSteps(this.parts(include)), pause)) as PackedCorpusIndex;
  }


  compact(): CorpusIndex {
    const kept = this.slots.kept();
    const next = ShingleCorpusIndex.sizedFor(kept.reduce((n, k) => n + k.article.text.length, 0));
    for (const k of kept) next.addArticle(k.article, { hidden: k.hidden });
    next.settle();
    return next;
  }

  deadShare(): number {
    return this.table.size === 0 ? 0 : this.slots.deadRows / this.table.size;
  }

  roomFor(chars: number): boolean {
    return this.shingles.postingCount + chars * KEYS_PER_CHAR <= MAX_LOAD * 2 ** this.shingles.bits || this.shingles.bits >= bitsFor(Infinity);
  }

  stats(): { articles: number; sentences: number; deadSentences: number; shingles: number; bytes: number } {
    const p = this.shingles.snapshot(this.table.size);
    const c = this.table.columns;
    const bytes = p.offsets.byteLength + p.postings.byteLength + p.stopped.byteLength + this.hits.byteLength + this.weights.byteLength +
      c.article.byteLength + c.index.byteLength + c.start.byteLength + c.end.byteLength + c.words.byteLength;
    return { articles: this.slots.visibleCount, sentences: this.table.size, deadSentences: this.slots.deadRows, shingles: p.postings.length, bytes };
  }

  /** Flushes the delta after a bulk build so the first query pays nothing. */
  settle(): void {
    this.growIfCrowded();
    this.shingles.flush(this.table.size);
  }

  countHits(keys: readonly number[], hits: Uint16Array, weights: Uint32Array, touched: number[]): number {
    const from = touched.length;
    const stoppedKeys = this.shingles.countHits(keys, this.table.size, hits, weights, touched, this.pendingMayMatch());
    if (this.slots.inactiveRows === 0) return stoppedKeys;
    // Rows of hidden and removed articles must not take the places of live candidates.
    const rows = this.table.columns.article;
    const active = this.slots.active;
    let kept = from;
    for (let i = from; i < touched.length; i++) {
      const id = touched[i] as number;
      if (active[rows[id] as number]) {
        touched[kept++] = id;
      } else {
        hits[id] = 0;
        weights[id] = 0;
      }
    }
    touched.length = kept;
    return stoppedKeys;
  }

  hitBuffers(): { hits: Uint16Array; weights: Uint32Array } {
    if (this.hits.length < this.table.size) {
      const size = Math.max(1024, this.table.size * 2);
      this.hits = new Uint16Array(size);
      this.weights = new Uint32Array(size);
    }
    return { hits: this.hits, weights: this.weights };
  }

  wordCount(id: number): number {
    return this.table.columns.words[id] ?? 0;
  }

  articleIdOf(id: number): string | null {
    return this.slots.visibleIdAt(this.table.columns.article[id] ?? -1);
  }

  sentenceIndexOf(id: number): number {
    return this.table.columns.index[id] ?? -1;
  }

  sentenceText(id: number): string {
    const c = this.table.columns;
    return this.slots.at(c.article[id] ?? -1)?.text.slice(c.start[id], c.end[id]) ?? '';
  }

  sentenceInfo(id: number): SentenceInfo {
    const cached = this.infos.get(id);
    if (cached) return cached;
    if (this.infos.size >= INFO_CACHE_SIZE) this.infos.clear();
    const info = analyzeSentence(this.sentenceText(id));
    this.infos.set(id, info);
    return info;
  }

  /** Whether some sentence with postings still pending is visible: while an import's articles
   *  are indexed hidden, queries leave their postings out instead of merging them first (at
   *  10,000 articles a merge holds the worker for ~0.5 s). */
  private pendingMayMatch(): boolean {
    const from = this.shingles.firstPendingId();
    if (from === null || this.slots.inactiveRows === 0) return true;
    const cached = this.pendingVisible;
    if (cached.changes !== this.changes || cached.from !== from) {
      this.pendingVisible = { changes: this.changes, from, value: this.slots.anyVisibleFromRow(from) };
    }
    return this.pendingVisible.value;
  }

  private changed(): void {
    this.prepared.clear();
    this.changes++;
  }

  /** The parts of a snapshot: hidden articles written as empty slots (they are not committed). */
  private parts(include?: ReadonlySet<string>): IndexParts {
    this.growIfCrowded();
    return { articles: this.slots.committed(include), sentences: this.table.trimmed(), postings: this.shingles.snapshot(this.table.size) };
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
      if (this.slots.has(rows[id] as number)) next.add(id, shingleKeys(wordsOf(this.sentenceText(id))));
    }
    next.flush(this.table.size);
    this.shingles = next;
    this.changed();
  }
}

/** The key of a prepared query: the candidates depend on the sentence and whether paraphrases
 *  are wanted (see findMatches). */
function preparedKey(sentence: string, opts: MatchOptions = {}): string {
  return `${opts.kinds?.includes('paraphrase') ? 'p' : 'c'}${sentence}`;
}
