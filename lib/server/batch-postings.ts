/** A batch's postings grouped by key for the one append statement (store-articles.ts): sorted
 *  while the batch is prepared, so that the sort is done while PostgreSQL writes the batch
 *  before, and packed once the stored sentences' ids are known. */
import type { IndexedSentence } from '../match/index/indexed-sentences';
import { ID_BYTES } from './packed-lists';
import { toStored } from './signed';

/** Places of sentences in a batch are below this (2^21), so a key (< 2^32) and a place share a
 *  double exactly. */
export const MAX_BATCH_SENTENCES = 2 ** 21;

/** Every posting of the batch as one number, key * 2^21 + the sentence's place in the batch
 *  (articles in order, each one's sentences in order), in ascending order: sorted natively, as a
 *  map of per-key arrays cost more than the statement's writing. Throws for a batch of
 *  MAX_BATCH_SENTENCES sentences or more. */
export function sortPostings(sentences: readonly (readonly IndexedSentence[])[]): Float64Array {
  let count = 0;
  let places = 0;
  for (const list of sentences) for (const s of list) count += s.keys.length, places++;
  if (places >= MAX_BATCH_SENTENCES) throw new Error(`a batch of ${places} sentences is too large: import fewer articles at a time`);
  const pairs = new Float64Array(count);
  let at = 0;
  let place = 0;
  for (const list of sentences) for (const s of list) {
    for (const key of s.keys) pairs[at++] = key * MAX_BATCH_SENTENCES + place;
    place++;
  }
  return pairs.sort();
}

/** The lists to append: distinct keys ascending in stored form, each one's start (1-based, as
 *  SQL's substring counts) in one buffer of 4-byte ids, and the ids written. `idAt[place]` is
 *  the stored id of the batch's sentence at that place, 0 for a sentence not stored (its article
 *  was already there); a key with no stored sentence gets no list. */
export function packPostings(sorted: Float64Array, idAt: Int32Array): { hashes: number[]; starts: number[]; packed: Buffer; count: number } {
  const hashes: number[] = [];
  const starts: number[] = [];
  const packed = Buffer.allocUnsafe(sorted.length * ID_BYTES);
  let count = 0;
  let last = -1;
  for (let i = 0; i < sorted.length; i++) {
    const pair = sorted[i] as number;
    const id = idAt[pair % MAX_BATCH_SENTENCES] as number;
    if (id === 0) continue;
    const key = Math.floor(pair / MAX_BATCH_SENTENCES);
    if (key !== last) hashes.push(toStored(key)), starts.push(count * ID_BYTES + 1), (last = key);
    packed.writeInt32BE(id, count * ID_BYTES);
    count++;
  }
  return { hashes, starts, packed: packed.subarray(0, count * ID_BYTES), count };
}
