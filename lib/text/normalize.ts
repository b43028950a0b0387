// Comparison forms of text and of single words. Pure: no DOM, no Node APIs.
import { britishToAmerican } from './spelling';

/** Zero-width space/non-joiner/joiner, word joiner, BOM and soft hyphen: invisible, never content. */
const INVISIBLE_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Spaces that may sit between digit groups of one number ("2 000"): no-break, thin, narrow, figure. */
const GROUP_SPACES = ',\u00A0\u2009\u202F\u2007';
const THOUSANDS_RE = new RegExp(`(\\d)[${GROUP_SPACES}](?=\\d{3}(?!\\d))`, 'g');
const SINGLE_QUOTES_RE = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES_RE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES_RE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const MARKS_RE = /\p{M}+/gu;

/** Strips diacritics: decompose, drop combining marks, recompose what is left (e.g. Hangul). */
function stripMarks(text: string): string {
  return text.normalize('NFD').replace(MARKS_RE, '').normalize('NFC');
}

/** Comparison form: NFKC, lower case, diacritics stripped, curly quotes and dashes straightened,
 *  zero-width chars and soft hyphens removed, thousands separators dropped (2,000 -> 2000;
 *  also a no-break/thin space between digit groups; "2.000" is left alone, it may be a decimal).
 *  Lengths may change: use tokenize() when offsets into the original are needed. */
export function normalizeText(text: string): string {
  // Separators first: NFKC would turn a no-break space into a plain space.
  const joined = text.replace(INVISIBLE_RE, '').replace(THOUSANDS_RE, '$1');
  return stripMarks(joined.normalize('NFKC').toLowerCase())
    .replace(SINGLE_QUOTES_RE, "'")
    .replace(DOUBLE_QUOTES_RE, '"')
    .replace(DASHES_RE, '-');
}

/** One normalised word in canonical spelling: British -> American (despatched->dispatched,
 *  unrecognisable->unrecognizable, organisation->organization, defence->defense ...).
 *  Expects normalizeText() output for one word (lower case, no diacritics); other words pass
 *  through unchanged ("rise", "precise", "four", "hour" stay as they are). */
export function canonicalWord(word: string): string {
  return britishToAmerican(word);
}

const WORD_JUNK_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD'\u2018\u2019\u02BC,\u00A0\u2009\u202F\u2007]/g;
const ABBREV_DOT_RE = /\.(?!\d)|(?<!\d)\./g;
const wordCache = new Map<string, string>();
const WORD_CACHE_LIMIT = 200_000;

/** Comparison form of one raw word slice as tokenize() cuts it from the original text:
 *  apostrophes, invisible chars and digit-group separators dropped, dots kept only inside
 *  decimals ("3.5"), then normalizeText + canonicalWord. Memoised: news repeats its words. */
export function wordForm(raw: string): string {
  const cached = wordCache.get(raw);
  if (cached !== undefined) return cached;
  const bare = raw.replace(WORD_JUNK_RE, '').replace(ABBREV_DOT_RE, '');
  const form = canonicalWord(normalizeText(bare));
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(raw, form);
  return form;
}
