/** Which sentences of an article an index holds and under which shingle keys: the one rule the
 *  in-memory index (ShingleCorpusIndex) and the newsroom server's PostgreSQL tables both follow,
 *  so a corpus answers the same wherever it is stored. */
import type { Article } from '../../corpus/article';
import { splitSentences } from '../../text/sentences';
import { wordsIn } from '../../text/tokenize';
import { shingleKeys } from './shingles';

/** Sentences with fewer words are not indexed ("Coup attempt?", datelines). */
export const MIN_SENTENCE_WORDS = 4;

/** One indexed sentence: its place among the article's sentences, its offsets in the text,
 *  its word count and its shingle keys (deduplicated, unsigned 32-bit). */
export interface IndexedSentence {
  index: number;
  start: number;
  end: number;
  words: number;
  keys: number[];
}

/** The article's sentences of MIN_SENTENCE_WORDS words or more, in text order, split with the
 *  article's block starts; none from caption blocks (a caption is not one of the article's
 *  sentences, and pages leave theirs unmatched too: lib/corpus/clean/furniture.ts). */
export function* indexedSentences(article: Article): Generator<IndexedSentence> {
  for (const read of readSentences(article)) if (read.indexed) yield read.indexed;
}

/** An article split once: its indexed sentences (as indexedSentences yields them) and how many
 *  of all its sentences, captions included, have MIN_SENTENCE_WORDS words or more (what
 *  lib/report's articleSentenceCount counts, which an index without the texts stores beside
 *  the article). */
export function indexArticle(article: Article): { sentences: IndexedSentence[]; matchable: number } {
  const sentences: IndexedSentence[] = [];
  let matchable = 0;
  for (const read of readSentences(article)) {
    if (read.long) matchable++;
    if (read.indexed) sentences.push(read.indexed);
  }
  return { sentences, matchable };
}

/** Each sentence span of the article: whether it is long enough to match, and its indexed form
 *  when it is long enough and not in a caption. */
function* readSentences(article: Article): Generator<{ long: boolean; indexed: IndexedSentence | null }> {
  const captions = article.blocks.filter((b) => b.kind === 'caption');
  for (const span of splitSentences(article.text, article.blocks.map((b) => b.start))) {
    const words = wordsIn(article.text, span.start, span.end);
    const long = words.length >= MIN_SENTENCE_WORDS;
    const caption = captions.some((b) => span.start >= b.start && span.start < b.end);
    yield { long, indexed: long && !caption ? { index: span.index, start: span.start, end: span.end, words: words.length, keys: shingleKeys(words) } : null };
  }
}
