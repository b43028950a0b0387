import { describe, expect, it } from 'vitest';
import { cleanRawText } from '../../../lib/corpus/clean/clean';
import { SEED_FILES, seed } from './seeds';

const cleaned = Object.fromEntries(SEED_FILES.map(([name, raw]) => [name.slice(0, 3), cleanRawText(raw)]));
const blockTexts = (id: string, kind?: string) =>
  cleaned[id]!.blocks.filter((b) => !kind || b.kind === kind).map((b) => cleaned[id]!.text.slice(b.start, b.end));

// Lines that are page furniture in at least one seed; none may survive in any seed.
const DROPPED = [
  '[ad_1]', '[ad_2]', 'Source link', 'By admin', 'Leave a Reply', 'Your email address will not be published',
  'Required fields are marked', 'Newspapers in English', 'Newspapers from India', 'Related article:', '??',
  'Original url', 'https://', 'themoscowtimes.com', 'top channel', 'DT Next', 'Fast News', 'By AFP',
  'January 11, 2022', 'date 2022-01-11', 'Jan 21st', 'Source: TRTWorld', '**', 'TASS', 'INTERACTIVE',
];

describe('cleanRawText on the seeds', () => {
  it('reads all five seeds', () => expect(SEED_FILES).toHaveLength(5));

  it.each(SEED_FILES.flatMap(([name]) => DROPPED.map((s) => [name, s] as const)))('%s has no %j', (name, s) => {
    expect(cleaned[name.slice(0, 3)]!.text).not.toContain(s);
  });

  it.each(SEED_FILES)('%s has no punctuation-only or empty block', (name) => {
    for (const text of blockTexts(name.slice(0, 3))) expect(text).toMatch(/\p{L}/u);
  });

  it.each([
    ['001', 'will begin. The withdrawal process of the contingent'],
    ['002', 'The bloc sent over 2,000 troops to Kazakhstan last week.'],
  ])('%s joins the sentence broken across a blank line: %s', (id, joined) => {
    expect(blockTexts(id)).toContainEqual(expect.stringContaining(joined));
  });

  it.each(SEED_FILES)('%s has no block ending on a word that cannot end a sentence', (name) => {
    for (const text of blockTexts(name.slice(0, 3))) expect(text).not.toMatch(/\b(?:to|the|The|of|a)$/);
  });

  it.each([
    ['000', ['Coup attempt?', 'Turkish Airlines to restart flights in Kazakhstan']],
    ['001', []],
    ['002', []],
    ['003', ['CSTO mission ‘completed’: Tokayev']],
    ['004', []],
  ])('%s headings stay separate blocks: %j', (id, headings) => {
    expect(blockTexts(id, 'heading')).toEqual(headings);
  });

  it.each([
    ['000', null],
    ['001', 'Russia-Led Troops to Begin Leaving Kazakhstan in 2 Days — President'],
    ['002', 'Kazakhstan: Russia-led alliance troops prepare to pull out'],
    ['003', null],
    ['004', null],
  ])('%s title is %j and not repeated in the text', (id, title) => {
    expect(cleaned[id]!.title).toBe(title);
    if (title) expect(cleaned[id]!.text).not.toContain(title);
  });

  it.each([
    ['001', 'The CSTO mission of more than 2,000 troops was despatched at the peak of the crisis last week.'],
    ['002', 'Russian servicemen fold the national flag during the ceremony marking the beginning of the withdrawal of peacekeeping troops of the Collective Security Treaty Organisation from Kazakhstan, Almaty'],
  ])('%s photo caption is one caption block, printed once', (id, caption) => {
    expect(blockTexts(id, 'caption')).toEqual([caption]);
    expect(cleaned[id]!.text.split(caption)).toHaveLength(2);
  });

  it.each([
    ['000', 'The CSTO mission of more than 2,000 troops was despatched at the peak of the crisis in the Central Asian country last week, after deadly clashes between protesters and security forces.'],
    ['003', 'Weeks after dozens died in deadly protests, President Tokayev has named Alikhan Smailov as prime minister.'],
    ['004', 'Kazakhstan’s President Qasym-Zhomart Tokhaev has said that troops from the Collective Security Treaty Organization (CSTO) – a Russian-led organization – will begin leaving the country on January 13.'],
  ])('%s keeps its standfirst / first paragraph as body', (id, first) => {
    expect(cleaned[id]!.blocks[0]!.kind).toBe('body');
    expect(blockTexts(id)[0]).toBe(first);
  });

  it('003 drops the graphic label glued to the last sentence but keeps the sentence', () => {
    expect(blockTexts('003').at(-1)).toBe('US Secretary of State Antony Blinken warned last week that “once Russians are in your house, it is sometimes very difficult to get them to leave”.');
  });

  it.each([
    ['000', { published: '2022-01-11', credit: 'TRTWorld and agencies' }],
    ['001', { published: '2022-01-11', credit: 'AFP', url: 'https://www.themoscowtimes.com/2022/01/11/russia-led-troops-to-begin-leaving-kazakhstan-in-2-days-president-a76007' }],
    ['002', { outlet: 'DT Next' }],
    ['003', { published: '2022-01-21' }],
    ['004', {}],
  ])('%s clues from its own text: %j', (id, clues) => {
    expect(cleaned[id]!.clues).toEqual(clues);
  });

  it.each([['000', 16], ['001', 9], ['002', 18], ['003', 17], ['004', 11]])('%s has %i blocks joined by blank lines', (id, count) => {
    const c = cleaned[id]!;
    expect(c.blocks).toHaveLength(count);
    expect(c.blocks.map((b) => c.text.slice(b.start, b.end)).join('\n\n')).toBe(c.text);
  });
});

describe('sourceOffsets on the seeds', () => {
  it.each(SEED_FILES)('%s maps every copied char back to the raw file', (name, raw) => {
    const { text, sourceOffsets } = cleaned[name.slice(0, 3)]!;
    expect(sourceOffsets).toHaveLength(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      const at = sourceOffsets[i]!;
      if (i > 0) expect(at).toBeGreaterThanOrEqual(sourceOffsets[i - 1]!);
      // Only whitespace may be inserted (block breaks, the space joining a broken sentence).
      if (raw[at] !== text[i]) expect(text[i], `char ${i} of ${name}`).toMatch(/\s/);
    }
    expect(sourceOffsets[text.length]).toBe(sourceOffsets[text.length - 1]! + 1);
  });

  it.each(SEED_FILES)('%s block ranges map to the same words in the raw file', (name, raw) => {
    const { text, blocks, sourceOffsets } = cleaned[name.slice(0, 3)]!;
    for (const b of blocks) {
      const rawSlice = raw.slice(sourceOffsets[b.start], sourceOffsets[b.end - 1]! + 1);
      expect(rawSlice.replace(/\s+/g, ' ')).toContain(text.slice(b.start, b.end).slice(-20));
      expect(rawSlice.startsWith(text.slice(b.start, b.start + 10))).toBe(true);
    }
  });

  it('001 joined sentence maps "withdrawal" to its place after the blank lines', () => {
    const raw = seed('001');
    const { text, sourceOffsets } = cleaned['001']!;
    const i = text.indexOf('The withdrawal process');
    expect(raw.slice(sourceOffsets[i + 4]!, sourceOffsets[i + 4]! + 10)).toBe('withdrawal');
    expect(raw.slice(sourceOffsets[i]!, sourceOffsets[i + 3]!)).toBe('The');
  });
});
