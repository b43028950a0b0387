// Words and numbers with offsets into the ORIGINAL string. One pass over the code units decides
// where words start and end; only the cut slice is normalised (memoised in wordForm), so offsets
// stay exact however normalisation changes lengths.
import { FNV_OFFSET, FNV_PRIME, formAt } from './form-table';

/** A word or number of the original text. `word` is its canonical comparison form;
 *  start/end are offsets into the ORIGINAL string passed in (JS string units). */
export interface Token { word: string; start: number; end: number }

// Character classes.
const SEP = 0, LETTER = 1, DIGIT = 2, MARK = 3, INVISIBLE = 4, APOSTROPHE = 5, GROUP = 6, DOT = 7;

const ascii = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ascii[c] = /[a-z]/i.test(ch) ? LETTER : /\d/.test(ch) ? DIGIT : ch === "'" ? APOSTROPHE
    : ch === ',' ? GROUP : ch === '.' ? DOT : SEP;
}
const wide = new Map<number, number>();

function classifyWide(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (/\p{Nd}/u.test(ch)) return DIGIT;
  if (/[\p{L}\p{N}]/u.test(ch)) return LETTER;
  if (/\p{M}/u.test(ch)) return MARK;
  if (/[\u200B-\u200D\u2060\uFEFF\u00AD]/.test(ch)) return INVISIBLE;
  if (/[\u2018\u2019\u02BC]/.test(ch)) return APOSTROPHE;
  if (/[\u00A0\u2009\u202F\u2007]/.test(ch)) return GROUP;
  return SEP;
}

/** End of the range being scanned: text.length, or a sentence's end inside an article (wordsIn).
 *  Everything at or past it reads as if the text ended there. */
let stop = 0;

/** Class of the code point at i (SEP past the end). */
function classAt(text: string, i: number): number {
  if (i >= stop) return SEP;
  const unit = text.charCodeAt(i);
  if (unit < 128) return ascii[unit] as number;
  // A high surrogate whose pair lies past the end is alone, as in text.slice(0, stop).
  const cp = unit >= 0xd800 && unit <= 0xdbff && i + 1 >= stop ? unit : (text.codePointAt(i) as number);
  let cls = wide.get(cp);
  if (cls === undefined) wide.set(cp, (cls = classifyWide(cp)));
  return cls;
}

/** Width in code units of the code point at i. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < stop ? 2 : 1;
}

/** "2,000" / "2 000": a separator followed by exactly three digits. */
function isGroupSeparator(text: string, i: number): boolean {
  return classAt(text, i + 1) === DIGIT && classAt(text, i + 2) === DIGIT
    && classAt(text, i + 3) === DIGIT && classAt(text, i + 4) !== DIGIT;
}

/** Scans one word starting at `start` (a letter or digit); returns its end offset.
 *  Joins: apostrophes between letters (don't, Kazakhstan's), digit groups (2,000),
 *  decimals (3.5), dotted initialisms (U.S., e.g.), invisible chars and combining marks. */
function scanWord(text: string, start: number): number {
  let end = start + widthAt(text, start);
  let last = classAt(text, start);
  let digitsOnly = last === DIGIT;
  let segmentLength = 1; // word chars since the start or the last joining dot
  let i = end;
  // FNV-1a of text[start, end) while the word is plain ASCII letters and digits (see formAt).
  const first = text.charCodeAt(start);
  let hash = first < 128 ? Math.imul(FNV_OFFSET ^ first, FNV_PRIME) : 0;
  let plain = first < 128;
  for (;;) {
    // Fast path: plain ASCII letters and digits (NaN past the end falls through to classAt).
    const unit = text.charCodeAt(i);
    const fast = unit < 128 && i < stop ? (ascii[unit] as number) : SEP;
    if (fast === LETTER || fast === DIGIT) {
      last = fast;
      digitsOnly &&= fast === DIGIT;
      segmentLength++;
      hash = Math.imul(hash ^ unit, FNV_PRIME);
      i = end = i + 1;
      continue;
    }
    const cls = classAt(text, i);
    if (cls !== SEP) plain = false;
    scannedHash = plain ? hash : null;
    if (cls === LETTER || cls === DIGIT || cls === MARK) {
      if (cls !== MARK) last = cls;
      digitsOnly &&= cls === DIGIT;
      segmentLength++;
      i = end = i + widthAt(text, i);
    } else if (cls === INVISIBLE) {
      i += 1;
    } else if (cls === APOSTROPHE && last === LETTER && classAt(text, i + 1) === LETTER) {
      i += 1;
    } else if (cls === GROUP && digitsOnly && last === DIGIT && isGroupSeparator(text, i)) {
      i += 1;
    } else if (cls === DOT && last === DIGIT && classAt(text, i + 1) === DIGIT) {
      digitsOnly = false; // a decimal point ends digit grouping: "3.5,000" is not 3.5000
      i += 1;
    } else if (cls === DOT && segmentLength === 1 && last === LETTER && classAt(text, i + 1) === LETTER
      && !isWordClass(classAt(text, i + 1 + widthAt(text, i + 1)))) {
      segmentLength = 0;
      i += 1;
    } else {
      return end;
    }
  }
}

/** Set by scanWord: the FNV-1a hash of the word it returned, or null when it did not compute it. */
let scannedHash: number | null = null;

function isWordClass(cls: number): boolean {
  return cls === LETTER || cls === DIGIT || cls === MARK;
}

/** Words and numbers in order; punctuation dropped. Decisions (see also wordForm):
 *  - possessives and contractions stay one token without the apostrophe:
 *    "Kazakhstan's" -> "kazakhstans", "don't" -> "dont"; a trailing apostrophe is dropped;
 *  - hyphens and dashes split: "Russia-led" -> "russia", "led"; "81-year-old" -> "81", "year", "old";
 *  - numbers: "2,000" and "2 000" (no-break/thin space) -> "2000"; "3.5" stays "3.5";
 *    "21st" is one token; "U.S." -> "us" (token covers "U.S", not the final dot). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  stop = text.length;
  let i = 0;
  while (i < stop) {
    const cls = classAt(text, i);
    if (cls !== LETTER && cls !== DIGIT) {
      i += widthAt(text, i);
      continue;
    }
    const end = scanWord(text, i);
    const word = formAt(text, i, end, scannedHash);
    if (word !== '') tokens.push({ word, start: i, end });
    i = end;
  }
  return tokens;
}

/** tokenize(text).map(t => t.word), without building the tokens (the index's hot path). */
export function wordsOf(text: string): string[] {
  return wordsIn(text, 0, text.length);
}

/** wordsOf(text.slice(start, end)), read in place: scanning a slice of a long article costs more
 *  per character than scanning the article itself (the index reads every sentence this way). */
export function wordsIn(text: string, start: number, end: number): string[] {
  const words: string[] = [];
  const to = Math.min(end, text.length);
  stop = to;
  let i = start;
  // scanWords' loop without the per-word callback, ASCII separators read inline.
  while (i < to) {
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      const cls = ascii[unit] as number;
      if (cls !== LETTER && cls !== DIGIT) {
        i++;
        continue;
      }
    } else {
      const cls = classAt(text, i);
      if (cls !== LETTER && cls !== DIGIT) {
        i += widthAt(text, i);
        continue;
      }
    }
    const wordEnd = scanWord(text, i);
    const word = formAt(text, i, wordEnd, scannedHash);
    if (word !== '') words.push(word);
    i = wordEnd;
  }
  return words;
}

/** wordsOf(text).length, but stops counting at `limit` ("has it 4 words?" reads 4 words, not all). */
export function countWords(text: string, limit = Infinity): number {
  let count = 0;
  if (limit > 0) scanWords(text, 0, text.length, () => ++count >= limit);
  return count;
}

/** Calls `take` with each word's comparison form of text[from, to), in order, until it returns true. */
function scanWords(text: string, from: number, to: number, take: (word: string) => boolean): void {
  stop = to;
  let i = from;
  while (i < stop) {
    const cls = classAt(text, i);
    if (cls !== LETTER && cls !== DIGIT) {
      i += widthAt(text, i);
      continue;
    }
    const end = scanWord(text, i);
    const word = formAt(text, i, end, scannedHash);
    if (word !== '' && take(word)) return;
    i = end;
  }
}
