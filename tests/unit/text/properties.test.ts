// Round-trip properties over generated text: offsets always point into the original string.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../lib/text/sentences';
import { tokenize, wordsOf } from '../../../lib/text/tokenize';
import { createRng } from '../../../scripts/bench/prng';

/** mulberry32 (the bench's), so a failure reproduces from its seed. */
const rng = (seed: number): (() => number) => createRng(seed).next;

// Pieces that exercise every tokenizer and splitter branch, mixed at random.
const PIECES = [
  'The', 'troops', 'Kazakhstan\u2019s', "don't", 'U.S.', 'Mr.', 'Jan.', 'No.', 'J.', 'e.g.', '2,000', '2\u00A0000',
  '3.5', '10', 'Caf\u00E9', 'Zo\u0308e', 'co\u00ADoperate', 'zero\u200Bwidth', '\u{1D400}BC', '\u{1F600}', 'despatched',
  'Russia-led', '\u2013', '\u2014', '.', '. ', ',', '!', '?', '"', '\u201C', '\u201D', '\u2018', '\u2019', "'",
  ' ', ' ', ' ', '  ', '\n', '\n\n', '\r\n', '\t', '\u2029', 'he said', 'In', '...', '\u0301', '\uFEFF', '\uD800',
];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 60);
  let text = '';
  for (let k = 0; k < length; k++) text += PIECES[Math.floor(next() * PIECES.length)] as string;
  return text;
}

const SEEDS = Array.from({ length: 200 }, (_, k) => k + 1);

describe('tokenize round trip on generated text', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const text = randomText(rng(seed));
    let previousEnd = 0;
    for (const t of tokenize(text)) {
      expect(t.start).toBeGreaterThanOrEqual(previousEnd);
      expect(t.end).toBeLessThanOrEqual(text.length);
      expect(t.word).not.toBe('');
      expect(wordsOf(text.slice(t.start, t.end))).toEqual([t.word]);
      previousEnd = t.end;
    }
  });
});

describe('splitSentences round trip on generated text', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const next = rng(seed);
    const text = randomText(next);
    const blockStarts = next() < 0.5 ? undefined : [0, Math.floor(next() * text.length), Math.floor(next() * text.length)];
    const spans = splitSentences(text, blockStarts);
    let previousEnd = 0;
    spans.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(s.text).toBe(text.slice(s.start, s.end));
      expect(s.text).toBe(s.text.trim());
      expect(s.text).not.toBe('');
      expect(s.start).toBeGreaterThanOrEqual(previousEnd);
      if (blockStarts) for (const b of blockStarts) expect(s.start < b && b < s.end).toBe(false);
      previousEnd = s.end;
    });
    // Only whitespace is ever left out.
    expect(spans.map((s) => s.text).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});
