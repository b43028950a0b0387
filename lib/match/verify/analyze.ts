import { tokenize, type Token } from '../../text/tokenize';

/** A sentence prepared for pairwise comparison (tokenised once, compared many times). */
export interface SentenceInfo {
  /** The sentence as given. */
  text: string;
  /** Canonical words and numbers in order (lib/text tokenize). */
  words: string[];
  /** 1 where the word looks like a name (capitalised, not a function word); 2 for such a word at the
   *  start of the sentence, which may just be capitalised there ("Protesters stormed ..."). */
  names: Uint8Array;
  /** 1 where the word is a number or a weekday/month name: facts that must agree. */
  numbers: Uint8Array;
  /** The tokens `words` came from (offsets into `text`), kept for the word diff. */
  tokens: readonly Token[];
  /** Token ranges [start, end) of quoted passages of at least MIN_QUOTE_WORDS words. */
  quotes: Array<[number, number]>;
}

/** Quotes shorter than this are too generic ("terrorists") to prove a shared statement. */
export const MIN_QUOTE_WORDS = 6;

const QUOTE_MARKS = /["“”«»„]/g;
const NUMBER = /^\d[\d.,]*$/;
/** Dates in words: "on Tuesday" vs "on Thursday" is a different fact, like 10 vs 30. */
const DATE_WORDS: ReadonlySet<string> = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday january february march april june july ' +
    'august september october november december').split(' '),
);

/** Function words: never names, and left out of "content word" overlap. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but if of in on at to for from by with as is are was were be been being has have had ' +
    'do does did will would shall should can could may might must it its this that these those there their ' +
    'they them he his him she her we our you your i not no so than then also after before over into about ' +
    'up out more most said says which who whom what when where while said mr mrs ms').split(' '),
);

/** Tokenises a sentence and marks its names, numbers and quoted passages. */
export function analyzeSentence(text: string): SentenceInfo {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.word);
  const names = new Uint8Array(words.length);
  const numbers = new Uint8Array(words.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const lead = t.word.charCodeAt(0);
    if ((lead >= 0x30 && lead <= 0x39 && NUMBER.test(t.word)) || DATE_WORDS.has(t.word)) numbers[i] = 1;
    else if (isCapitalAt(text, t.start) && !STOP_WORDS.has(t.word)) names[i] = i === 0 ? 2 : 1;
  }
  return { text, words, tokens, names, numbers, quotes: quotedRanges(text, tokens) };
}

/** The character at `at` changes under lower-casing (ASCII answered directly). */
function isCapitalAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const first = text.charAt(at);
  return first !== first.toLowerCase();
}

const HAS_QUOTE_MARK = /["“”«»„]/;

/** Token ranges [start, end) of the quoted passages of `text` of at least `minWords` words; a
 *  trailing unpaired mark opens a passage that runs to the end (a quote split across sentences). */
export function quotedRanges(text: string, tokens: ReadonlyArray<{ start: number }>, minWords = MIN_QUOTE_WORDS): Array<[number, number]> {
  if (!HAS_QUOTE_MARK.test(text)) return [];
  const marks = [...text.matchAll(QUOTE_MARKS)].map((m) => m.index);
  const ranges: Array<[number, number]> = [];
  for (let k = 0; k < marks.length; k += 2) {
    const open = marks[k] ?? 0;
    const close = marks[k + 1] ?? text.length;
    let first = -1;
    let last = -1;
    tokens.forEach((t, i) => {
      if (t.start > open && t.start < close) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first >= 0 && last - first + 1 >= minWords) ranges.push([first, last + 1]);
  }
  return ranges;
}
