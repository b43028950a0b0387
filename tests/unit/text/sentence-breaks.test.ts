// ruleSentenceStarts must start sentences exactly where Intl.Segmenter does, on every text it
// accepts: checked against the Segmenter itself on hand-picked cases, on every short string over
// the rules' character classes, and on generated text.
import { describe, expect, it } from 'vitest';
import { ruleSentenceStarts } from '../../../lib/text/sentence-breaks';
import { createRng } from '../../../scripts/bench/prng';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const segmenterStarts = (text: string) => [...segmenter.segment(text)].map((s) => s.index);

/** mulberry32 (the bench's), so a failure reproduces from its seed. */
const rng = (seed: number): (() => number) => createRng(seed).next;

/** Texts ruleSentenceStarts accepted whose starts differ from the Segmenter's. */
function disagreements(texts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const ruled = ruleSentenceStarts(text, 0, text.length);
    if (ruled && ruled.join() !== segmenterStarts(text).join()) out.push(text);
  }
  return out;
}

describe('ruleSentenceStarts', () => {
  it.each([
    ['two sentences', 'He left. She stayed.', [0, 9]],
    ['decimal (SB6)', 'It rose 3.5 per cent.', [0]],
    ['initials before a capital (SB7)', 'Made in U.S.A and sold.', [0]],
    ['initials before a space and a capital', 'The U.S.A. Today', [0, 11]],
    ['lower case after the dot (SB8)', 'See e.g. the list.', [0]],
    ['comma after the dot (SB8a)', 'Apples, pears etc., and more.', [0]],
    ['closing quote and spaces stay with the sentence (SB9, SB10)', '"Go!"  He went.', [0, 7]],
    ['curly quotes, no-break space', '\u201CStop.\u201D He said so. Then\u00A0more.', [0, 8, 20]],
    ['a dash after the quote (SB8a)', '\u201CStop.\u201D \u2014 he said. Then\u00A0more.', [0, 19]],
    ['trailing spaces', 'Done.   ', [0]],
    ['empty', '', []],
  ])('%s', (_name, text, starts) => {
    expect(ruleSentenceStarts(text, 0, text.length)).toEqual(starts);
    expect(segmenterStarts(text)).toEqual(starts);
  });

  it('reads a range of a longer text with offsets into it', () => {
    const text = 'xx He left. She stayed. yy';
    expect(ruleSentenceStarts(text, 3, 23)).toEqual([3, 12]);
  });

  it.each([['e\u0301'], ['caf\u00E9.'], ['line\nbreak'], ['\u2026'], ['\u{1F600}']])('leaves %j to the Segmenter', (text) => {
    expect(ruleSentenceStarts(text, 0, text.length)).toBeNull();
  });

  it('agrees with the Segmenter on every string of up to 4 characters over its classes', () => {
    const alphabet = ['a', 'B', '1', '.', '!', '?', ' ', '"', ')', ',', '#', '\u2019', '\u2014', '\u00A0', '\t', ';'];
    const all: string[] = [''];
    for (let length = 1, from = 0; length <= 4; length++) {
      const to = all.length;
      for (let i = from; i < to; i++) for (const c of alphabet) all.push((all[i] as string) + c);
      from = to;
    }
    expect(disagreements(all)).toEqual([]);
  });

  it('agrees with the Segmenter on generated text', () => {
    const pieces = ['the', 'Bob', 'U.S.', 'e.g.', 'Mr.', '5', '3.5', '.', '...', '!', '?!', ' ', ' ', '  ', '"', "'", '(', ')',
      ']', ',', ';', ':', '-', '#', '\u2018', '\u2019', '\u201C', '\u201D', '\u2013', '\u2014', '\u00A0', 'x', 'Q', 'i.', 'A.'];
    const next = rng(29);
    const texts = Array.from({ length: 20_000 }, () => {
      let text = '';
      for (let k = Math.floor(next() * 30); k >= 0; k--) text += pieces[Math.floor(next() * pieces.length)] as string;
      return text;
    });
    expect(disagreements(texts)).toEqual([]);
  });
});
