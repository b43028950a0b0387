// Counting helpers of pairFeatures over per-pair word ids: the two sentences' words become small
// integers, pairs and triples become numbers, so multiset overlaps are typed-array passes instead of
// string concatenation and Map lookups (verifying a copy was the costliest step of a page report).
import { STOP_WORDS } from './analyze';

/** Two word sequences as ids 0..n-1 (one id per distinct word), with per-id facts. */
export interface PairIds {
  /** The shorter and the longer sentence's words as ids. */
  s: Int32Array;
  l: Int32Array;
  /** Number of distinct words. */
  n: number;
  /** id -> word. */
  words: readonly string[];
  /** The non-function words of `x`, in order. */
  content(x: Int32Array): Int32Array;
  /** Letters of all words of `x`. */
  letters(x: Int32Array): number;
  /** Letters of the words of `x` that also occur in `y`. */
  lettersIn(x: Int32Array, y: Int32Array): number;
}

/** Interns the words of both sentences. */
export function internPair(sw: readonly string[], lw: readonly string[]): PairIds {
  const idOf = new Map<string, number>();
  const words: string[] = [];
  const toIds = (list: readonly string[]) => {
    const out = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const w = list[i] as string;
      let id = idOf.get(w);
      if (id === undefined) idOf.set(w, (id = words.push(w) - 1));
      out[i] = id;
    }
    return out;
  };
  const s = toIds(sw);
  const l = toIds(lw);
  const n = words.length;
  const stop = new Uint8Array(n);
  for (let id = 0; id < n; id++) stop[id] = STOP_WORDS.has(words[id] as string) ? 1 : 0;
  const letters = (x: Int32Array) => {
    let total = 0;
    for (const id of x) total += (words[id] as string).length;
    return total;
  };
  return {
    s, l, n, words, letters,
    content: (x) => {
      const out: number[] = [];
      for (const id of x) if (stop[id] === 0) out.push(id);
      return Int32Array.from(out);
    },
    lettersIn: (x, y) => {
      const inY = new Uint8Array(n);
      for (const id of y) inY[id] = 1;
      let total = 0;
      for (const id of x) if (inY[id]) total += (words[id] as string).length;
      return total;
    },
  };
}

/** Size of the multiset intersection of two id lists (ids < n). */
export function sharedIds(x: Int32Array, y: Int32Array, n: number): number {
  const counts = new Int32Array(n);
  for (const id of x) counts[id] = (counts[id] ?? 0) + 1;
  let shared = 0;
  for (const id of y) {
    if ((counts[id] ?? 0) > 0) {
      shared++;
      counts[id] = (counts[id] ?? 0) - 1;
    }
  }
  return shared;
}

/** Consecutive word pairs as numbers. */
export function pairKeys(x: Int32Array, n: number): number[] {
  const keys: number[] = [];
  for (let i = 0; i + 1 < x.length; i++) keys.push((x[i] as number) * n + (x[i + 1] as number));
  return keys;
}

/** Consecutive word triples as numbers. */
export function tripleKeys(x: Int32Array, n: number): number[] {
  const keys: number[] = [];
  for (let i = 0; i + 2 < x.length; i++) keys.push(((x[i] as number) * n + (x[i + 1] as number)) * n + (x[i + 2] as number));
  return keys;
}

/** Size of the multiset intersection of two key lists. */
export function sharedKeys(x: readonly number[], y: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const k of x) counts.set(k, (counts.get(k) ?? 0) + 1);
  let shared = 0;
  for (const k of y) {
    const c = counts.get(k) ?? 0;
    if (c > 0) { shared++; counts.set(k, c - 1); }
  }
  return shared;
}

/** Length of the longest common subsequence of two id lists. */
export function lcsIds(a: Int32Array, b: Int32Array): number {
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      row[j] = x === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, row[j - 1] as number);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length] ?? 0;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_SIZE = 50_000;

/** Crude suffix stripping: enough to meet inflections (rose/rise are still apart). Memoised. */
export function stemOf(w: string): string {
  let stem = stemCache.get(w);
  if (stem !== undefined) return stem;
  stem = w.length > 5 ? w.replace(/(ing|edly|ed|es|s|ly|ment|ion)$/, '') : w.replace(/s$/, '');
  if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
  stemCache.set(w, stem);
  return stem;
}

/** Multiset overlap of the stems of two id lists. */
export function sharedStems(ids: PairIds, x: Int32Array, y: Int32Array): number {
  const stemIds = new Map<string, number>();
  const byWord = new Int32Array(ids.n).fill(-1);
  const toStems = (list: Int32Array) => {
    const out = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const id = list[i] as number;
      if ((byWord[id] as number) < 0) {
        const stem = stemOf(ids.words[id] as string);
        let sid = stemIds.get(stem);
        if (sid === undefined) stemIds.set(stem, (sid = stemIds.size));
        byWord[id] = sid;
      }
      out[i] = byWord[id] as number;
    }
    return out;
  };
  const xs = toStems(x);
  const ys = toStems(y);
  return sharedIds(xs, ys, stemIds.size);
}
