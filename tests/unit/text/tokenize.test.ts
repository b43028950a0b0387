import { describe, expect, it } from 'vitest';
import { tokenize, wordsOf } from '../../../lib/text/tokenize';

describe('tokenize: words', () => {
  it.each([
    ['plain words', 'The CSTO mission', ['the', 'csto', 'mission']],
    ['punctuation dropped', '"Completed," he said; (really?) yes!', ['completed', 'he', 'said', 'really', 'yes']],
    ['straight possessive joins', "Kazakhstan's President", ['kazakhstans', 'president']],
    ['curly possessive joins', 'Kazakhstan\u2019s President', ['kazakhstans', 'president']],
    ['contraction joins', 'don\u2019t', ['dont']],
    ['trailing apostrophe dropped', "the states' leaders", ['the', 'states', 'leaders']],
    ['quotes around a word', '\u2018completed\u2019 and \u201Cterrorists\u201D', ['completed', 'and', 'terrorists']],
    ['hyphen splits', 'Russia-led forces', ['russia', 'led', 'forces']],
    ['hyphenated age', 'the 81-year-old strongman', ['the', '81', 'year', 'old', 'strongman']],
    ['dashes split', 'permanently \u2013 a nomination\u2014that', ['permanently', 'a', 'nomination', 'that']],
    ['comma thousands', 'more than 2,000 troops', ['more', 'than', '2000', 'troops']],
    ['nbsp thousands', 'about 2\u00A0000 troops', ['about', '2000', 'troops']],
    ['thin space thousands', '10\u2009000 people', ['10000', 'people']],
    ['several groups', '1,234,567', ['1234567']],
    ['list commas are not groups', '1,2,3', ['1', '2', '3']],
    ['date comma is not a group', 'January 12, 2022', ['january', '12', '2022']],
    ['four digits after comma', '12,3456', ['12', '3456']],
    ['decimal', 'rose 3.5 percent', ['rose', '3.5', 'percent']],
    ['sentence end after number', 'took 10 days. The', ['took', '10', 'days', 'the']],
    ['ordinal', 'Jan 21st', ['jan', '21st']],
    ['initialism', 'the U.S. and U.N. said', ['the', 'us', 'and', 'un', 'said']],
    ['e.g.', 'e.g. this', ['eg', 'this']],
    ['spaced initials stay apart', 'J. R. R. Tolkien', ['j', 'r', 'r', 'tolkien']],
    ['word then dot then word', 'Otyrar.kz reported', ['otyrar', 'kz', 'reported']],
    ['diacritics', 'Türkiye\u2019s café', ['turkiyes', 'cafe']],
    ['combining marks', 'Zo\u0308e', ['zoe']],
    ['zero-width inside a word', 'zero\u200Bwidth', ['zerowidth']],
    ['soft hyphen inside a word', 'co\u00ADoperate', ['cooperate']],
    ['British spelling', 'despatched unrecognisable Organisation', ['dispatched', 'unrecognizable', 'organization']],
    ['full-width digits', '\uFF12\uFF10\uFF12\uFF12', ['2022']],
    ['astral letters', '\u{1D400}BC', ['abc']],
    ['emoji dropped', 'hi \u{1F600} there', ['hi', 'there']],
    ['empty', '', []],
    ['only punctuation', ' ?? ?? -- ', []],
  ])('%s', (_name, input, expected) => {
    expect(wordsOf(input)).toEqual(expected);
  });
});

describe('tokenize: offsets point into the original', () => {
  it.each([
    ['Kazakhstan\u2019s President Kassym-Jomart Tokayev has announced'],
    ['more than 2,000 troops was despatched \u2013 \u201Cunrecognisable\u201D'],
    ['Caf\u00E9 Zo\u0308e co\u00ADoperate zero\u200Bwidth 2\u00A0000 U.S. e.g. \u{1D400}BC'],
    ['\u200B\u00AD leading invisibles and trailing ones\u200B'],
  ])('%s', (input) => {
    const tokens = tokenize(input);
    expect(tokens.length).toBeGreaterThan(0);
    let previousEnd = 0;
    for (const t of tokens) {
      expect(t.start).toBeGreaterThanOrEqual(previousEnd);
      expect(t.end).toBeGreaterThan(t.start);
      previousEnd = t.end;
      // The slice re-tokenises to exactly this one word.
      expect(wordsOf(input.slice(t.start, t.end))).toEqual([t.word]);
    }
  });

  it('gives exact slices where normalisation changes lengths', () => {
    const text = 'A co\u00ADoperate Zo\u0308e, 2,000 and U.S. troops';
    const slices = tokenize(text).map((t) => text.slice(t.start, t.end));
    expect(slices).toEqual(['A', 'co\u00ADoperate', 'Zo\u0308e', '2,000', 'and', 'U.S', 'troops']);
  });

  it('matches the same words across the seed spelling variants', () => {
    const a = 'a looting spree rendered parts of the largest city Almaty almost unrecognisable.';
    const b = 'a looting spree rendered parts of the largest city Almaty almost unrecognizable.';
    expect(wordsOf(a)).toEqual(wordsOf(b));
    expect(wordsOf('The CSTO mission of more than 2,000 troops was despatched'))
      .toEqual(wordsOf('The CSTO mission of more than 2000 troops was dispatched'));
    expect(wordsOf('Collective Security Treaty Organisation')).toEqual(wordsOf('Collective Security Treaty Organization'));
    expect(wordsOf('permanently \u2013 a nomination')).toEqual(wordsOf('permanently \u2014 a nomination'));
  });
});
