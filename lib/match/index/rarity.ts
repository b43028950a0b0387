/** How much a shared shingle key says about a candidate, by how many stored sentences list it.
 *  Integers, so a weighted count is the same sum in any order: the newsroom server ranks its
 *  candidates by the same weighted share the client ranks them by (lib/server/candidates). */

/** A key listed by this many sentences or fewer counts fully (1 << WEIGHT_BITS). Coarse at the
 *  rare end on purpose: an in-memory index counts a key's bucket, which may hold a few postings
 *  of other keys, where the server counts the key's own list; below this they weigh the same. */
export const RARE_LIST_LENGTH = 8;
const WEIGHT_BITS = 10;
const LOG2_RARE = 3;

/** Weight of a key listed by `listLength` sentences: 1024 up to RARE_LIST_LENGTH, then falling
 *  with the log of the length, about 1024 / (1 + log2(length / RARE_LIST_LENGTH)): 512 at 16,
 *  341 at 32, 256 at 64, 146 at 1,000. A long attribution's pairs ("said Spencer Abraham") are
 *  listed by hundreds of sentences and no longer outweigh a quote's rare pairs. The log is
 *  Mitchell's (linear between powers of two) in integers and one division, so every JavaScript
 *  engine gets the same weight (Math.log2 may differ in its last bit between engines). */
export function keyWeight(listLength: number): number {
  if (listLength <= RARE_LIST_LENGTH) return 1 << WEIGHT_BITS;
  const octave = 31 - Math.clz32(listLength);
  const power = 2 ** octave;
  return Math.floor(((1 << WEIGHT_BITS) * power) / ((octave - LOG2_RARE) * power + listLength));
}

/** Weighted share of a candidate of `words` words sharing keys of summed weight `weight` with a
 *  query of `keyCount` keys: the weight shared per key the smaller side could share (plainShare
 *  with each shared key weighed by its rarity). A ranking, not a bar. */
export function weightedShare(weight: number, keyCount: number, words: number): number {
  return weight / Math.max(1, Math.min(keyCount, words));
}
