import { STOP_WORDS, type SentenceInfo } from './analyze';
import { isNameVariant } from './fuzzy';
import { internPair, lcsIds, pairKeys, sharedIds, sharedKeys, sharedStems, tripleKeys } from './pair-ids';

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

/** Words of `b` that are spelling variants of a name in `a` take `a`'s spelling, so later counts are exact. */
export function alignNames(a: SentenceInfo, b: SentenceInfo): string[] {
  const aNames = a.words.filter((_, i) => a.names[i] !== 0);
  const aSet = new Set(a.words);
  return b.words.map((w, i) => {
    if (b.names[i] === 0 || aSet.has(w)) return w;
    return aNames.find((n) => isNameVariant(n, w)) ?? w;
  });
}

function countOf(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  return counts;
}

/** Size of the multiset intersection. */
export function sharedCount(a: readonly string[], b: readonly string[]): number {
  const counts = countOf(a);
  let shared = 0;
  for (const x of b) {
    const n = counts.get(x) ?? 0;
    if (n > 0) { shared++; counts.set(x, n - 1); }
  }
  return shared;
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

/** Share of the set `from` missing from `to` (0 when `from` is empty). */
function missingShare(from: readonly string[], to: ReadonlySet<string>): number {
  const set = new Set(from);
  let missing = 0;
  for (const x of set) if (!to.has(x)) missing++;
  return ratio(missing, set.size);
}

function quoteShared(x: SentenceInfo, xWords: readonly string[], yWords: readonly string[]): boolean {
  return x.quotes.some(([s, e]) => lcsLength(xWords.slice(s, e), yWords) >= 0.85 * (e - s));
}

/** Computes PairFeatures; `a` is the query, `b` the candidate (b's name spellings are aligned to a's).
 *  Counting runs on per-pair word ids (see pair-ids.ts): a verified copy costs a few typed-array
 *  passes instead of building pair and triple strings. */
export function pairFeatures(a: SentenceInfo, b: SentenceInfo): PairFeatures {
  const aw = a.words;
  const bw = alignNames(a, b);
  const aShort = aw.length <= bw.length;
  const [sw, lw] = aShort ? [aw, bw] : [bw, aw];
  const ids = internPair(sw, lw);
  const { s, l, n } = ids;
  const uni = sharedIds(s, l, n);
  const bi = sharedKeys(pairKeys(s, n), pairKeys(l, n));
  const lcs = lcsIds(s, l);
  const sc = ids.content(s);
  const lc = ids.content(l);
  const content = sharedIds(sc, lc, n);
  const aNums = aw.filter((_, i) => a.numbers[i] === 1);
  const bNums = bw.filter((_, i) => b.numbers[i] === 1);
  const aNames = aw.filter((_, i) => a.names[i] === 1);
  const bNames = bw.filter((_, i) => b.names[i] === 1);
  const bothNumbered = aNums.length > 0 && bNums.length > 0;
  // A substitution (each side has a figure the other lacks), not just an added detail.
  const numberClash = bothNumbered && hasUnmatchedFigure(aNums, bNums) && hasUnmatchedFigure(bNums, aNums) ? 1 : 0;
  const aSet = new Set(aw);
  const bSet = new Set(bw);
  const nameClash = aShort ? missingShare(aNames, bSet) : missingShare(bNames, aSet);
  const nameExtra = aShort ? missingShare(bNames, aSet) : missingShare(aNames, bSet);
  const stems = sharedStems(ids, sc, lc);
  const tri = sharedKeys(tripleKeys(s, n), tripleKeys(l, n));
  const sharedLetters = ids.lettersIn(sc, lc);
  const otherLetters = ids.lettersIn(lc, sc);
  const quote = quoteShared(a, aw, bw) || quoteShared(b, bw, aw);
  return {
    uniShort: ratio(uni, sw.length), uniLong: ratio(uni, lw.length),
    biShort: ratio(bi, sw.length - 1), biLong: ratio(bi, lw.length - 1),
    lcsShort: ratio(lcs, sw.length), lcsLong: ratio(lcs, lw.length),
    contentShort: ratio(content, sc.length), contentLong: ratio(content, lc.length),
    numberClash, numberExtra: !bothNumbered && aNums.length + bNums.length > 0 ? 1 : 0,
    extraShort: Math.log1p(sc.length - content) / 3, extraLong: Math.log1p(lc.length - content) / 3,
    nameClash, nameExtra,
    weightedShort: ratio(sharedLetters, ids.letters(sc)), weightedLong: ratio(otherLetters, ids.letters(lc)),
    triShort: ratio(tri, sw.length - 2),
    stemShort: ratio(stems, sc.length), stemLong: ratio(stems, lc.length),
    negationClash: negated(sw) !== negated(lw) ? 1 : 0, lengthRatio: ratio(sw.length, lw.length),
    quoteShared: quote ? 1 : 0,
    identical: aw.length > 0 && aw.length === b.words.length && aw.every((w, i) => w === b.words[i]) ? 1 : 0,
  };
}
