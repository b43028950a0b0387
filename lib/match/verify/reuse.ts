// What two matched sentences share: one outlet's prose (a copy) or only a direct quotation that
// each outlet wrapped in its own words. A reader weighs these differently: a shared quote says two
// reporters heard (or read) the same speaker, not that one outlet copied the other.
import { STOP_WORDS, type SentenceInfo } from './analyze';
import { lcsLength } from './features';
import type { ReuseClass } from '../types';

/** A quoted passage counts as shared when this share of its words appears in order in the other. */
const QUOTE_SHARED = 0.85;
/** The prose around the quote is copied when this share of the smaller side's prose content words
 *  appears in order in the other's prose ("..., Tokayev said on Tuesday, referring to ..."). */
const PROSE_COPIED = 0.6;
/** Prose of fewer content words than this ("he said") says nothing about copying. */
const MIN_PROSE_WORDS = 3;

/** The quoted passages of `x` (word ranges) that `y` also carries nearly word for word. */
function sharedQuotes(x: SentenceInfo, y: SentenceInfo): Array<[number, number]> {
  return x.quotes.filter(([s, e]) => lcsLength(x.words.slice(s, e), y.words) >= QUOTE_SHARED * (e - s));
}

/** Content words of `info` outside its own quotes and outside `removed` (the other side's shared
 *  quote, when this side printed the same words without quotation marks). */
function proseWords(info: SentenceInfo, removed: readonly string[]): string[] {
  const inQuote = new Uint8Array(info.words.length);
  for (const [s, e] of info.quotes) inQuote.fill(1, s, e);
  const left = new Map<string, number>();
  for (const w of removed) left.set(w, (left.get(w) ?? 0) + 1);
  const out: string[] = [];
  info.words.forEach((w, i) => {
    if (inQuote[i] === 1) return;
    const n = left.get(w) ?? 0;
    if (n > 0) return void left.set(w, n - 1);
    if (!STOP_WORDS.has(w)) out.push(w);
  });
  return out;
}

/** "quote" when the pair's shared words are a direct quotation (in quotation marks on at least one
 *  side) and the prose around it is each side's own; "copy" otherwise, including a sentence that
 *  copies both the quote and its attribution. Pure; `a` and `b` in either order. */
export function reuseOf(a: SentenceInfo, b: SentenceInfo): ReuseClass {
  const fromA = sharedQuotes(a, b);
  const fromB = sharedQuotes(b, a);
  if (fromA.length === 0 && fromB.length === 0) return 'copy';
  const quoted = (x: SentenceInfo, ranges: Array<[number, number]>) => ranges.flatMap(([s, e]) => x.words.slice(s, e));
  // A side without quotation marks of its own printed the other's quote as plain words: take them out.
  const proseA = proseWords(a, a.quotes.length > 0 ? [] : quoted(b, fromB));
  const proseB = proseWords(b, b.quotes.length > 0 ? [] : quoted(a, fromA));
  const smaller = Math.min(proseA.length, proseB.length);
  // `"…," he said.` printed word for word on both sides is a copied sentence, not just a quote.
  if (smaller < MIN_PROSE_WORDS) return a.words.join(' ') === b.words.join(' ') ? 'copy' : 'quote';
  return lcsLength(proseA, proseB) >= PROSE_COPIED * smaller ? 'copy' : 'quote';
}
