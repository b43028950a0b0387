import { analyzeSentence, type SentenceInfo } from './verify/analyze';
import { describeChange, wordDiffTokenized } from './diff';
import { shingleKeys } from './index/shingles';
import { weightedShare } from './index/rarity';
import type { MatchKind, MatchOptions, MatchVerdict, SentenceMatch } from './types';
import { reuseOf } from './verify/reuse';
import { compareAnalyzed } from './verify/verify';

/** Least share of the smaller side's shingles a candidate must share to be verified. Reworded
 *  copies share far more; paraphrases can share few pairs, so they get a lower bar. */
const MIN_SHARE_COPY = 0.3;
const MIN_SHARE_PARAPHRASE = 0.1;
/** Candidates verified per query, best shingle share first (more when paraphrases are wanted). */
const MAX_VERIFIED_COPY = 32;
const MAX_VERIFIED_PARAPHRASE = 40;
/** Share of the shorter sentence's words a copy candidate must have in common (pre-filter). */
const MIN_COPY_WORD_SHARE = 0.6;
const DEFAULT_KINDS: readonly MatchKind[] = ['verbatim', 'reworded'];
const KIND_RANK: Record<MatchKind, number> = { verbatim: 0, reworded: 1, paraphrase: 2 };

/** The widest candidate set any query takes (paraphrases wanted): a store that hands over
 *  candidates (the newsroom server) returns at least these, so findMatches picks from them
 *  exactly what it would pick from the whole corpus. */
export const LOOSEST_CANDIDATES = { minShare: MIN_SHARE_PARAPHRASE, limit: MAX_VERIFIED_PARAPHRASE } as const;

/** The candidate set findMatches takes when paraphrases are not wanted (share by candidateShare). */
export const COPY_CANDIDATES = { minShare: MIN_SHARE_COPY, limit: MAX_VERIFIED_COPY } as const;

/** Least shared keys for a candidate of a query with `keyCount` keys. */
export function minHitsFor(keyCount: number): number {
  return keyCount < 3 ? 1 : 2;
}

/** What the matcher needs from an index. */
export interface MatchSource {
  /** Counts, per sentence id, the query keys it shares (see ShingleIndex.countHits) into `hits`,
   *  and their summed keyWeight (by the length of each key's list) into `weights`; returns how
   *  many of the keys are stop-listed (held by too many sentences to count for any). */
  countHits(keys: readonly number[], hits: Uint16Array, weights: Uint32Array, touched: number[]): number;
  /** Buffers of at least one counter per sentence id, all zero: key counts and weights. */
  hitBuffers(): { hits: Uint16Array; weights: Uint32Array };
  /** Words of sentence `id`. */
  wordCount(id: number): number;
  /** The sentence's article id, or null when the article was replaced. */
  articleIdOf(id: number): string | null;
  sentenceIndexOf(id: number): number;
  sentenceText(id: number): string;
  /** analyzeSentence(sentenceText(id)), possibly cached. */
  sentenceInfo(id: number): SentenceInfo;
}

/** The ids countHits touched, reused across queries: a fresh array regrew to hundreds of ids
 *  for every query sentence. */
const touchedIds: number[] = [];

/** Share of the keys a candidate could share that it does share: of the smaller side's keys,
 *  leaving out the query's stop-listed keys (no sentence shares those; the candidate is assumed to
 *  have as many stopped in proportion). In a large corpus a sentence's common pairs are stop-listed
 *  and its copy is found by its rare ones; counting the stopped keys too pushed copies below the
 *  bar (`npm run bench -- --recall`). With no key stopped it is plainShare. */
export function candidateShare(hits: number, keyCount: number, stoppedKeys: number, words: number): number {
  const live = Math.max(1, keyCount - stoppedKeys) / Math.max(1, keyCount);
  return hits / Math.max(1, Math.min(keyCount, words) * live);
}

/** Share of the smaller side's keys shared, stopped ones included: every candidate must reach
 *  LOOSEST_CANDIDATES.minShare by it. */
export function plainShare(hits: number, keyCount: number, words: number): number {
  return hits / Math.max(1, Math.min(keyCount, words));
}

/** Whether a sentence sharing `hits` of the query's `keyCount` keys (`stoppedKeys` of them
 *  stop-listed) may be a candidate at `minShare`: the bars findMatches and a store that hands
 *  over candidates (the newsroom server) both put before ranking. */
export function passesBars(hits: number, keyCount: number, stoppedKeys: number, words: number, minShare: number): boolean {
  return hits >= minHitsFor(keyCount) && plainShare(hits, keyCount, words) >= LOOSEST_CANDIDATES.minShare &&
    candidateShare(hits, keyCount, stoppedKeys, words) >= minShare;
}

/** Sentence ids passing the bars (passesBars), best weighted share first (weightedShare: a
 *  shared rare pair counts more than a common one, so a short quote's copy is not pushed out by
 *  sentences sharing only its speaker's long attribution), at most `limit`; ties to the sentence
 *  closest in length, then the older. A store that hands over candidates sends the `limit` best
 *  by the same weighted share and every one tied with the last, so it sends all of these. */
function candidates(src: MatchSource, keys: readonly number[], minShare: number, limit: number, queryWords: number): number[] {
  const { hits, weights } = src.hitBuffers();
  const touched = touchedIds;
  touched.length = 0;
  const stoppedKeys = src.countHits(keys, hits, weights, touched);
  // [id, weighted share, length difference]
  const scored: Array<[number, number, number]> = [];
  const minHits = minHitsFor(keys.length);
  for (let i = 0; i < touched.length; i++) {
    const id = touched[i] as number;
    const h = hits[id] as number;
    const weight = weights[id] as number;
    hits[id] = 0;
    weights[id] = 0;
    if (h < minHits) continue; // most touched sentences share one common pair: no word count needed
    const words = src.wordCount(id);
    if (passesBars(h, keys.length, stoppedKeys, words, minShare)) scored.push([id, weightedShare(weight, keys.length, words), Math.abs(words - queryWords)]);
  }
  scored.sort((x, y) => y[1] - x[1] || x[2] - y[2] || x[0] - y[0]);
  return scored.slice(0, limit).map(([id]) => id);
}

/** The candidates findMatches verifies for `query` under `kinds`. */
function candidatesFor(src: MatchSource, query: SentenceInfo, kinds: readonly MatchKind[]): number[] {
  const paraphrase = kinds.includes('paraphrase');
  const minShare = paraphrase ? MIN_SHARE_PARAPHRASE : MIN_SHARE_COPY;
  return candidates(src, shingleKeys(query.words), minShare, paraphrase ? MAX_VERIFIED_PARAPHRASE : MAX_VERIFIED_COPY, query.words.length);
}

/** A query sentence analysed and its candidates found: findMatches' first step, which a woken
 *  worker takes to learn which article texts to fetch, then hands to findMatches. */
export interface PreparedQuery {
  query: SentenceInfo;
  /** Candidate sentence ids, best first. */
  candidates: number[];
}

/** findMatches' first step for `sentence` under `opts.kinds`; null when there is nothing to
 *  match (no words, no kinds). The candidates depend on the index as it is now. */
export function prepareQuery(src: MatchSource, sentence: string, opts: MatchOptions = {}): PreparedQuery | null {
  const kinds = opts.kinds ?? DEFAULT_KINDS;
  const query = analyzeSentence(sentence);
  if (query.words.length === 0 || kinds.length === 0) return null;
  return { query, candidates: candidatesFor(src, query, kinds) };
}

/** Best match per article for one query sentence, best first (kind, then score). `prepared`:
 *  prepareQuery's answer for the same sentence, kinds and index, when already taken. */
export function findMatches(src: MatchSource, sentence: string, opts: MatchOptions = {}, prepared?: PreparedQuery | null): SentenceMatch[] {
  const kinds = opts.kinds ?? DEFAULT_KINDS;
  const step = prepared === undefined ? prepareQuery(src, sentence, opts) : prepared;
  if (!step) return [];
  const { query } = step;
  const paraphrase = kinds.includes('paraphrase');
  let queryWords: Set<string> | null = null;
  const best = new Map<string, { id: number; verdict: MatchVerdict }>();
  for (const id of step.candidates) {
    const articleId = src.articleIdOf(id);
    if (articleId === null || opts.excludeArticle?.(articleId)) continue;
    // Nothing beats a verbatim match: the article's answer is settled.
    if (best.get(articleId)?.verdict.kind === 'verbatim') continue;
    const info = src.sentenceInfo(id);
    if (!paraphrase && !mayBeCopy((queryWords ??= new Set(query.words)), query.quotes.length > 0, info)) continue;
    const verdict = compareAnalyzed(query, info, opts.strictness);
    if (!verdict || !kinds.includes(verdict.kind)) continue;
    const held = best.get(articleId);
    if (!held || isBetter(verdict, held.verdict)) best.set(articleId, { id, verdict });
  }
  const found = [...best.entries()].map(([articleId, { id, verdict }]) => {
    const info = src.sentenceInfo(id);
    const text = info.text;
    const diff = wordDiffTokenized(query, info);
    return {
      articleId, sentenceIndex: src.sentenceIndexOf(id), text, ...verdict, diff, change: describeChange(diff), reuse: reuseOf(query, info),
    };
  });
  if (opts.hideQuotes) return found.filter((m) => m.reuse !== 'quote').sort(byRank);
  return found.sort(byRank);
}

/** Best kind first, then score, then article id (a stable order for equal matches). */
function byRank(a: SentenceMatch, b: SentenceMatch): number {
  return isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : a.articleId.localeCompare(b.articleId);
}

/** Cheap bound before the full comparison: a copy (verbatim/reworded) shares most words of the
 *  shorter sentence, unless a quote is shared; names spelt differently count as unshared here, so
 *  the bar sits well below REWORD_MIN_SHORT. */
function mayBeCopy(queryWords: ReadonlySet<string>, queryQuotes: boolean, candidate: SentenceInfo): boolean {
  if (queryQuotes || candidate.quotes.length > 0) return true;
  let shared = 0;
  for (const w of candidate.words) if (queryWords.has(w)) shared++;
  return shared >= MIN_COPY_WORD_SHARE * Math.min(queryWords.size, candidate.words.length);
}

function isBetter(a: MatchVerdict, b: MatchVerdict): boolean {
  return KIND_RANK[a.kind] < KIND_RANK[b.kind] || (a.kind === b.kind && a.score > b.score);
}
