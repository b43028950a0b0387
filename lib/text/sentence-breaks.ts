// Sentence starts by the default rules of UAX #29 (what Intl.Segmenter applies), for text made of
// a small set of characters whose sentence-break classes are fixed: ASCII without control
// characters (tab aside), curly quotes, en and em dashes and the no-break space. Such text is most
// of what news sites print; reading it here costs a fraction of a Segmenter pass over it. Text
// with any other character is left to Intl.Segmenter. Pure: no DOM, no Node APIs.

// Sentence_Break classes (UAX #29, table 4) of the characters read here.
const OTHER = 1, SP = 2, LOWER = 3, UPPER = 4, NUMERIC = 5, ATERM = 6, STERM = 7, CLOSE = 8, SCONTINUE = 9;

/** Class per ASCII code unit; 0 for control characters, which are left to the Segmenter. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0x20; c < 0x7f; c++) {
  const ch = String.fromCharCode(c);
  ASCII_CLASS[c] = ch === ' ' ? SP : /[a-z]/.test(ch) ? LOWER : /[A-Z]/.test(ch) ? UPPER
    : /\d/.test(ch) ? NUMERIC : ch === '.' ? ATERM : ch === '!' || ch === '?' ? STERM
    : `"'()[]{}`.includes(ch) ? CLOSE : ',-:;'.includes(ch) ? SCONTINUE : OTHER;
}
ASCII_CLASS[0x09] = SP;

/** Class of a code unit, 0 when it is not one of the characters read here. */
function classOf(unit: number): number {
  if (unit < 0x80) return ASCII_CLASS[unit] as number;
  if (unit === 0x2018 || unit === 0x2019 || unit === 0x201c || unit === 0x201d) return CLOSE;
  if (unit === 0x2013 || unit === 0x2014) return SCONTINUE;
  return unit === 0x00a0 ? SP : 0;
}

const isTerm = (cls: number) => cls === ATERM || cls === STERM;
const isLetter = (cls: number) => cls === LOWER || cls === UPPER;

/** Reused class buffer (one entry per code unit of the text being read). */
let classes = new Uint8Array(1024);

/** Offsets where Intl.Segmenter (granularity 'sentence') starts a segment in text[from, to), in
 *  order, or null when that range holds a character this reader leaves to the Segmenter. */
export function ruleSentenceStarts(text: string, from: number, to: number): number[] | null {
  const n = to - from;
  if (classes.length < n) classes = new Uint8Array(n * 2);
  for (let i = 0; i < n; i++) {
    const cls = classOf(text.charCodeAt(from + i));
    if (cls === 0) return null;
    classes[i] = cls;
  }
  const starts: number[] = n > 0 ? [from] : [];
  for (let t = 0; t < n; t++) {
    const term = classes[t] as number;
    if (!isTerm(term)) continue;
    let e = t + 1;
    while (e < n && classes[e] === CLOSE) e++; // SB9: no break before Close
    while (e < n && classes[e] === SP) e++; // SB10: no break before Sp
    if (e < n && breaksAt(t, e, n)) starts.push(from + e);
  }
  return starts;
}

/** True when the text breaks at e, after the terminator at t, its closing punctuation and spaces
 *  (t < e < n): SB6, SB7, SB8 and SB8a may hold it together; else SB11 breaks. */
function breaksAt(t: number, e: number, n: number): boolean {
  const next = classes[e] as number;
  if (next === SCONTINUE || isTerm(next)) return false; // SB8a
  if (classes[t] !== ATERM) return true;
  if (e === t + 1 && next === NUMERIC) return false; // SB6
  if (e === t + 1 && next === UPPER && t > 0 && isLetter(classes[t - 1] as number)) return false; // SB7
  // SB8: a lower-case letter ahead, before any letter, terminator or paragraph end.
  let j = e;
  while (j < n && !isLetter(classes[j] as number) && !isTerm(classes[j] as number)) j++;
  return !(j < n && classes[j] === LOWER);
}
