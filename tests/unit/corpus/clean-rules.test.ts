import { describe, expect, it } from 'vitest';
import { cleanRawText } from '../../../lib/corpus/clean/clean';

const blocksOf = (raw: string) => {
  const c = cleanRawText(raw);
  return c.blocks.map((b) => [b.kind, c.text.slice(b.start, b.end)]);
};

// General rules on made-up articles, so they are not tuned to the seed sentences only.
describe('cleanRawText rules', () => {
  it.each<[string, string, string[][]]>([
    ['lower-case continuation across a blank line', 'Officials said the\n\nfigures were wrong.',
      [['body', 'Officials said the figures were wrong.']]],
    ['comma at the end of a line', 'In the capital,\n\nPolice closed the roads.',
      [['body', 'In the capital, Police closed the roads.']]],
    ['preposition before a capitalised name', 'Flights resumed to\n\nParis on Monday.',
      [['body', 'Flights resumed to Paris on Monday.']]],
    ['finished sentence then capital: two paragraphs', 'One thing happened.\n\nAnother followed.',
      [['body', 'One thing happened.'], ['body', 'Another followed.']]],
    ['hard-wrapped paragraph', 'The minister said on Monday that the new\nrules would apply to every port in the\nRepublic from next spring onwards.\n\nNext paragraph.',
      [['body', 'The minister said on Monday that the new rules would apply to every port in the Republic from next spring onwards.'], ['body', 'Next paragraph.']]],
    ['one paragraph per line is not hard-wrapped', 'First line ends here.\nSecond line ends here.\nThird one too.',
      [['body', 'First line ends here.'], ['body', 'Second line ends here.'], ['body', 'Third one too.']]],
    ['heading between paragraphs', 'Prices rose.\n\nWhat Happens Next\n\nNobody knows.',
      [['body', 'Prices rose.'], ['heading', 'What Happens Next'], ['body', 'Nobody knows.']]],
    ['question heading', 'Prices rose.\n\nA new crisis?\n\nNobody knows.',
      [['body', 'Prices rose.'], ['heading', 'A new crisis?'], ['body', 'Nobody knows.']]],
    ['CRLF line ends and indentation', 'First para.\r\n\r\n   Second para.  \r\n',
      [['body', 'First para.'], ['body', 'Second para.']]],
    ['runs of spaces collapse', 'Too   many    spaces.', [['body', 'Too many spaces.']]],
    ['Photo: caption', 'Photo: Crowds in the square on Friday\n\nText.', [['caption', 'Crowds in the square on Friday'], ['body', 'Text.']]],
    ['parenthesised photo credit', 'Crowds in the square. (Photo: Reuters)\n\nText.', [['caption', 'Crowds in the square.'], ['body', 'Text.']]],
  ])('%s', (_name, raw, expected) => {
    expect(blocksOf(raw)).toEqual(expected);
  });

  it.each([
    ['[ad_1]'], ['Source link'], ['Leave a Comment'], ['Share this:'], ['Advertisement'], ['Related Posts:'],
    ['Read more: Another story entirely'], ['See also: Something else'], ['Newspapers in French'], ['***'], ['—'],
    ['?? ?? ??'], ['https://example.com/a/b'], ['By Jane Doe and John Roe'], ['By staff'], ['Published: 3 March 2021'],
    ['Updated January 5, 2020 10:30 GMT'], ['Mon, Feb 7th, 2022'],
  ])('drops the furniture line %j', (line) => {
    expect(cleanRawText(`Body starts here.\n\n${line}\n\nBody ends here.`).text).toBe('Body starts here.\n\nBody ends here.');
  });

  it.each([
    ['By the end of the week, troops had left.'],
    ['Source: officials said the toll was higher, but gave no figure.'],
    ['January was the coldest month on record.'],
    ['2,000 troops were sent to the city.'],
  ])('keeps article sentences that start like furniture: %j', (line) => {
    expect(cleanRawText(`Intro.\n\n${line}`).text).toBe(`Intro.\n\n${line}`);
  });

  it.each([
    ['By Jane Doe', { credit: 'Jane Doe' }],
    ['Source: Reuters', { credit: 'Reuters' }],
    ['Published: 3 March 2021', { published: '2021-03-03' }],
    ['Original url: https://example.com/x y', { url: 'https://example.com/xy' }],
    ['Original url:\n\nhttps://ex ample.com/a', { url: 'https://example.com/a' }],
  ])('reads clues from %j', (lines, clues) => {
    expect(cleanRawText(`${lines}\n\nSome article text here.`).clues).toEqual(clues);
  });

  it('a URL line not announced by "Original url:" is dropped but not taken as the url', () => {
    expect(cleanRawText('Text.\n\nhttps://example.com/other').clues).toEqual({});
  });

  it('a short masthead above the headline becomes the outlet clue', () => {
    const c = cleanRawText('Daily Planet\n\nMan Flies Over City\n\nWitnesses saw a man fly.');
    expect([c.title, c.clues.outlet, c.text]).toEqual(['Man Flies Over City', 'Daily Planet', 'Witnesses saw a man fly.']);
  });

  it('a caption repeated on the next line is kept once', () => {
    expect(blocksOf('Body.\n\n?? ?? Soldiers at the airport\nSoldiers at the airport\n?? ??')).toEqual([
      ['body', 'Body.'], ['caption', 'Soldiers at the airport'],
    ]);
  });

  it.each<[string, string, number[]]>([
    ['Aa  b.\n\nC.', 'Aa b.\n\nC.', [0, 1, 2, 4, 5, 6, 6, 8, 9, 10]],
    ['The\n\nend.', 'The end.', [0, 1, 2, 3, 5, 6, 7, 8, 9]],
    ['  [ad_1]\n x.', 'x.', [10, 11, 12]],
  ])('sourceOffsets of %j: copied chars point at themselves, inserted whitespace after the char before', (raw, text, offsets) => {
    expect(cleanRawText(raw)).toMatchObject({ text, sourceOffsets: offsets });
  });

  it.each([[''], ['   \n\n  '], ['[ad_1]\nSource link']])('empty or all-furniture input %j gives empty text', (raw) => {
    expect(cleanRawText(raw)).toMatchObject({ text: '', blocks: [], sourceOffsets: [0], title: null });
  });
});
