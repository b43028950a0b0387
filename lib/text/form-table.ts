// wordForm by position in a text, memoised on the raw word's code units. Pure.
import { wordForm } from './normalize';

/** FNV-1a 32-bit, as the word scanner computes it while reading plain ASCII words. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

// wordForm by position: an open-addressing table keyed by the raw word's code units, so a word seen
// before costs a hash and a compare over its characters, no slice and no Map lookup. Laid out for
// the cache: a probe reads one pair of ints ([hash, entry + 1], 0 = empty); entries are numbered in
// insertion order, so their lengths, raw code units (one arena) and forms sit in small dense arrays.
// (With the raw words and forms as strings held per slot, a lookup cost four scattered reads.)
const FORM_SLOTS = 1 << 17;
const MAX_ENTRIES = FORM_SLOTS / 2;
const slots = new Int32Array(FORM_SLOTS * 2);
const entryStart = new Int32Array(MAX_ENTRIES);
const entryLength = new Int32Array(MAX_ENTRIES);
const forms: string[] = [];
let arena = new Uint16Array(1 << 18);
let arenaUsed = 0;
let entryCount = 0;

/** Comparison form of text[start, end) (as wordForm(text.slice(start, end))); `known` is the
 *  FNV-1a hash of those code units when the caller already has it. */
export function formAt(text: string, start: number, end: number, known: number | null = null): string {
  let h = known ?? FNV_OFFSET;
  if (known === null) for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  const length = end - start;
  const mask = FORM_SLOTS - 1;
  let slot = h & mask;
  for (let entry = slots[2 * slot + 1] as number; entry !== 0; entry = slots[2 * (slot = (slot + 1) & mask) + 1] as number) {
    if (slots[2 * slot] === h && entryLength[entry - 1] === length && sameUnits(entryStart[entry - 1] as number, text, start, length)) {
      return forms[entry - 1] as string;
    }
  }
  if (entryCount >= MAX_ENTRIES) {
    slots.fill(0);
    entryCount = 0;
    arenaUsed = 0;
    forms.length = 0;
    return formAt(text, start, end, known);
  }
  const form = wordForm(text.slice(start, end));
  const entry = entryCount++;
  entryStart[entry] = store(text, start, length);
  entryLength[entry] = length;
  forms[entry] = form;
  slots[2 * slot] = h;
  slots[2 * slot + 1] = entry + 1;
  return form;
}

/** Copies text[start, start + length) to the arena; returns where it starts there. */
function store(text: string, start: number, length: number): number {
  if (arenaUsed + length > arena.length) {
    const bigger = new Uint16Array(Math.max(arena.length * 2, arenaUsed + length));
    bigger.set(arena.subarray(0, arenaUsed));
    arena = bigger;
  }
  const at = arenaUsed;
  for (let i = 0; i < length; i++) arena[at + i] = text.charCodeAt(start + i);
  arenaUsed += length;
  return at;
}

function sameUnits(at: number, text: string, start: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (arena[at + i] !== text.charCodeAt(start + i)) return false;
  return true;
}
