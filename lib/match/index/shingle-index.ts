import { bucketOf, capFor, emptyPostings, mergePostings, mergeSteps, type Postings } from './postings';
import { keyWeight } from './rarity';
import { RevivedTable } from './revived-table';
import { runStepsPaused } from './steps';

/** Pending postings are merged into the CSR table once they exceed this share of it (or a floor). */
const DELTA_SHARE = 0.125;
const DELTA_FLOOR = 50_000;

/** Shingle key -> sentence ids: an immutable CSR table plus a small mutable delta segment of
 *  recent additions, merged lazily (when it grows past DELTA_SHARE of the table, or on snapshot). */
export class ShingleIndex {
  /** The table; while `revived` is set, an empty placeholder of the same bits and cap. */
  private base: Postings;
  /** A revived snapshot's table, read as stored until it must be merged (see RevivedTable). */
  private revived: RevivedTable | null = null;
  private pending = new Uint32Array(1024);
  private pendingCount = 0;
  private delta: Map<number, number[]> | null = null;
  /** Bumped whenever the table is replaced (a merge that ran meanwhile is then dropped). */
  private generation = 0;

  /** Starts from an existing table (loaded, or revived from a snapshot) or an empty one. */
  constructor(base: Postings | RevivedTable) {
    if (base instanceof RevivedTable) {
      this.revived = base;
      this.base = { ...emptyPostings(0, base.cap), bits: base.bits };
    } else {
      this.base = base;
    }
  }

  /** A fresh empty index of 2^bits buckets. */
  static empty(bits: number, sentences: number): ShingleIndex {
    return new ShingleIndex(emptyPostings(bits, capFor(sentences)));
  }

  /** Table size in buckets (log2). */
  get bits(): number {
    return this.base.bits;
  }

  /** Postings stored, merged or pending. */
  get postingCount(): number {
    return (this.revived?.count ?? this.base.postings.length) + this.pendingCount;
  }

  /** Records that sentence `id` (larger than any added before) has these shingle keys. */
  add(id: number, keys: readonly number[]): void {
    if (this.pendingCount + keys.length > this.pending.length / 2) {
      const bigger = new Uint32Array(Math.max(this.pending.length * 2, (this.pendingCount + keys.length) * 4));
      bigger.set(this.pending.subarray(0, this.pendingCount * 2));
      this.pending = bigger;
    }
    for (const key of keys) {
      this.pending[this.pendingCount * 2] = bucketOf(key, this.base.bits);
      this.pending[this.pendingCount * 2 + 1] = id;
      this.pendingCount++;
    }
    this.delta = null;
  }

  /** The smallest sentence id with pending (not yet merged) postings; null when none. */
  firstPendingId(): number | null {
    return this.pendingCount > 0 ? (this.pending[1] as number) : null;
  }

  /** Merges the delta segment into the table; the posting cap follows the sentence count. */
  flush(sentences: number): void {
    this.materialize();
    if (this.pendingCount === 0) return;
    const base = { ...this.base, cap: Math.max(this.base.cap, capFor(sentences)) };
    this.base = mergePostings(base, this.pending, this.pendingCount);
    this.pending = new Uint32Array(1024);
    this.pendingCount = 0;
    this.delta = null;
    this.generation++;
  }

  /** flush() a piece at a time, calling `pause` between pieces; queries answered meanwhile read
   *  the old table and the delta. Postings added meanwhile stay pending. Answers false when the
   *  table was replaced meanwhile (a flush() of its own): the pieces done are dropped. */
  async flushInSteps(sentences: number, pause: () => Promise<void>): Promise<boolean> {
    this.materialize();
    const count = this.pendingCount;
    if (count === 0) return true;
    const generation = this.generation;
    const base = { ...this.base, cap: Math.max(this.base.cap, capFor(sentences)) };
    // `add` writes past `count`, or into a new array when it grows: these pairs stay as they are.
    const merged = await runStepsPaused(mergeSteps(base, this.pending, count), pause, () => this.generation === generation);
    if (!merged) return false;
    this.base = merged;
    const rest = this.pending.slice(count * 2, this.pendingCount * 2);
    this.pending = new Uint32Array(Math.max(1024, rest.length * 2));
    this.pending.set(rest);
    this.pendingCount -= count;
    this.delta = null;
    this.generation++;
    return true;
  }

  /** The merged table (flushes first). */
  snapshot(sentences: number): Postings {
    this.flush(sentences);
    return this.base;
  }

  /** Adds 1 to hits[id] for each key (bucket) listing sentence id, and the bucket's keyWeight (by
   *  its list's length, pending postings included) to weights[id]; ids first hit are pushed to
   *  `touched`. Stop-listed buckets count nothing. `withPending` false: pending postings are left out (the
   *  caller knows none of their sentences may be matched, e.g. an unfinished import's). Returns
   *  how many of the keys' distinct buckets are stop-listed (keys no sentence can share any more). */
  countHits(keys: readonly number[], sentences: number, hits: Uint16Array, weights: Uint32Array, touched: number[], withPending = true): number {
    if (withPending && this.pendingCount > Math.max(DELTA_FLOOR, (this.revived?.count ?? this.base.postings.length) * DELTA_SHARE)) this.flush(sentences);
    const delta = withPending ? this.deltaMap() : null;
    const { offsets, postings, stopped, bits } = this.base;
    const buckets = distinctBuckets(keys, bits);
    const n = buckets.length;
    if (this.revived) return countRevived(this.revived, buckets, delta, hits, weights, touched);
    if (listBounds.length < 2 * n) listBounds = new Uint32Array(4 * n);
    // Every list's bounds first, then its first id: independent reads, so their cache misses
    // overlap instead of coming one after another, bucket by bucket.
    for (let k = 0; k < n; k++) {
      const b = buckets[k] as number;
      listBounds[2 * k] = offsets[b] as number;
      listBounds[2 * k + 1] = offsets[b + 1] as number;
    }
    let firstIds = 0;
    for (let k = 0; k < n; k++) firstIds ^= postings[listBounds[2 * k] as number] ?? 0;
    warmed = firstIds;
    let stoppedKeys = 0;
    for (let k = 0; k < n; k++) {
      const b = buckets[k] as number;
      // A stop-listed bucket's list is empty (see Postings): only empty lists need their flag read
      // (saves a cache miss per key in a table of millions of buckets).
      const start = listBounds[2 * k] as number;
      const end = listBounds[2 * k + 1] as number;
      const isStopped = start === end && stopped[b] === 1;
      if (isStopped) stoppedKeys++;
      const recent = delta && !isStopped ? delta.get(b) : undefined;
      const weight = keyWeight(end - start + (recent?.length ?? 0));
      for (let i = start; i < end; i++) {
        const id = postings[i] as number;
        const h = hits[id] as number;
        if (h === 0) touched.push(id);
        if (h < 65535) hits[id] = h + 1;
        weights[id] = (weights[id] as number) + weight;
      }
      if (recent) for (const id of recent) bump(id, weight, hits, weights, touched);
    }
    return stoppedKeys;
  }

  /** Makes a revived table a Postings (merging and snapshots read it as one). */
  private materialize(): void {
    if (!this.revived) return;
    this.base = this.revived.materialize();
    this.revived = null;
  }

  private deltaMap(): Map<number, number[]> | null {
    if (this.pendingCount === 0) return null;
    if (this.delta) return this.delta;
    const map = new Map<number, number[]>();
    for (let i = 0; i < this.pendingCount; i++) {
      const b = this.pending[i * 2] ?? 0;
      const list = map.get(b);
      if (list) list.push(this.pending[i * 2 + 1] ?? 0);
      else map.set(b, [this.pending[i * 2 + 1] ?? 0]);
    }
    this.delta = map;
    return map;
  }
}

/** [start, end) of each list a query reads, reused across queries. */
let listBounds = new Uint32Array(256);
/** Where the first ids read ahead go (a read whose value is unused may be dropped by the compiler). */
let warmed = 0;

/** Buckets of the keys, first occurrences in key order (keys of one sentence: a short list, so a
 *  scan of the buckets so far is cheaper than a Set). */
function distinctBuckets(keys: readonly number[], bits: number): number[] {
  if (keys.length > 64) return [...new Set(keys.map((k) => bucketOf(k, bits)))];
  const out: number[] = [];
  for (const k of keys) {
    const b = bucketOf(k, bits);
    if (!out.includes(b)) out.push(b);
  }
  return out;
}

/** countHits over a revived table: the same counts and weights, each list read as stored. */
function countRevived(table: RevivedTable, buckets: readonly number[], delta: Map<number, number[]> | null, hits: Uint16Array, weights: Uint32Array, touched: number[]): number {
  let stoppedKeys = 0;
  for (const b of buckets) {
    const isStopped = table.listSize(b) === 0 && table.isStopped(b);
    if (isStopped) stoppedKeys++;
    const recent = delta && !isStopped ? delta.get(b) : undefined;
    const weight = keyWeight(table.listSize(b) + (recent?.length ?? 0));
    table.addHits(b, weight, hits, weights, touched);
    if (recent) for (const id of recent) bump(id, weight, hits, weights, touched);
  }
  return stoppedKeys;
}

function bump(id: number, weight: number, hits: Uint16Array, weights: Uint32Array, touched: number[]): void {
  if (hits[id] === 0) touched.push(id);
  hits[id] = Math.min(65535, (hits[id] ?? 0) + 1);
  weights[id] = (weights[id] ?? 0) + weight;
}
