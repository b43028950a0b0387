import { OFFSET_BLOCK_BITS, type Postings } from './postings';

/** A shingle table revived from its stored form (see PackedPostings) and read as it is stored:
 *  a bucket's list starts where its block starts plus the sizes of the buckets before it in the
 *  block (at most 2^OFFSET_BLOCK_BITS - 1 of them), and its ids are read from 3 bytes each. A
 *  woken worker answers from this without making the table's offsets (4 bytes per bucket: 64 MB
 *  at 2^24 buckets) or widening its ids (108 MB at 50,000 articles): its first page wrote a few
 *  thousand fresh memory pages of those, and everything it made stayed in the heap. The table is
 *  made into a Postings (materialize) before it is merged with new postings or snapshotted. */
export class RevivedTable {
  /** Bucket numbers that are stop-listed, ascending. */
  private readonly stopped: Uint32Array;

  /** `sizes`: per bucket its list's length, 255 meaning "see `big`"; `blockStarts[k]`: where
   *  block k's first list starts; `ids`: 3 bytes per id (little-endian) in a Uint8Array, or a
   *  Uint32Array; `count` ids in all. The arrays are read, never written. */
  constructor(
    readonly bits: number,
    readonly cap: number,
    private readonly sizes: Uint8Array,
    private readonly big: ReadonlyMap<number, number>,
    private readonly blockStarts: Uint32Array,
    private readonly ids: Uint8Array | Uint32Array,
    stopped: Uint32Array,
    readonly count: number,
  ) {
    this.stopped = Uint32Array.from(stopped).sort();
  }

  /** Length of bucket b's list. */
  listSize(b: number): number {
    const size = this.sizes[b] as number;
    return size === 255 ? (this.big.get(b) ?? 255) : size;
  }

  /** Where bucket b's list starts (an index into the ids). */
  listStart(b: number): number {
    const { sizes, big } = this;
    const first = (b >>> OFFSET_BLOCK_BITS) << OFFSET_BLOCK_BITS;
    let at = this.blockStarts[b >>> OFFSET_BLOCK_BITS] as number;
    for (let i = first; i < b; i++) {
      const size = sizes[i] as number;
      at += size === 255 ? (big.get(i) ?? 255) : size;
    }
    return at;
  }

  /** Whether bucket b is stop-listed. */
  isStopped(b: number): boolean {
    const s = this.stopped;
    let [lo, hi] = [0, s.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((s[mid] as number) < b) lo = mid + 1;
      else hi = mid;
    }
    return lo < s.length && s[lo] === b;
  }

  /** Adds 1 to hits[id] (up to 65535) and `weight` to weights[id] for each id of bucket b's
   *  list; ids first hit are pushed to `touched`. Answers the list's length. */
  addHits(b: number, weight: number, hits: Uint16Array, weights: Uint32Array, touched: number[]): number {
    const size = this.listSize(b);
    if (size === 0) return 0;
    const start = this.listStart(b);
    const ids = this.ids;
    if (ids instanceof Uint32Array) {
      for (let i = start, end = start + size; i < end; i++) count(ids[i] as number, weight, hits, weights, touched);
    } else {
      for (let j = start * 3, end = (start + size) * 3; j < end; j += 3) {
        count((ids[j] as number) | ((ids[j + 1] as number) << 8) | ((ids[j + 2] as number) << 16), weight, hits, weights, touched);
      }
    }
    return size;
  }

  /** The table as a Postings (offsets summed, ids widened; allocates both). */
  materialize(): Postings {
    const n = this.sizes.length;
    const offsets = new Uint32Array(n + 1);
    for (let b = 0, at = 0; b < n; b++) offsets[b + 1] = at += this.listSize(b);
    const ids = this.ids;
    let postings: Uint32Array;
    if (ids instanceof Uint32Array) {
      postings = ids;
    } else {
      postings = new Uint32Array(this.count);
      for (let i = 0, j = 0; i < postings.length; i++, j += 3) postings[i] = (ids[j] as number) | ((ids[j + 1] as number) << 8) | ((ids[j + 2] as number) << 16);
    }
    const stopped = new Uint8Array(n);
    for (const b of this.stopped) stopped[b] = 1;
    return { bits: this.bits, cap: this.cap, offsets, postings, stopped };
  }
}

function count(id: number, weight: number, hits: Uint16Array, weights: Uint32Array, touched: number[]): void {
  const h = hits[id] as number;
  if (h === 0) touched.push(id);
  if (h < 65535) hits[id] = h + 1;
  weights[id] = (weights[id] as number) + weight;
}
