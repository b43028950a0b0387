import { STOP_WORDS } from '../verify/analyze';

/** Words shorter than this are never indexed alone (too common to find a sentence by). */
export const MIN_RARE_WORD_LENGTH = 6;

/** FNV-1a 32-bit hash of a string. (Computing it is cheaper than looking it up in a memo.) */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Final avalanche (murmur3 fmix32) so bucket bits depend on every input bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Open-addressing set of the keys of one sentence, reused across calls: `stamp` marks the slots
 *  of the current call, so nothing is cleared between sentences. */
let slots = new Uint32Array(1024);
let stamps = new Uint32Array(1024);
let stamp = 0;

/** Adds `key` to the current call's set; true when it was new. */
function addKey(key: number): boolean {
  const mask = slots.length - 1;
  for (let i = key & mask; ; i = (i + 1) & mask) {
    if (stamps[i] !== stamp) {
      stamps[i] = stamp;
      slots[i] = key;
      return true;
    }
    if (slots[i] === key) return false;
  }
}

/** Starts a new call's set, big enough for `count` keys at load <= 1/2. */
function resetKeys(count: number): void {
  if (count * 2 > slots.length || stamp === 0xffffffff) {
    let size = slots.length;
    while (count * 2 > size) size *= 2;
    slots = new Uint32Array(size);
    stamps = new Uint32Array(size);
    stamp = 0;
  }
  stamp++;
}

/** Shingle keys of a sentence's canonical words, deduplicated (first occurrence order): every
 *  2-word shingle except function-word pairs ("of the"), plus each non-function word of
 *  MIN_RARE_WORD_LENGTH+ letters or any number alone, so reworded sentences with few shared
 *  pairs still meet. */
export function shingleKeys(words: readonly string[]): number[] {
  resetKeys(words.length * 2);
  const keys: number[] = [];
  let h = words.length > 0 ? hashWord(words[0] as string) : 0;
  let stop = words.length > 0 && STOP_WORDS.has(words[0] as string);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!stop && (w.length >= MIN_RARE_WORD_LENGTH || startsWithTwoDigits(w))) {
      const key = mix(h ^ 0x9e3779b9);
      if (addKey(key)) keys.push(key);
    }
    const next = words[i + 1];
    if (next === undefined) break;
    const nextHash = hashWord(next);
    const nextStop = STOP_WORDS.has(next);
    if (!(stop && nextStop)) {
      const key = mix(Math.imul(h, 31) + nextHash);
      if (addKey(key)) keys.push(key);
    }
    h = nextHash;
    stop = nextStop;
  }
  return keys;
}

/** /^\d{2,}/ without the regex: a number of two or more digits. */
function startsWithTwoDigits(w: string): boolean {
  const a = w.charCodeAt(0), b = w.charCodeAt(1);
  return a >= 0x30 && a <= 0x39 && b >= 0x30 && b <= 0x39;
}
