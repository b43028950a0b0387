/** The shingle table as the packed snapshot stores it (see PackedCorpusIndex), and back. */
import { OFFSET_BLOCK_BITS, type Postings } from '../index/postings';
import { RevivedTable } from '../index/revived-table';

/** The shingle table as stored: list sizes instead of offsets (one byte per bucket, sizes of
 *  255 or more listed apart as bucket, size pairs) and the stop-listed buckets by number. At
 *  2^23 buckets that is 8 MB instead of 40 (offsets 32 + flags 8); offsets are summed back.
 *  `idBytes` 3: the sentence ids are 3 bytes each, little-endian, in a Uint8Array (any table of
 *  fewer than 2^24 sentences: at 50,000 articles ~1.7 million, and 80 MB to read instead of
 *  106); 4 or absent (snapshots of version 3): a Uint32Array. */
export interface PackedPostings {
  bits: number;
  cap: number;
  sizes: Uint8Array;
  bigSizes: Uint32Array;
  idBytes?: 3 | 4;
  postings: Uint32Array | Uint8Array;
  stopped: Uint32Array;
}

/** Sentence ids below this fit in 3 bytes. */
const THREE_BYTE_IDS = 2 ** 24;

/** Ids packed into 3 bytes between two of packPostingSteps' pauses (~5 ms of work). */
const IDS_PER_STEP = 1 << 21;

/** Buckets packed between two of packPostingSteps' pauses. */
const BUCKETS_PER_STEP = 1 << 21;

/** Table -> stored form, pausing (yielding) between pieces of buckets. With `sentences` (the
 *  table's sentence count, every id below it) under 2^24 the ids are packed into 3 bytes;
 *  otherwise the postings are referenced, not copied. */
export function* packPostingSteps(p: Postings, sentences: number): Generator<void, PackedPostings> {
  const n = 2 ** p.bits;
  const sizes = new Uint8Array(n);
  const big: number[] = [];
  const stopped: number[] = [];
  for (let from = 0; from < n; from += BUCKETS_PER_STEP) {
    for (let b = from, to = Math.min(n, from + BUCKETS_PER_STEP); b < to; b++) {
      const size = (p.offsets[b + 1] as number) - (p.offsets[b] as number);
      if (size < 255) sizes[b] = size;
      else (sizes[b] = 255), big.push(b, size);
      if (p.stopped[b]) stopped.push(b);
    }
    yield;
  }
  const narrow = sentences <= THREE_BYTE_IDS;
  const postings = narrow ? yield* threeByteSteps(p.postings) : p.postings;
  return { bits: p.bits, cap: p.cap, sizes, bigSizes: Uint32Array.from(big), idBytes: narrow ? 3 : 4, postings, stopped: Uint32Array.from(stopped) };
}

function* threeByteSteps(ids: Uint32Array): Generator<void, Uint8Array> {
  const out = new Uint8Array(ids.length * 3);
  for (let from = 0; from < ids.length; from += IDS_PER_STEP) {
    for (let i = from, at = from * 3, to = Math.min(ids.length, from + IDS_PER_STEP); i < to; i++, at += 3) {
      const id = ids[i] as number;
      out[at] = id & 0xff;
      out[at + 1] = (id >>> 8) & 0xff;
      out[at + 2] = id >>> 16;
    }
    yield;
  }
  return out;
}

/** The stored ids of `p` as a count and, when they are 3-byte packed, their bytes; null when
 *  the postings' type does not fit `idBytes`. */
function storedIds(p: PackedPostings): { count: number; packed: Uint8Array | null } | null {
  const idBytes = p.idBytes ?? 4;
  if (idBytes === 4) return p.postings instanceof Uint32Array ? { count: p.postings.length, packed: null } : null;
  if (idBytes !== 3 || !(p.postings instanceof Uint8Array) || p.postings.length % 3 !== 0) return null;
  return { count: p.postings.length / 3, packed: p.postings };
}

/** The stored table as a RevivedTable (read as stored; its block starts summed now); null when
 *  the table size is out of range, a stop-listed bucket is past it or the sizes do not add up to
 *  the postings. */
export function unpackPostings(p: PackedPostings): RevivedTable | null {
  if (!Number.isInteger(p.bits) || p.bits < OFFSET_BLOCK_BITS || p.bits > 30) return null;
  const ids = storedIds(p);
  if (!ids) return null;
  const n = 2 ** p.bits;
  if (p.sizes.length !== n || p.bigSizes.length % 2 !== 0) return null;
  const big = new Map<number, number>();
  for (let i = 0; i < p.bigSizes.length; i += 2) {
    const b = p.bigSizes[i] as number;
    const size = p.bigSizes[i + 1] as number;
    if (b >= n || p.sizes[b] !== 255 || size < 255 || big.has(b)) return null;
    big.set(b, size);
  }
  const blockStarts = blockOffsets(p.sizes);
  let total = blockStarts[blockStarts.length - 1] as number;
  for (const size of big.values()) total += size - 255;
  if (total !== ids.count) return null;
  // Each block's start also counts what earlier buckets of 255 or more held over 255.
  if (big.size > 0) {
    const extra = new Float64Array(blockStarts.length);
    for (const [b, size] of big) extra[(b >>> OFFSET_BLOCK_BITS) + 1]! += size - 255;
    for (let k = 1, sum = 0; k < blockStarts.length; k++) blockStarts[k] = (blockStarts[k] as number) + (sum += extra[k] as number);
  }
  for (const b of p.stopped) if (b >= n) return null;
  return new RevivedTable(p.bits, p.cap, p.sizes, big, blockStarts.subarray(0, blockStarts.length - 1), p.postings, p.stopped, ids.count);
}

/** Per block of 2^OFFSET_BLOCK_BITS buckets, the sum of the sizes before it (one more entry: the
 *  sum of all). Sizes are read four at a time from 32-bit words (two 16-bit lane sums per word,
 *  folded before a lane can overflow) when they are aligned for it: ~4x fewer reads. */
function blockOffsets(sizes: Uint8Array): Uint32Array {
  const per = 1 << OFFSET_BLOCK_BITS;
  const blocks = Math.ceil(sizes.length / per);
  const starts = new Uint32Array(blocks + 1);
  let total = 0;
  if (sizes.byteOffset % 4 === 0 && sizes.length % per === 0) {
    const words = new Uint32Array(sizes.buffer, sizes.byteOffset, sizes.length / 4);
    const fold = Math.min(128, per / 4); // words summed per fold: 128 x 2 x 255 < 2^16
    for (let k = 0, w = 0; k < blocks; k++) {
      for (const blockEnd = w + per / 4; w < blockEnd;) {
        let lanes = 0;
        for (const end = w + fold; w < end; w++) {
          const x = words[w] as number;
          lanes += (x & 0xff00ff) + ((x >>> 8) & 0xff00ff);
        }
        total += (lanes & 0xffff) + (lanes >>> 16);
      }
      starts[k + 1] = total;
    }
    return starts;
  }
  for (let k = 0; k < blocks; k++) {
    for (let b = k * per, end = Math.min(sizes.length, b + per); b < end; b++) total += sizes[b] as number;
    starts[k + 1] = total;
  }
  return starts;
}
