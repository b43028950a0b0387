// Two sentences that each quote someone, with different quoted words, state different things even
// when the frame around them is long and identical (`"…," said <name>, vice president of <unit>
// at <company>.`): the shared words are only an attribution.
import { quotedRanges, type SentenceInfo } from './analyze';
import { lcsLength } from './features';

/** Quoted passages this short still carry a statement ("We never saw it coming"). */
const MIN_CLASH_QUOTE_WORDS = 3;
/** Quoted words of one side found in order in the other's below this share: different quotes. */
const MAX_SHARED_QUOTE = 0.5;
const QUOTE_MARK = /["“”«»„]/;
const QUOTE_MARKS = /["“”«»„]/g;

/** The quoted words, or null when the marks are unpaired (a quote opened or closed in another
 *  sentence: which side of the mark is quoted is then a guess). */
function quotedWords(info: SentenceInfo): string[] | null {
  if ((info.text.match(QUOTE_MARKS)?.length ?? 0) % 2 === 1) return null;
  return quotedRanges(info.text, info.tokens, MIN_CLASH_QUOTE_WORDS).flatMap(([s, e]) => info.words.slice(s, e));
}

/** True when both sentences quote someone and the quoted words are (mostly) not the same. */
export function quotesClash(a: SentenceInfo, b: SentenceInfo): boolean {
  if (!QUOTE_MARK.test(a.text) || !QUOTE_MARK.test(b.text)) return false;
  const qa = quotedWords(a);
  const qb = quotedWords(b);
  if (!qa || !qb || qa.length === 0 || qb.length === 0) return false;
  return lcsLength(qa, qb) < MAX_SHARED_QUOTE * Math.min(qa.length, qb.length);
}
