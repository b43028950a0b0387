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

/** New table holding `base` plus (bucket, sentence id) pairs `pairs[2i], pairs[2i+1]` (`count` pairs,
 *  sentence ids ascending and larger than any in base). Buckets over the cap are stop-listed. */
export function mergePostings(base: Postings, pairs: Uint32Array, count: number): Postings {
  const n = 2 ** base.bits;
  const sizes = new Uint32Array(n);
  const hasBase = base.postings.length > 0;
  if (hasBase) for (let b = 0; b < n; b++) sizes[b] = (base.offsets[b + 1] ?? 0) - (base.offsets[b] ?? 0);
  for (let i = 0; i < count; i++) {
    const b = pairs[2 * i] ?? 0;
    sizes[b] = (sizes[b] ?? 0) + 1;
  }
  const stopped = base.stopped.slice();
  const offsets = new Uint32Array(n + 1);
  for (let b = 0; b < n; b++) {
    if ((sizes[b] ?? 0) > base.cap) stopped[b] = 1;
    offsets[b + 1] = (offsets[b] ?? 0) + (stopped[b] ? 0 : (sizes[b] ?? 0));
  }
  const postings = new Uint32Array(offsets[n] ?? 0);
  const fill = offsets.slice(0, n);
  // Copy the old lists element by element: a subarray per bucket cost an object for each of
  // millions of mostly empty buckets.
  for (let b = 0; hasBase && b < n; b++) {
    const from = base.offsets[b] as number;
    const to = base.offsets[b + 1] as number;
    if (stopped[b] || from === to) continue;
    let at = fill[b] as number;
    for (let i = from; i < to; i++) postings[at++] = base.postings[i] as number;
    fill[b] = at;
  }
  for (let i = 0; i < count; i++) {
    const b = pairs[2 * i] ?? 0;
    if (stopped[b]) continue;
    postings[fill[b] ?? 0] = pairs[2 * i + 1] ?? 0;
    fill[b] = (fill[b] ?? 0) + 1;
  }
  return { bits: base.bits, cap: base.cap, offsets, postings, stopped };
}

/** Bits for a table meant to hold about `expected` postings (about 2 per bucket, 2^10..2^24). */
export function bitsFor(expected: number): number {
  return Math.min(24, Math.max(10, Math.ceil(Math.log2(Math.max(1, expected / 2)))));
}

/** Posting-list cap for a corpus of `sentences` sentences: lists longer than this say nothing. */
export function capFor(sentences: number): number {
  return Math.max(64, Math.min(1000, Math.ceil(sentences / 2000)));
}
