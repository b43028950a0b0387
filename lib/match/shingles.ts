import { STOP_WORDS } from './analyze';

/** Words shorter than this are never indexed alone (too common to find a sentence by). */
export const MIN_RARE_WORD_LENGTH = 6;

const hashCache = new Map<string, number>();
/** Bounded so a long-lived service worker does not grow without end (news reuses its words). */
const HASH_CACHE_SIZE = 100_000;
const NUMBER_START = /^\d{2,}/;

/** FNV-1a 32-bit hash of a string (memoised). */
export function hashWord(word: string): number {
  const cached = hashCache.get(word);
  if (cached !== undefined) return cached;
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  if (hashCache.size >= HASH_CACHE_SIZE) hashCache.clear();
  hashCache.set(word, h >>> 0);
  return h >>> 0;
}

/** Final avalanche (murmur3 fmix32) so bucket bits depend on every input bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Shingle keys of a sentence's canonical words, deduplicated: every 2-word shingle except
 *  function-word pairs ("of the"), plus each non-function word of MIN_RARE_WORD_LENGTH+ letters
 *  or any number alone, so reworded sentences with few shared pairs still meet. */
export function shingleKeys(words: readonly string[]): number[] {
  const hashes = words.map(hashWord);
  const keys = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const h = hashes[i] ?? 0;
    const stop = STOP_WORDS.has(w);
    if (!stop && (w.length >= MIN_RARE_WORD_LENGTH || NUMBER_START.test(w))) keys.add(mix(h ^ 0x9e3779b9));
    const next = words[i + 1];
    if (next === undefined || (stop && STOP_WORDS.has(next))) continue;
    keys.add(mix(Math.imul(h, 31) + (hashes[i + 1] ?? 0)));
  }
  return [...keys];
}
