// Edit-level alignment of two sentences, for copies one longest common subsequence misses: a
// clause moved ("at 10 a.m. Friday" / "Friday at 10 a.m."), a clause added on one side and
// another on the other, light rewording between shared runs. The shorter sentence's runs are
// tiled into the longer one (greedy string tiling: longest shared run first, in any order), then
// each unshared stretch is read as an insertion (the other side goes straight on) or a
// substitution (the other side has its own words there). Insertions are how wire copy is trimmed
// or padded; long substitutions are how a different statement reuses a frame.
import { STOP_WORDS } from './analyze';

/** A shared run: `length` words from `a` at `aStart` and from `b` at `bStart`. */
interface Tile { aStart: number; bStart: number; length: number }

/** What the alignment of a shorter sentence `a` into a longer `b` found. */
export interface EditAlignment {
  /** Words of `a` inside shared runs. */
  tiled: number;
  /** Words of `a` and `b`. */
  aWords: number; bWords: number;
  /** Longest substitution: the larger side of an unshared stretch that the other side replaced. */
  longestSubstitution: number;
  /** Words of `a` in substituted stretches. */
  substituted: number;
  /** Names (flagged words) inside substituted stretches of either side: another person or place
   *  in the same frame. Names in insertions are added detail ("of Springfield"). */
  substitutedNames: number;
}

/** Same word, or one inflection of it (assange/assanges, extradite/extradition): a long shared prefix. */
export function sameWordForm(x: string, y: string): boolean {
  if (x === y) return true;
  if (x.length < 5 || y.length < 5 || x.charCodeAt(0) !== y.charCodeAt(0)) return false;
  const need = Math.max(5, Math.min(x.length, y.length) - 2);
  for (let i = 0; i < need; i++) if (x.charCodeAt(i) !== y.charCodeAt(i)) return false;
  return !/^\d/.test(x);
}

const isContent = (w: string) => !STOP_WORDS.has(w);
/** A word shared alone is evidence only when it is not a stray short word ("us", "a"). */
const standsAlone = (w: string) => isContent(w) && (w.length >= 3 || /^\d/.test(w));

/** Greedy string tiling of `a` into `b`: repeatedly the longest run of equal words not yet tiled
 *  on either side; runs of one word only for content words, longer runs need one content word. */
function tile(a: readonly string[], b: readonly string[]): Tile[] {
  const n = a.length, m = b.length;
  const eq = new Uint8Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) eq[i * m + j] = sameWordForm(a[i] as string, b[j] as string) ? 1 : 0;
  const usedA = new Uint8Array(n), usedB = new Uint8Array(m);
  const run = new Int32Array((n + 1) * (m + 1));
  const tiles: Tile[] = [];
  for (;;) {
    let best: Tile | null = null;
    for (let i = 1; i <= n; i++) {
      for (let j = 1; j <= m; j++) {
        const here = eq[(i - 1) * m + j - 1] === 1 && usedA[i - 1] === 0 && usedB[j - 1] === 0;
        const len = here ? (run[(i - 1) * (m + 1) + j - 1] as number) + 1 : 0;
        run[i * (m + 1) + j] = len;
        if (len > (best?.length ?? 0) && acceptable(a, i - len, len)) best = { aStart: i - len, bStart: j - len, length: len };
      }
    }
    if (!best) return tiles;
    usedA.fill(1, best.aStart, best.aStart + best.length);
    usedB.fill(1, best.bStart, best.bStart + best.length);
    tiles.push(best);
  }
}

function acceptable(a: readonly string[], start: number, length: number): boolean {
  if (length === 1) return standsAlone(a[start] as string);
  for (let k = start; k < start + length; k++) if (isContent(a[k] as string)) return true;
  return false;
}

/** Aligns the shorter word list `a` into the longer `b` (see the file comment); `aNames`/`bNames`
 *  flag their names (non-zero = a name, as SentenceInfo.names). */
export function alignEdits(a: readonly string[], b: readonly string[], aNames?: Uint8Array, bNames?: Uint8Array): EditAlignment {
  const tiles = tile(a, b);
  const tileAtA = new Int32Array(a.length).fill(-1);
  const tileAtB = new Int32Array(b.length).fill(-1);
  tiles.forEach((t, k) => {
    tileAtA.fill(k, t.aStart, t.aStart + t.length);
    tileAtB.fill(k, t.bStart, t.bStart + t.length);
  });
  const usedB = new Uint8Array(b.length);
  let tiled = 0, longestSubstitution = 0, substituted = 0, substitutedNames = 0;
  const names = (flags: Uint8Array | undefined, from: number, to: number) => {
    let count = 0;
    for (let k = from; k < to; k++) if ((flags?.[k] ?? 0) === 1) count++;
    return count;
  };
  for (let i = 0; i < a.length;) {
    if (tileAtA[i] !== -1) { tiled++; i++; continue; }
    let end = i;
    while (end < a.length && tileAtA[end] === -1) end++;
    // The other side's words at the same place: right after the tile before this stretch, or
    // right before the tile after it when the stretch opens the sentence.
    const before = i > 0 ? tiles[tileAtA[i - 1] as number] : undefined;
    const after = end < a.length ? tiles[tileAtA[end] as number] : undefined;
    const from = before ? before.bStart + before.length : after ? after.bStart - 1 : -1;
    const partner = from >= 0 ? runFrom(tileAtB, usedB, from, before ? 1 : -1) : 0;
    if (partner > 0) {
      longestSubstitution = Math.max(longestSubstitution, end - i, partner);
      substituted += end - i;
      const [bFrom, bTo] = before ? [from, from + partner] : [from - partner + 1, from + 1];
      substitutedNames += names(aNames, i, end) + names(bNames, bFrom, bTo);
    }
    i = end;
  }
  return { tiled, aWords: a.length, bWords: b.length, longestSubstitution, substituted, substitutedNames };
}

/** Length of the untiled, unclaimed run of `b` starting at `from` going `step`; claims it. */
function runFrom(tileAtB: Int32Array, usedB: Uint8Array, from: number, step: 1 | -1): number {
  let j = from;
  while (j >= 0 && j < tileAtB.length && tileAtB[j] === -1 && usedB[j] === 0) usedB[(j += step) - step] = 1;
  return Math.abs(j - from);
}
