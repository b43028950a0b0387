import { runSteps } from './steps';

/** Inverted index in compressed-sparse-row form: bucket b's sentence ids are
 *  postings[offsets[b] .. offsets[b+1]), ascending. A key's bucket is its top `bits` bits;
 *  keys sharing a bucket share its list (verification weeds out the rare false candidate).
 *  A bucket whose list would exceed `cap` is stop-listed: emptied and flagged for good. */
export interface Postings {
  bits: number;
  cap: number;
  offsets: Uint32Array;
  postings: Uint32Array;
  stopped: Uint8Array;
}

/** Bucket of a 32-bit key in a table of 2^bits buckets. */
export const bucketOf = (key: number, bits: number) => key >>> (32 - bits);

/** An empty table of 2^bits buckets. */
export function emptyPostings(bits: number, cap: number): Postings {
  const n = 2 ** bits;
  return { bits, cap, offsets: new Uint32Array(n + 1), postings: new Uint32Array(0), stopped: new Uint8Array(n) };
}

/** Buckets per partition of a merge (log2): a partition's counters and its stretch of the new
 *  posting list stay in the core's cache while its pairs are placed. */
const PART_BITS = 14;

/** Loop iterations of a merge between two of mergeSteps' pauses: buckets read in order (~5-15
 *  ms of work), and pairs, which are read in order but written all over a large array (a few
 *  hundred thousand take tens of milliseconds: a cache miss each). */
const STEP = 1 << 20;
const PAIR_STEP = 1 << 18;

/** New table holding `base` plus (bucket, sentence id) pairs `pairs[2i], pairs[2i+1]` (`count` pairs,
 *  sentence ids ascending and larger than any in base). Buckets over the cap are stop-listed.
 *  The pairs are first grouped by partition of buckets (stably, so ids stay ascending per bucket):
 *  placed straight into a table of millions of buckets, each pair cost two cache misses. */
export function mergePostings(base: Postings, pairs: Uint32Array, count: number): Postings {
  return runSteps(mergeSteps(base, pairs, count));
}

/** mergePostings a piece at a time: pauses (yields) after every ~STEP loop iterations, so a
 *  caller can let other work run between pieces; returns the new table. `base` and the first
 *  `count` pairs must not change meanwhile (they are read, never written). */
export function* mergeSteps(base: Postings, pairs: Uint32Array, count: number): Generator<void, Postings> {
  const n = 2 ** base.bits;
  const shift = Math.max(0, base.bits - PART_BITS);
  const grouped = yield* groupByPartition(pairs, count, base.bits, shift);
  const sizes = new Uint32Array(n);
  const hasBase = base.postings.length > 0;
  if (hasBase) {
    for (let from = 0; from < n; from += STEP) {
      for (let b = from, to = Math.min(n, from + STEP); b < to; b++) sizes[b] = (base.offsets[b + 1] as number) - (base.offsets[b] as number);
      yield;
    }
  }
  for (let from = 0; from < count; from += PAIR_STEP) {
    for (let i = from, to = Math.min(count, from + PAIR_STEP); i < to; i++) {
      const b = grouped[2 * i] as number;
      sizes[b] = (sizes[b] as number) + 1;
    }
    yield;
  }
  const stopped = base.stopped.slice();
  const offsets = new Uint32Array(n + 1);
  for (let from = 0; from < n; from += STEP) {
    for (let b = from, to = Math.min(n, from + STEP); b < to; b++) {
      if ((sizes[b] as number) > base.cap) stopped[b] = 1;
      offsets[b + 1] = (offsets[b] as number) + (stopped[b] ? 0 : (sizes[b] as number));
    }
    yield;
  }
  const postings = new Uint32Array(offsets[n] as number);
  // Next free place per bucket (after its old list, copied first); the sizes are spent.
  const fill = sizes;
  fill.set(offsets.subarray(0, n));
  if (hasBase) yield* copyOldLists(base, stopped, postings, fill);
  for (let from = 0; from < count; from += PAIR_STEP) {
    for (let i = from, to = Math.min(count, from + PAIR_STEP); i < to; i++) {
      const b = grouped[2 * i] as number;
      if (stopped[b]) continue;
      postings[fill[b] as number] = grouped[2 * i + 1] as number;
      fill[b] = (fill[b] as number) + 1;
    }
    if (from + PAIR_STEP < count) yield;
  }
  return { bits: base.bits, cap: base.cap, offsets, postings, stopped };
}

/** The pairs reordered by partition (bucket >>> shift), keeping their order within a partition. */
function* groupByPartition(pairs: Uint32Array, count: number, bits: number, shift: number): Generator<void, Uint32Array> {
  const parts = 2 ** (bits - shift);
  const partStarts = new Uint32Array(parts + 1);
  for (let i = 0; i < count; i++) {
    const p = ((pairs[2 * i] as number) >>> shift) + 1;
    partStarts[p] = (partStarts[p] as number) + 1;
  }
  for (let p = 0; p < parts; p++) partStarts[p + 1] = (partStarts[p + 1] as number) + (partStarts[p] as number);
  yield;
  const cursor = partStarts.slice(0, parts);
  const grouped = new Uint32Array(count * 2);
  for (let from = 0; from < count; from += PAIR_STEP) {
    for (let i = from, to = Math.min(count, from + PAIR_STEP); i < to; i++) {
      const b = pairs[2 * i] as number;
      const at = cursor[b >>> shift] as number;
      cursor[b >>> shift] = at + 1;
      grouped[2 * at] = b;
      grouped[2 * at + 1] = pairs[2 * i + 1] as number;
    }
    yield;
  }
  return grouped;
}

/** Copies base's lists (not stop-listed ones) to their new places, advancing `fill`. Element by
 *  element: a subarray per bucket cost an object for each of millions of mostly empty buckets. */
function* copyOldLists(base: Postings, stopped: Uint8Array, postings: Uint32Array, fill: Uint32Array): Generator<void, void> {
  const n = fill.length;
  for (let from = 0; from < n; from += STEP) {
    for (let b = from, to = Math.min(n, from + STEP); b < to; b++) {
      const start = base.offsets[b] as number;
      const end = base.offsets[b + 1] as number;
      if (stopped[b] || start === end) continue;
      let at = fill[b] as number;
      for (let i = start; i < end; i++) postings[at++] = base.postings[i] as number;
      fill[b] = at;
    }
    yield;
  }
}

/** Bits for a table meant to hold about `expected` postings (about 2 per bucket, 2^10..2^24). */
export function bitsFor(expected: number): number {
  return Math.min(24, Math.max(10, Math.ceil(Math.log2(Math.max(1, expected / 2)))));
}

/** Posting-list cap for a corpus of `sentences` sentences: lists longer than this say nothing. */
export function capFor(sentences: number): number {
  return Math.max(64, Math.min(1000, Math.ceil(sentences / 2000)));
}

/** Buckets per block of a revived table (log2; see RevivedTable): a list's start is its block's
 *  plus the sizes before it in the block, so blocks are small (a woken worker's first page reads
 *  about 10,000 buckets spread over the whole table). */
export const OFFSET_BLOCK_BITS = 6;
