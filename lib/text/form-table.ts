// wordForm by position in a text, memoised on the raw word's code units. Pure.
import { wordForm } from './normalize';

/** FNV-1a 32-bit, as the word scanner computes it while reading plain ASCII words. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** wordForm by position: an open-addressing table keyed by the raw word's code units, so a word
 *  seen before costs a hash and a compare over its characters, no slice and no Map lookup (most
 *  of tokenize's time went to slicing each word and hashing the slice for wordForm's memo). */
const FORM_SLOTS = 1 << 17;
const formHashes = new Int32Array(FORM_SLOTS);
const formRaws: Array<string | undefined> = new Array<string | undefined>(FORM_SLOTS).fill(undefined);
const formValues: string[] = new Array<string>(FORM_SLOTS).fill('');
let formCount = 0;

/** Comparison form of text[start, end) (as wordForm(text.slice(start, end))); `known` is the
 *  FNV-1a hash of those code units when the caller already has it. */
export function formAt(text: string, start: number, end: number, known: number | null = null): string {
  let h = known ?? FNV_OFFSET;
  if (known === null) for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  const mask = FORM_SLOTS - 1;
  let slot = h & mask;
  for (let raw = formRaws[slot]; raw !== undefined; raw = formRaws[(slot = (slot + 1) & mask)]) {
    if (formHashes[slot] === h && raw.length === end - start && sameUnits(raw, text, start)) return formValues[slot] as string;
  }
  if (formCount >= FORM_SLOTS / 2) {
    formRaws.fill(undefined);
    formCount = 0;
    return formAt(text, start, end, known);
  }
  const raw = text.slice(start, end);
  const form = wordForm(raw);
  formHashes[slot] = h;
  formRaws[slot] = raw;
  formValues[slot] = form;
  formCount++;
  return form;
}

function sameUnits(raw: string, text: string, start: number): boolean {
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

