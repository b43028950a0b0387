/** A batch's postings grouped by key for the one append statement (store-articles.ts): sorted
 *  while the batch is prepared, so that the sort is done while PostgreSQL writes the batch
 *  before, and packed once the stored sentences' ids are known. */
import type { IndexedSentence } from '../match/index/indexed-sentences';
import { ID_BYTES } from './packed-lists';
import { toStored } from './signed';

/** A batch's postings ordered by key, then by the sentence's place in the batch (articles in
 *  order, each one's sentences in order): `keys[i]` is the i-th posting's key, `places[i]` its
 *  sentence's place. */
export interface SortedPostings { keys: Uint32Array; places: Int32Array }

/** Every posting of the batch, sorted by a stable two-pass radix sort on the key's halves: linear,
 *  where a native sort of the postings as numbers cost more than a third of the import's own
 *  work beside splitting. */
export function sortPostings(sentences: readonly (readonly IndexedSentence[])[]): SortedPostings {
  let count = 0;
  for (const list of sentences) for (const s of list) count += s.keys.length;
  const keys = new Uint32Array(count);
  const at = new Int32Array(count);
  let n = 0;
  let place = 0;
  for (const list of sentences) for (const s of list) {
    for (const key of s.keys) keys[n] = key, at[n++] = place;
    place++;
  }
  // Low half first, then the high half; each pass keeps the order of equal halves, so the
  // places (written ascending) stay ascending within a key.
  const low = radixPass(keys, at, 0);
  return radixPass(low.keys, low.places, 16);
}

function radixPass(keys: Uint32Array, places: Int32Array, shift: number): SortedPostings {
  // next[b]: where the next key of bucket b goes (counts first, then their running sums).
  const next = new Uint32Array(65_537);
  for (let i = 0; i < keys.length; i++) {
    const b = (((keys[i] as number) >>> shift) & 0xffff) + 1;
    next[b] = (next[b] as number) + 1;
  }
  for (let b = 1; b < next.length; b++) next[b] = (next[b] as number) + (next[b - 1] as number);
  const sortedKeys = new Uint32Array(keys.length);
  const sortedPlaces = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    const b = (key >>> shift) & 0xffff;
    const to = next[b] as number;
    next[b] = to + 1;
    sortedKeys[to] = key, sortedPlaces[to] = places[i] as number;
  }
  return { keys: sortedKeys, places: sortedPlaces };
}

/** The lists to append: distinct keys ascending in stored form, each one's start (1-based, as
 *  SQL's substring counts) in one buffer of 4-byte ids, and the ids written. `idAt[place]` is
 *  the stored id of the batch's sentence at that place, 0 for a sentence not stored (its article
 *  was already there); a key with no stored sentence gets no list. */
export function packPostings(sorted: SortedPostings, idAt: Int32Array): { hashes: number[]; starts: number[]; packed: Buffer; count: number } {
  const hashes: number[] = [];
  const starts: number[] = [];
  const packed = Buffer.allocUnsafe(sorted.keys.length * ID_BYTES);
  let count = 0;
  let last = -1;
  for (let i = 0; i < sorted.keys.length; i++) {
    const id = idAt[sorted.places[i] as number] as number;
    if (id === 0) continue;
    const key = sorted.keys[i] as number;
    if (key !== last) hashes.push(toStored(key)), starts.push(count * ID_BYTES + 1), (last = key);
    packed.writeInt32BE(id, count * ID_BYTES);
    count++;
  }
  return { hashes, starts, packed: packed.subarray(0, count * ID_BYTES), count };
}
