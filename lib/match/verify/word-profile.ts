// What pairFeatures counts, prepared once per sentence: words as ids in one shared table, their
// content words, stems, and sorted pair and triple keys. A query meets many candidates and a
// candidate many queries (a page's sentences share candidates), so each pair only merges sorted
// lists and walks typed arrays; no strings are built per pair.
import { STOP_WORDS } from './analyze';

/** Word and stem ids stay below this, so a triple of ids is an exact double (3 x 17 bits). */
const ID_LIMIT = 2 ** 17;
const ID_FACTOR = ID_LIMIT;

let table = new Map<string, number>();
let lengths: number[] = [];
/** Bumped when the table is reset (full); profiles of an older epoch are rebuilt. */
let epoch = 0;

function idOf(word: string): number {
  let id = table.get(word);
  if (id === undefined) {
    id = lengths.push(word.length) - 1;
    table.set(word, id);
  }
  return id;
}

/** A sentence's words prepared for counting overlaps. */
export interface WordProfile {
  epoch: number;
  /** Word ids in order. */
  ids: Int32Array;
  /** Ids of the non-function words, in order. */
  content: Int32Array;
  /** Letters of the content words. */
  contentLetters: number;
  /** Stem ids of the content words, in order. */
  stems: Int32Array;
  /** Consecutive pairs and triples of ids as numbers, ascending. */
  pairs: Float64Array;
  triples: Float64Array;
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

/** Profile of a word sequence (canonical words as analyzeSentence gives them). */
export function profileOf(words: readonly string[]): WordProfile {
  if (lengths.length + words.length * 2 >= ID_LIMIT) {
    table = new Map();
    lengths = [];
    epoch++;
  }
  const n = words.length;
  const ids = new Int32Array(n);
  const content: number[] = [];
  const stems: number[] = [];
  let contentLetters = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    ids[i] = idOf(w);
    if (STOP_WORDS.has(w)) continue;
    content.push(ids[i] as number);
    contentLetters += w.length;
    stems.push(idOf(stemOf(w)));
  }
  const pairs = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i + 1 < n; i++) pairs[i] = (ids[i] as number) * ID_FACTOR + (ids[i + 1] as number);
  const triples = new Float64Array(Math.max(0, n - 2));
  for (let i = 0; i + 2 < n; i++) triples[i] = (pairs[i] as number) * ID_FACTOR + (ids[i + 2] as number);
  return {
    epoch, ids, content: Int32Array.from(content), contentLetters, stems: Int32Array.from(stems),
    pairs: pairs.sort(), triples: triples.sort(),
  };
}

/** True while the profile's ids are those of the current table. */
export function isCurrent(profile: WordProfile): boolean {
  return profile.epoch === epoch;
}

let counts = new Int32Array(1024);
let marks = new Uint8Array(1024);
function scratch(): void {
  if (counts.length < lengths.length) {
    counts = new Int32Array(Math.max(lengths.length, counts.length * 2));
    marks = new Uint8Array(counts.length);
  }
}

/** Size of the multiset intersection of two id lists. */
export function sharedIds(x: Int32Array, y: Int32Array): number {
  scratch();
  for (const id of x) counts[id] = (counts[id] as number) + 1;
  let shared = 0;
  for (const id of y) {
    if ((counts[id] as number) > 0) {
      shared++;
      counts[id] = (counts[id] as number) - 1;
    }
  }
  for (const id of x) counts[id] = 0;
  return shared;
}

/** Size of the multiset intersection of two ascending key lists. */
export function sharedSorted(x: Float64Array, y: Float64Array): number {
  let i = 0, j = 0, shared = 0;
  while (i < x.length && j < y.length) {
    const p = x[i] as number, q = y[j] as number;
    if (p === q) { shared++; i++; j++; } else if (p < q) i++; else j++;
  }
  return shared;
}

/** Letters of the words of `x` that also occur in `y`. */
export function lettersShared(x: Int32Array, y: Int32Array): number {
  scratch();
  for (const id of y) marks[id] = 1;
  let total = 0;
  for (const id of x) if (marks[id] === 1) total += lengths[id] as number;
  for (const id of y) marks[id] = 0;
  return total;
}

let prevRow = new Int32Array(256);
let row = new Int32Array(256);

/** Length of the longest common subsequence of two id lists. */
export function lcsIds(a: Int32Array, b: Int32Array): number {
  if (prevRow.length <= b.length) {
    prevRow = new Int32Array(b.length * 2 + 1);
    row = new Int32Array(b.length * 2 + 1);
  }
  let prev = prevRow.fill(0, 0, b.length + 1);
  let cur = row.fill(0, 0, b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = x === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** Share of the distinct ids of `from` that `to` lacks (0 when `from` is empty). */
export function missingShareIds(from: readonly number[], to: Int32Array): number {
  scratch();
  for (const id of to) marks[id] = 1;
  let distinct = 0, missing = 0;
  for (const id of from) {
    if (counts[id] !== 0) continue;
    counts[id] = 1;
    distinct++;
    if (marks[id] !== 1) missing++;
  }
  for (const id of from) counts[id] = 0;
  for (const id of to) marks[id] = 0;
  return distinct > 0 ? missing / distinct : 0;
}

/** Positions i with flags[i] !== 0 whose id is not in `to`. */
export function flaggedAbsent(ids: Int32Array, flags: Uint8Array, to: Int32Array): number[] {
  scratch();
  for (const id of to) marks[id] = 1;
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) if (flags[i] !== 0 && marks[ids[i] as number] !== 1) out.push(i);
  for (const id of to) marks[id] = 0;
  return out;
}
