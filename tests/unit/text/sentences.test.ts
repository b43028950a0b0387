import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockStartsOf, splitSentences, type SentenceSpan } from '../../../lib/text/sentences';

const texts = (text: string, blockStarts?: number[]) => splitSentences(text, blockStarts).map((s) => s.text);

/** Every span is its own slice, trimmed, non-empty, in order and indexed 0..n-1. */
function expectWellFormed(source: string, spans: SentenceSpan[]): void {
  let previousEnd = 0;
  spans.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.text).toBe(source.slice(s.start, s.end));
    expect(s.text).toBe(s.text.trim());
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = s.end;
  });
}

const Q1 = '"The main mission of the CSTO peacekeeping forces has been successfully completed," Tokayev said on Tuesday, referring to troops of the Collective Security Treaty Organization.';
const Q2a = '"In two days a phased withdrawal of the CSTO united peacekeeping contingent will begin.';
const Q2b = 'The withdrawal process of the contingent will take no more than 10 days," he said, addressing the government and parliament in a videoconference call broadcast live.';
const curly = (s: string) => s.replace(/"(?=\w)/g, '\u201C').replace(/"/g, '\u201D');

describe('splitSentences: seed cases', () => {
  it.each([
    ['quote + attribution stays one', Q1, [Q1]],
    ['curly quote + attribution stays one', curly(Q1), [curly(Q1)]],
    ['two-sentence quote: split inside, attribution kept with the second', `${Q2a} ${Q2b}`, [Q2a, Q2b]],
    ['same with curly quotes', curly(`${Q2a} ${Q2b}`), [curly(Q2a), curly(Q2b)]],
    ['exclamation then lower-case attribution', '"Stop!" he said. Then he left.', ['"Stop!" he said.', 'Then he left.']],
    ['curly exclamation + attribution', '\u201CStop!\u201D he said.', ['\u201CStop!\u201D he said.']],
    ['question + attribution', '\u201CWhy now?\u201D she asked, smiling. Nobody knew.', ['\u201CWhy now?\u201D she asked, smiling.', 'Nobody knew.']],
    ['exclamation + named speaker', '\u201CIt is over!\u201D Tokayev said on Tuesday. Troops left.', ['\u201CIt is over!\u201D Tokayev said on Tuesday.', 'Troops left.']],
    ['question + two-word speaker', '"Why?" Kassym-Jomart Tokayev asked.', ['"Why?" Kassym-Jomart Tokayev asked.']],
    ['exclamation then an opener is a new sentence', '"Stop!" The president said nothing else.', ['"Stop!"', 'The president said nothing else.']],
    ['full stop in quotes then a named speaker is a new sentence', '\u201CWe are leaving.\u201D Tokayev said the troops would go.', ['\u201CWe are leaving.\u201D', 'Tokayev said the troops would go.']],
    ['single curly quotes', '\u2018It is over!\u2019 the minister said.', ['\u2018It is over!\u2019 the minister said.']],
    ['quote closing a sentence, then a new one', '\u201CIt is done.\u201D The troops left.', ['\u201CIt is done.\u201D', 'The troops left.']],
    ['Jan. 2', 'The demonstrations started on Jan. 2 in western Kazakhstan. They spread.', ['The demonstrations started on Jan. 2 in western Kazakhstan.', 'They spread.']],
    ['Mr. and Dr.', 'Mr. Smith met Dr. Jones on Monday. He left.', ['Mr. Smith met Dr. Jones on Monday.', 'He left.']],
    ['Gen. and Sen.', 'Gen. Ivanov spoke to Sen. Brown. It was brief.', ['Gen. Ivanov spoke to Sen. Brown.', 'It was brief.']],
    ['U.S. inside a sentence', 'The U.S. embassy said so. It left.', ['The U.S. embassy said so.', 'It left.']],
    ['U.S. before a capitalised word', 'U.S. President Joe Biden spoke. He left.', ['U.S. President Joe Biden spoke.', 'He left.']],
    ['U.S. ending a sentence', 'They flew to the U.S. The talks failed.', ['They flew to the U.S.', 'The talks failed.']],
    ['No. 5', 'He was No. 5 on the list. That was all.', ['He was No. 5 on the list.', 'That was all.']],
    ['no. at a sentence end', 'She said no. People left.', ['She said no.', 'People left.']],
    ['initials', 'J. R. R. Tolkien wrote it. George W. Bush read it.', ['J. R. R. Tolkien wrote it.', 'George W. Bush read it.']],
    ['letter ending a sentence', 'They chose Plan B. The rest is history.', ['They chose Plan B.', 'The rest is history.']],
    ['e.g.', 'Some states, e.g. Armenia, agreed. Others did not.', ['Some states, e.g. Armenia, agreed.', 'Others did not.']],
    ['Inc. before a verb vs. a new sentence', 'Apple Inc. said it would. Acme Inc. The end.', ['Apple Inc. said it would.', 'Acme Inc.', 'The end.']],
    ['stray full stop', 'Nazarbayev\u2019s loyalists. . A statement was issued.', ['Nazarbayev\u2019s loyalists. .', 'A statement was issued.']],
    ['ellipsis inside a quote', '\u201Cthe ministers signed a joint decision ... on organizing the return,\u201D the secretariat said.', ['\u201Cthe ministers signed a joint decision ... on organizing the return,\u201D the secretariat said.']],
    ['eBay may open a sentence', 'Prices rose. eBay said so.', ['Prices rose. eBay said so.']],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
    expectWellFormed(input, splitSentences(input));
  });
});

describe('splitSentences: blocks', () => {
  it('a heading without final punctuation is its own block', () => {
    const text = 'Coup attempt?\n\nKazakhstan has framed the unrest as a coup.\nTurkish Airlines to restart flights\nFlights resume on January 13.';
    expect(texts(text)).toEqual([
      'Coup attempt?', 'Kazakhstan has framed the unrest as a coup.', 'Turkish Airlines to restart flights', 'Flights resume on January 13.',
    ]);
  });

  it('any newline ends a block when no blockStarts are given', () => {
    expect(texts('The bloc sent over 2,000 troops to\nKazakhstan last week.')).toEqual(['The bloc sent over 2,000 troops to', 'Kazakhstan last week.']);
  });

  it('with blockStarts, a newline inside a block is a space', () => {
    const text = 'The bloc sent over 2,000 troops to\nKazakhstan last week. It left.';
    expect(texts(text, [0])).toEqual(['The bloc sent over 2,000 troops to\nKazakhstan last week.', 'It left.']);
  });

  it('a sentence never crosses a block start, even without newlines (DOM text model)', () => {
    const heading = 'CSTO mission completed';
    const body = 'Tokayev said the mission was completed. Troops will leave.';
    const caption = 'Russian servicemen fold the flag';
    const text = heading + body + caption;
    const spans = splitSentences(text, [0, heading.length, heading.length + body.length]);
    expect(spans.map((s) => s.text)).toEqual([heading, 'Tokayev said the mission was completed.', 'Troops will leave.', caption]);
    expectWellFormed(text, spans);
  });

  it('ignores unsorted, duplicate and out-of-range block starts', () => {
    const text = 'One two.Three four.';
    expect(texts(text, [8, -3, 8, 0, 999])).toEqual(['One two.', 'Three four.']);
  });

  it.each([
    ['', []],
    ['   \n\n \t ', [0, 5]],
    ['a', [0]],
    ['one\ntwo', [0, 4]],
    ['one\r\n\r\ntwo\n', [0, 7]],
    ['\n\none\u2029two', [0, 2, 6]],
  ])('blockStartsOf(%j)', (text, expected) => {
    expect(blockStartsOf(text)).toEqual(expected);
  });

  it('drops whitespace-only spans', () => {
    expect(splitSentences('  \n \n\t\n')).toEqual([]);
    expect(splitSentences('')).toEqual([]);
  });
});

const seedsDir = join(__dirname, '../../../seeds');
describe.skipIf(!existsSync(seedsDir))('splitSentences: seed articles', () => {
  const files = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')) : [];
  if (files.length === 0) console.warn(`no seeds in ${seedsDir}: seed sentence tests skipped`);
  const read = (f: string) => readFileSync(join(seedsDir, f), 'utf8');

  it.each(files)('%s: every span equals its slice (round trip)', (file) => {
    const text = read(file);
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(5);
    expectWellFormed(text, spans);
    // Nothing but whitespace and stray punctuation is lost between spans.
    const covered = spans.map((s) => s.text).join('');
    expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('seed 000 keeps the quote with its attribution', () => {
    const file = files.find((f) => f.startsWith('000_'));
    if (!file) return;
    const sentences = texts(read(file));
    expect(sentences).toContain(Q1);
    expect(sentences).toContain(Q2a);
    expect(sentences).toContain(Q2b);
    expect(sentences).toContain('Coup attempt?');
    expect(sentences).toContain('Turkish Airlines to restart flights in Kazakhstan');
  });

  it('seed 002 keeps "Jan. 2" inside its sentence and the caption apart', () => {
    const file = files.find((f) => f.startsWith('002_'));
    if (!file) return;
    const sentences = texts(read(file));
    expect(sentences.some((s) => s.startsWith('The demonstrations started on Jan. 2 in western Kazakhstan,'))).toBe(true);
    expect(sentences.filter((s) => s.startsWith('Russian servicemen fold the national flag'))).toHaveLength(1);
  });
});
