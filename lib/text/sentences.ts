// Sentences with offsets: Intl.Segmenter inside each block, then a few repairs where its rules
// (UAX #29) split news prose badly: titles and initials, quotes followed by their attribution,
// stray punctuation. Pure: no DOM, no Node APIs.
import { ruleSentenceStarts } from './sentence-breaks';
import { shouldJoin } from './sentence-repairs';

/** A sentence: text === source.slice(start, end) (trimmed of surrounding whitespace). */
export interface SentenceSpan { index: number; text: string; start: number; end: number }

const NEWLINE_RUN_RE = /[\r\n\u2028\u2029\u0085\v\f]+/g;
/** One line-break character (each becomes one space: same length, no callback per run). */
const NEWLINE_CHAR_RE = /[\r\n\u2028\u2029\u0085\v\f]/g;
let segmenter: Intl.Segmenter | null = null;

/** Block starts of plain text: 0 and every offset just after a run of line breaks
 *  (\n, \r, U+2028/2029, ...), ascending, each < text.length. [] for empty text. */
export function blockStartsOf(text: string): number[] {
  if (text === '') return [];
  const starts = [0];
  for (const m of text.matchAll(NEWLINE_RUN_RE)) {
    const after = m.index + m[0].length;
    if (after < text.length) starts.push(after);
  }
  return starts;
}

/** Sorted, unique, in-range block boundaries including 0 and text.length. */
function blockEdges(length: number, blockStarts: readonly number[]): number[] {
  const inner = blockStarts.filter((s) => s > 0 && s < length);
  return [...new Set([0, ...inner, length])].sort((a, b) => a - b);
}

/** Offsets where the segmenter starts a sentence inside `flat.slice(from, to)`: read by rule when
 *  the block's characters allow (ruleSentenceStarts), else by Intl.Segmenter. */
function segmentStarts(flat: string, from: number, to: number): number[] {
  const ruled = ruleSentenceStarts(flat, from, to);
  if (ruled) return ruled;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const starts: number[] = [];
  for (const s of segmenter.segment(flat.slice(from, to))) starts.push(from + s.index);
  return starts;
}

/** Trimmed span of source[start, end), or null when only whitespace is left. */
function trimmedSpan(source: string, start: number, end: number): [number, number] | null {
  const piece = source.slice(start, end);
  const lead = piece.length - piece.trimStart().length;
  const trail = piece.length - piece.trimEnd().length;
  return lead === piece.length ? null : [start + lead, end - trail];
}

/** Pieces of one block after the repairs: [start, end) pairs, untrimmed. */
function blockPieces(source: string, flat: string, from: number, to: number): Array<[number, number]> {
  const starts = segmentStarts(flat, from, to);
  const pieces: Array<[number, number]> = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k] as number;
    const end = starts[k + 1] ?? to;
    const previous = pieces[pieces.length - 1];
    if (previous && shouldJoin(source.slice(previous[0], previous[1]), source.slice(start, end))) {
      previous[1] = end;
    } else {
      pieces.push([start, end]);
    }
  }
  return pieces;
}

/** Intl.Segmenter + repairs. `blockStarts`: offsets where a new block (paragraph, heading,
 *  caption) starts; a sentence never crosses one. Without it, any newline ends a block
 *  (blockStartsOf); with it, a line break inside a block counts as a space.
 *  Repairs: no split after titles ("Mr.", "Dr."), "No. 5", months before a number, initials
 *  ("J. R. R.") or "U.S." unless a typical sentence opener follows; a closing quote or "!"/"?"
 *  followed by a lower-case word (an attribution: `"...," he said`) does not start a sentence;
 *  pieces without letters or digits join the sentence before. A quote holding two sentences
 *  stays two sentences. Spans are trimmed, never empty, indexed 0..n-1 in text order. */
export function splitSentences(text: string, blockStarts?: readonly number[]): SentenceSpan[] {
  return [...sentenceSpans(text, blockStarts)];
}

/** splitSentences one sentence at a time (a block is split when its first sentence is asked
 *  for), so a long page can be split in slices between other work. */
export function* sentenceSpans(text: string, blockStarts?: readonly number[]): Generator<SentenceSpan, void> {
  // Same length as text, so offsets carry over; line breaks inside a block must not split.
  const flat = text.replace(NEWLINE_CHAR_RE, ' ');
  const edges = blockEdges(text.length, blockStarts ?? blockStartsOf(text));
  let index = 0;
  for (let b = 0; b + 1 < edges.length; b++) {
    for (const [from, to] of blockPieces(text, flat, edges[b] as number, edges[b + 1] as number)) {
      const span = trimmedSpan(text, from, to);
      if (!span) continue;
      yield { index: index++, text: text.slice(span[0], span[1]), start: span[0], end: span[1] };
    }
  }
}
