// When two neighbouring Intl.Segmenter pieces are really one sentence. Pure string rules.

/** Titles before a name: a break after them is always wrong ("Mr. Smith", "Gen. Ivanov"). */
const TITLES = new Set(
  `mr mrs ms messrs dr prof gen sen rep gov lt col sgt capt maj adm cmdr cpl pvt supt insp det
  rev hon pres st mt fr`.split(/\s+/),
);
/** Abbreviations that only ever precede a number ("No. 5", "Jan. 2", "p. 14"). */
const BEFORE_NUMBER = new Set(
  'no nos vol art fig p pp ch sec jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
/** Abbreviations that may also end a sentence: joined unless a typical opener follows. */
const AMBIGUOUS = new Set('inc corp co ltd bros jr sr ft etc vs approx est dept univ assn tue tues thu thur thurs fri'.split(' '));
/** Words that typically open a sentence: after an ambiguous "U.S." / "Inc." / "B." they mean a break. */
const OPENERS = new Set(
  `the a an he she it they we i you in on at but and or this that these those there then his her
  its their our my as after before when while if so yet however meanwhile earlier later also now
  since during despite although though what who why how where some many most all one no not
  according last another other such both each for from with by to of`.split(/\s+/),
);

const HAS_WORD_RE = /[\p{L}\p{N}]/u;
const FIRST_WORD_RE = /^[\s"'\u201C\u201D\u2018\u2019()[\]\u00AB\u00BB\u2014\u2013-]*([\p{L}\p{N}][\p{L}\p{N}\p{M}'\u2019-]*)/u;
/** The word (or dotted initialism) right before the final dot, e.g. "Mr", "U.S", "J". */
const LAST_DOTTED_RE = /(?:^|[^\p{L}\p{N}.])((?:\p{L}\.)*[\p{L}\p{N}]+)\.["'\u201D\u2019)\]]*\s*$/u;

/** "!" or "?" closing a quotation at the end of a piece: `"Stop!" ` or `“Why?” `. */
const EXCLAIMED_QUOTE_RE = /[!?]["'\u201D\u2019\u00BB]+\s*$/;
/** A named speaker and a speech verb right after a quotation: `Tokayev said`, `Kassym-Jomart Tokayev told`. */
const NAMED_ATTRIBUTION_RE = /^\s*(?:\p{Lu}[\p{L}\p{M}'\u2019.-]*\s+){1,3}(?:said|says|told|tells|added|adds|asked|asks|wrote|writes|declared|insisted|replied|explained|noted|continued)\b/u;

/** End-anchored patterns are tried from every start position, so on a long piece they cost its
 *  whole length; they only ever look at its last few characters. */
const TAIL_LENGTH = 48;
/** Only what EXCLAIMED_QUOTE_RE can match after its "!"/"?". */
const QUOTES_AND_SPACE_RE = /^["'\u201D\u2019\u00BB\s]*$/;

/** LAST_DOTTED_RE's word on the piece's tail; the whole piece only when the tail cannot decide
 *  (no match, or a match reaching the tail's first character, which may be mid-word). */
function lastDotted(piece: string): string | undefined {
  const plain = plainLastDotted(piece);
  if (plain !== null) return plain;
  if (piece.length <= TAIL_LENGTH) return LAST_DOTTED_RE.exec(piece)?.[1];
  const m = LAST_DOTTED_RE.exec(piece.slice(-TAIL_LENGTH));
  if (m && m.index > 0) return m[1];
  return LAST_DOTTED_RE.exec(piece)?.[1];
}

const isAsciiSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);
const isAsciiClose = (c: number) => c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d; // " ' ) ]
const isAsciiWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/** LAST_DOTTED_RE's answer for the common all-ASCII ending ("... the U.S." needs the pattern, "... said."
 *  does not): undefined when the pattern cannot match, the word when it surely matches, null when
 *  the ending holds a non-ASCII character or a dotted initialism (then the pattern decides). */
function plainLastDotted(piece: string): string | undefined | null {
  let i = piece.length - 1;
  while (i >= 0 && isAsciiSpace(piece.charCodeAt(i))) i--;
  while (i >= 0 && isAsciiClose(piece.charCodeAt(i))) i--;
  if (i < 0) return undefined;
  const dot = piece.charCodeAt(i);
  if (dot >= 0x80) return null;
  if (dot !== 0x2e) return undefined;
  let start = i;
  while (start > 0 && isAsciiWordChar(piece.charCodeAt(start - 1))) start--;
  if (start === i) return piece.charCodeAt(i - 1) >= 0x80 ? null : undefined;
  const before = start > 0 ? piece.charCodeAt(start - 1) : -1;
  if (before >= 0x80 || before === 0x2e) return null;
  return piece.slice(start, i);
}

/** EXCLAIMED_QUOTE_RE on the tail (a match there is one in the piece); the whole piece only
 *  when the tail is nothing but quotes and spaces. */
function endsWithExclaimedQuote(piece: string): boolean {
  if (piece.length <= TAIL_LENGTH) return EXCLAIMED_QUOTE_RE.test(piece);
  const tail = piece.slice(-TAIL_LENGTH);
  if (EXCLAIMED_QUOTE_RE.test(tail)) return true;
  return QUOTES_AND_SPACE_RE.test(tail) && EXCLAIMED_QUOTE_RE.test(piece);
}

/** First word of a piece, skipping opening quotes, brackets and dashes; '' if none. */
function firstWord(piece: string): string {
  return FIRST_WORD_RE.exec(piece)?.[1] ?? '';
}

function isOpener(word: string): boolean {
  return OPENERS.has(word.toLowerCase());
}

/** Abbreviation at the end of `previous` that keeps `next` in the same sentence. */
function endsWithBindingAbbreviation(previous: string, next: string): boolean {
  const abbr = lastDotted(previous);
  if (abbr === undefined) return false;
  const word = firstWord(next);
  const lower = abbr.toLowerCase();
  if (lower === 'e.g' || lower === 'i.e' || lower === 'cf') return true;
  if (TITLES.has(lower)) return true;
  if (BEFORE_NUMBER.has(lower)) return /^\d/.test(word);
  // Initials ("J. R. R. Tolkien", "George W. Bush") and initialisms ("U.S. officials").
  const initial = /^\p{Lu}$/u.test(abbr) || /^(\p{L}\.)+\p{L}$/u.test(abbr);
  if (initial || AMBIGUOUS.has(lower)) return word !== '' && !isOpener(word);
  return false;
}

/** True when `next` continues the sentence of `previous` (both raw pieces of one block):
 *  - either piece has no letter or digit (stray ". ", "?? ??", a lone dash);
 *  - `next` starts with an all-lower-case word: an attribution after a quote ("Stop!" he said)
 *    or a run-on the segmenter cut after "!"/"?" or an abbreviation ("eBay", "iPhone" are not
 *    all lower case, so they can still open a sentence);
 *  - `previous` ends with "!" or "?" closing a quotation and `next` starts with a named speaker
 *    and a speech verb (`"Stop!" Tokayev said`); "." inside quotes is left alone, since
 *    `"We are leaving." The president said ...` usually is a new sentence;
 *  - `previous` ends with an abbreviation that binds to what follows (see the lists above). */
export function shouldJoin(previous: string, next: string): boolean {
  if (!HAS_WORD_RE.test(previous) || !HAS_WORD_RE.test(next)) return true;
  const word = firstWord(next);
  if (/^\p{Ll}/u.test(word) && word === word.toLowerCase()) return true;
  if (endsWithExclaimedQuote(previous) && !isOpener(word) && NAMED_ATTRIBUTION_RE.test(next)) return true;
  return endsWithBindingAbbreviation(previous, next);
}
