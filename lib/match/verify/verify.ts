import { alignEdits } from './align';
import { analyzeSentence, type SentenceInfo } from './analyze';
import { alignNames, pairFeatures, type PairFeatures } from './features';
import { quotesClash } from './quote-clash';
import type { MatchVerdict } from '../types';
import {
  FEATURE_WEIGHTS, FEATURE_BIAS, PARAPHRASE_THRESHOLD, REWORD_MIN_SHORT, REWORD_MIN_LONG,
  REWORD_MIN_WORDS, STRICTNESS_SPAN, MAX_NAME_CLASH, NUMBER_CLASH_PENALTY,
  EDIT_MIN_TILED_SHORT, EDIT_MAX_SUBSTITUTION, EDIT_MAX_SUBSTITUTED_SHARE, EDIT_GATE_SHARED,
} from './weights';

const WEIGHT_ENTRIES = Object.entries(FEATURE_WEIGHTS) as Array<[keyof PairFeatures, number]>;

/** Paraphrase probability 0..1 from the fitted logistic model alone (see weights.ts). */
export function paraphraseProbability(f: PairFeatures): number {
  let z = FEATURE_BIAS;
  for (const [name, w] of WEIGHT_ENTRIES) z += w * f[name];
  return 1 / (1 + Math.exp(-z));
}

/** The model's probability with differing figures pushed down further (NUMBER_CLASH_PENALTY logits). */
function paraphraseScore(f: PairFeatures): number {
  const p = paraphraseProbability(f);
  if (f.numberClash === 0) return p;
  return 1 / (1 + ((1 - p) / Math.max(p, 1e-9)) * Math.exp(NUMBER_CLASH_PENALTY));
}

/** Thresholds for a strictness 0..1: 0.5 gives the tuned values, higher asks for more evidence. */
export function thresholdsFor(strictness = 0.5): { paraphrase: number; rewordShort: number; rewordLong: number } {
  const shift = (Math.min(1, Math.max(0, strictness)) - 0.5) * STRICTNESS_SPAN;
  return {
    paraphrase: Math.min(0.99, Math.max(0.01, PARAPHRASE_THRESHOLD + shift)),
    rewordShort: Math.min(1, REWORD_MIN_SHORT + shift / 2),
    rewordLong: Math.min(1, REWORD_MIN_LONG + shift),
  };
}

/** Verdict on extracted features; null = not a match.
 *  verbatim: identical word sequences. reworded: no number clash and either the shorter sentence
 *  is mostly a subsequence of the longer (edits, truncation) or a quoted passage is shared.
 *  paraphrase: the fitted probability, lowered further when figures differ, reaches the threshold
 *  (MSRP-level: its annotators accept "23 vs 26 troops killed" as one statement; a copy may not). */
export function classifyFeatures(f: PairFeatures, shortWords: number, strictness = 0.5, editedWords = 0): MatchVerdict | null {
  if (f.identical === 1) return { kind: 'verbatim', score: 1 };
  const t = thresholdsFor(strictness);
  const p = paraphraseScore(f);
  // An edited copy (editedWords > 0) has had its names checked where they differ (align.ts).
  const sameSentence = (f.lcsShort >= t.rewordShort && f.lcsLong >= t.rewordLong && f.nameClash < MAX_NAME_CLASH) || editedWords > 0;
  const sharedWords = Math.max(f.lcsShort * shortWords, editedWords);
  if (f.numberClash === 0 && sharedWords >= REWORD_MIN_WORDS && (sameSentence || f.quoteShared === 1)) {
    const closeness = (f.lcsShort + f.lcsLong) / 2;
    return { kind: 'reworded', score: round(Math.min(0.99, Math.max(p, 0.5 + closeness / 2))) };
  }
  if (p >= t.paraphrase) return { kind: 'paraphrase', score: round(p) };
  return null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** compareSentences on already analysed sentences (the index analyses the query once). */
export function compareAnalyzed(query: SentenceInfo, candidate: SentenceInfo, strictness = 0.5): MatchVerdict | null {
  if (query.words.length === 0 || candidate.words.length === 0) return null;
  const a = query.words;
  const b = candidate.words;
  if (a.length === b.length && a.every((w, i) => w === b[i])) return { kind: 'verbatim', score: 1 };
  if (quotesClash(query, candidate)) return null;
  const f = pairFeatures(query, candidate);
  const shortWords = Math.min(a.length, b.length);
  return classifyFeatures(f, shortWords, strictness, editedCopyWords(query, candidate, f, strictness));
}

/** Words the two share when one is the other edited by clauses (alignEdits: shared runs in any
 *  order, insertions of any length, short substitutions only), else 0. Only tried when the
 *  in-order test cannot decide and the pair could still be a copy (cheap gates first). */
function editedCopyWords(query: SentenceInfo, candidate: SentenceInfo, f: PairFeatures, strictness: number): number {
  const t = thresholdsFor(strictness);
  if (f.numberClash === 1 || (f.lcsShort >= t.rewordShort && f.lcsLong >= t.rewordLong)) return 0;
  if (Math.max(f.uniShort, f.stemShort) < EDIT_GATE_SHARED) return 0;
  const bw = alignNames(query, candidate);
  const queryShort = query.words.length <= bw.length;
  const e = queryShort ? alignEdits(query.words, bw, query.names, candidate.names) : alignEdits(bw, query.words, candidate.names, query.names);
  const minTiled = Math.min(1, EDIT_MIN_TILED_SHORT + (t.rewordShort - REWORD_MIN_SHORT));
  const ok = e.tiled >= minTiled * e.aWords && e.tiled >= t.rewordLong * e.bWords &&
    e.longestSubstitution <= EDIT_MAX_SUBSTITUTION && e.substituted <= EDIT_MAX_SUBSTITUTED_SHARE * e.aWords && e.substitutedNames === 0;
  return ok ? e.tiled : 0;
}

/** Pairwise verdict used by the index and by the MSRP eval script; null = not a match. */
export function compareSentences(query: string, candidate: string, strictness = 0.5): MatchVerdict | null {
  return compareAnalyzed(analyzeSentence(query), analyzeSentence(candidate), strictness);
}
