import type { SentenceInfo } from './analyze';
import { isNameVariant } from './fuzzy';
import {
  flaggedAbsent, isCurrent, lcsIds, lettersShared, missingShareIds, profileOf, sharedIds, sharedSorted, type WordProfile,
} from './word-profile';

/** Pairwise similarity features of two sentences, each 0..1 unless said otherwise.
 *  "Short"/"long" are relative to the shorter/longer sentence (asymmetric coverage). */
export interface PairFeatures {
  uniShort: number; uniLong: number;         // shared words (multiset) / words of the shorter, longer
  biShort: number; biLong: number;           // shared word pairs / pairs of the shorter, longer
  lcsShort: number; lcsLong: number;         // longest common word subsequence / length of shorter, longer
  contentShort: number; contentLong: number; // shared non-function words / those of the shorter, longer
  numberClash: number;                       // 1 when each has a number or date word the other lacks (2,000 vs 10,000)
  numberExtra: number;                       // 1 when only one of them has numbers
  extraShort: number; extraLong: number;     // log(1 + unshared non-function words) / 3, of the shorter, longer
  nameClash: number;                         // share of names of the shorter missing from the longer
  nameExtra: number;                         // share of names of the longer missing from the shorter
  weightedShort: number; weightedLong: number; // shared non-function letters / all of them, shorter, longer (rare words are long)
  triShort: number;                          // shared word triples / triples of the shorter
  stemShort: number; stemLong: number;       // shared stems of non-function words (says/said stay apart, troop/troops meet)
  negationClash: number;                     // 1 when only one of them is negated (not, no, never, didn't ...)
  lengthRatio: number;                       // shorter length / longer length
  quoteShared: number;                       // 1 when a quoted passage of one is (nearly) all in the other
  identical: number;                         // 1 when the word sequences are equal
}

/** Length of the longest common subsequence of two word arrays. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, row[j - 1] ?? 0);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length] ?? 0;
}

const NEGATIONS = new Set(
  ('not no never nor cannot without dont doesnt didnt isnt wasnt werent arent cant couldnt wont wouldnt ' +
    'shouldnt hasnt havent hadnt').split(' '),
);
const negated = (w: readonly string[]) => w.some((x) => NEGATIONS.has(x));
const ratio = (n: number, d: number) => (d > 0 ? n / d : 0);

/** Figures within this relative distance are one figure rounded ($65 billion vs $64.7 billion). */
const ROUNDING = 0.03;

function sameFigure(x: string, y: string): boolean {
  if (x === y) return true;
  const a = Number.parseFloat(x);
  const b = Number.parseFloat(y);
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= ROUNDING * Math.max(Math.abs(a), Math.abs(b));
}

/** True when some figure (number or date word) of `from` has no equal or rounded twin in `to`. */
function hasUnmatchedFigure(from: readonly string[], to: readonly string[]): boolean {
  return from.some((x) => !to.some((y) => sameFigure(x, y)));
}

function quoteShared(x: SentenceInfo, xWords: readonly string[], yWords: readonly string[]): boolean {
  return x.quotes.some(([s, e]) => lcsLength(xWords.slice(s, e), yWords) >= 0.85 * (e - s));
}

/** One side of a pair: its profile and the facts pairFeatures compares, cached per analysis. */
interface Side { profile: WordProfile; nums: string[]; names: string[]; nameIds: number[]; negated: boolean }
const sides = new WeakMap<SentenceInfo, Side>();

/** The side of `info` with `words` (its own, or its words after name alignment: not cached). */
function sideOf(info: SentenceInfo, words: readonly string[] = info.words): Side {
  const own = words === info.words;
  const held = own ? sides.get(info) : undefined;
  if (held && isCurrent(held.profile)) return held;
  const profile = profileOf(words);
  const side: Side = { profile, nums: [], names: [], nameIds: [], negated: negated(words) };
  words.forEach((w, i) => {
    if (info.numbers[i] === 1) side.nums.push(w);
    if (info.names[i] === 1) side.names.push(w), side.nameIds.push(profile.ids[i] as number);
  });
  if (own) sides.set(info, side);
  return side;
}

/** Words of `b` that are spelling variants of a name in `a` take `a`'s spelling, so later counts
 *  are exact; `b.words` itself when no name needed it. */
export function alignNames(a: SentenceInfo, b: SentenceInfo): readonly string[] {
  const absent = flaggedAbsent(sideOf(b).profile.ids, b.names, sideOf(a).profile.ids);
  if (absent.length === 0) return b.words;
  const aNames = a.words.filter((_, i) => a.names[i] !== 0);
  let aligned: string[] | null = null;
  for (const i of absent) {
    const w = b.words[i] as string;
    const variant = aNames.find((n) => isNameVariant(n, w));
    if (variant !== undefined) (aligned ??= [...b.words])[i] = variant;
  }
  return aligned ?? b.words;
}

/** Computes PairFeatures; `a` is the query, `b` the candidate (b's name spellings are aligned to a's).
 *  Overlaps are counted on per-sentence profiles (word-profile.ts), cached with the analyses. */
export function pairFeatures(a: SentenceInfo, b: SentenceInfo): PairFeatures {
  const aw = a.words;
  const bw = alignNames(a, b);
  const sb = sideOf(b, bw);
  let sa = sideOf(a);
  if (!isCurrent(sa.profile)) sa = sideOf(a); // b's profile filled the id table, which was reset
  const aShort = aw.length <= bw.length;
  const [sw, lw] = aShort ? [aw, bw] : [bw, aw];
  const [ps, pl] = aShort ? [sa.profile, sb.profile] : [sb.profile, sa.profile];
  const uni = sharedIds(ps.ids, pl.ids);
  const bi = sharedSorted(ps.pairs, pl.pairs);
  const lcs = lcsIds(ps.ids, pl.ids);
  const content = sharedIds(ps.content, pl.content);
  const bothNumbered = sa.nums.length > 0 && sb.nums.length > 0;
  // A substitution (each side has a figure the other lacks), not just an added detail.
  const numberClash = bothNumbered && hasUnmatchedFigure(sa.nums, sb.nums) && hasUnmatchedFigure(sb.nums, sa.nums) ? 1 : 0;
  const nameClash = aShort ? missingShareIds(sa.nameIds, sb.profile.ids) : missingShareIds(sb.nameIds, sa.profile.ids);
  const nameExtra = aShort ? missingShareIds(sb.nameIds, sa.profile.ids) : missingShareIds(sa.nameIds, sb.profile.ids);
  const stems = sharedIds(ps.stems, pl.stems);
  const tri = sharedSorted(ps.triples, pl.triples);
  const sharedLetters = lettersShared(ps.content, pl.content);
  const otherLetters = lettersShared(pl.content, ps.content);
  const quote = quoteShared(a, aw, bw) || quoteShared(b, bw, aw);
  const sc = ps.content.length;
  const lc = pl.content.length;
  return {
    uniShort: ratio(uni, sw.length), uniLong: ratio(uni, lw.length),
    biShort: ratio(bi, sw.length - 1), biLong: ratio(bi, lw.length - 1),
    lcsShort: ratio(lcs, sw.length), lcsLong: ratio(lcs, lw.length),
    contentShort: ratio(content, sc), contentLong: ratio(content, lc),
    numberClash, numberExtra: !bothNumbered && sa.nums.length + sb.nums.length > 0 ? 1 : 0,
    extraShort: Math.log1p(sc - content) / 3, extraLong: Math.log1p(lc - content) / 3,
    nameClash, nameExtra,
    weightedShort: ratio(sharedLetters, ps.contentLetters), weightedLong: ratio(otherLetters, pl.contentLetters),
    triShort: ratio(tri, sw.length - 2),
    stemShort: ratio(stems, sc), stemLong: ratio(stems, lc),
    negationClash: sa.negated !== sb.negated ? 1 : 0, lengthRatio: ratio(sw.length, lw.length),
    quoteShared: quote ? 1 : 0,
    identical: aw.length > 0 && aw.length === b.words.length && aw.every((w, i) => w === b.words[i]) ? 1 : 0,
  };
}
