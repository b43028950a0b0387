import { describe, expect, it } from 'vitest';
import { loadSeedCorpus } from '../../../lib/cli/corpus-files';
import type { Article, Block, BlockKind } from '../../../lib/corpus/article';
import { articleToJsonLine } from '../../../lib/corpus/files/export';
import { ingestFile, type IngestResult } from '../../../lib/corpus/files/ingest';

const articlesOf = (r: IngestResult): Article[] => {
  if (!r.ok) throw new Error(r.error);
  return r.articles;
};

/** An article whose text is `parts` joined with a blank line, each part a block of its kind. */
function article(id: string, parts: [BlockKind, string][], meta: Partial<Article> = {}): Article {
  const blocks: Block[] = [];
  let offset = 0;
  for (const [kind, part] of parts) {
    if (blocks.length > 0) offset += 2;
    blocks.push({ kind, start: offset, end: offset + part.length });
    offset += part.length;
  }
  return {
    id, outlet: 'Desk', site: null, url: null, published: null, title: null, credit: null,
    text: parts.map(([, part]) => part).join('\n\n'), blocks, ...meta,
  };
}

const TRICKY: Article[] = [
  article('quotes', [
    ['heading', 'What "they" said'],
    ['body', 'He said: "We\'ll leave \\ soon," and then ‘no’ — «non» „nein“.'],
    ['caption', 'Troops board a plane in Almaty. (Photo: AFP)'],
  ], { outlet: 'Wire "Q"', site: 'wire.example', url: 'https://wire.example/a?x=1&y="2"#top', published: '2022-01-11', title: 'Title with "quotes"', credit: 'AFP' }),
  article('lines', [
    ['body', 'A line\nbroken by hand\r\nand a tab\there.'],
    ['body', 'Separators \u2028 and \u2029 inside, a form feed \f too.'],
  ]),
  article('unicode', [
    ['heading', 'Καλημέρα κόσμε'],
    ['body', 'Emoji 🌍👍🏽, combining e\u0301, RTL שלום عربي, CJK 中文, zero-width\u200bspace, lone \ud800 surrogate.'],
  ]),
  // Lines a second cleaning would drop or change: kept, because blocks say the text is clean.
  article('boilerplate-looking', [
    ['body', 'By Jane Doe'],
    ['body', 'Advertisement'],
    ['body', 'January 11, 2022'],
    ['caption', '?? A caption that starts with lost icons'],
  ]),
];

describe('articleToJsonLine', () => {
  it('writes one line with the fields in the contract order', () => {
    const line = articleToJsonLine(TRICKY[0]!);
    expect(line).not.toMatch(/[\r\n]/);
    expect(Object.keys(JSON.parse(line) as object)).toEqual(['id', 'outlet', 'site', 'url', 'published', 'title', 'credit', 'text', 'blocks']);
  });

  it('writes null for unknown values and only kind/start/end of a block', () => {
    const withExtra = { ...TRICKY[1]!, blocks: TRICKY[1]!.blocks.map((b) => ({ ...b, note: 'x' })) };
    expect(JSON.parse(articleToJsonLine(withExtra))).toMatchObject({ site: null, url: null, blocks: TRICKY[1]!.blocks });
  });
});

describe('export -> import round trip', () => {
  it('the five seeds come back deep-equal through .jsonl and .json', async () => {
    const seeds = await loadSeedCorpus();
    expect(seeds).toHaveLength(5);
    const lines = seeds.map(articleToJsonLine);
    expect(articlesOf(ingestFile('export.jsonl', `${lines.join('\n')}\n`))).toEqual(seeds);
    expect(articlesOf(ingestFile('export.json', `[${lines.join(',\n')}]`))).toEqual(seeds);
  });

  it.each(TRICKY.map((a) => [a.id, a] as const))('%s comes back deep-equal', (_id, original) => {
    expect(articlesOf(ingestFile('x.jsonl', articleToJsonLine(original)))).toEqual([original]);
  });

  it('an article\'s time of day comes back too (same-day provenance reads it)', () => {
    const timed = { ...TRICKY[0]!, publishedAt: '2022-01-11T09:30:00+06:00' };
    const line = articleToJsonLine(timed);
    expect(Object.keys(JSON.parse(line) as object)).toEqual(['id', 'outlet', 'site', 'url', 'published', 'publishedAt', 'title', 'credit', 'text', 'blocks']);
    expect(articlesOf(ingestFile('x.jsonl', line))).toEqual([timed]);
    expect(articlesOf(ingestFile('x.json', `[${line}]`))).toEqual([timed]);
  });

  it('a time of day on another date than "published" is dropped; one that is no time is refused by line', () => {
    const other = JSON.stringify({ outlet: 'Desk', text: 'Some words of an article here.', published: '2022-01-11', publishedAt: '2022-01-12T01:00:00Z' });
    expect(articlesOf(ingestFile('x.jsonl', other))[0]!.publishedAt).toBeUndefined();
    const bad = JSON.stringify({ outlet: 'Desk', text: 'Some words of an article here.', publishedAt: 'soon' });
    const read = ingestFile('x.jsonl', `${other}\n${bad}`);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.error).toMatch(/line 2 of x\.jsonl: "publishedAt" "soon" is not a time/);
  });

  it('CRLF line ends between records are fine', () => {
    expect(articlesOf(ingestFile('x.jsonl', TRICKY.map(articleToJsonLine).join('\r\n')))).toEqual(TRICKY);
  });

  it('a record without blocks is still cleaned as before (old-style files)', () => {
    const [a] = articlesOf(ingestFile('x.jsonl', JSON.stringify({ outlet: 'O', site: 's.example', credit: 'AP', text: 'Advertisement\nBody text.' })));
    expect(a).toMatchObject({ outlet: 'O', site: 's.example', credit: 'AP', text: 'Body text.', blocks: [{ kind: 'body', start: 0, end: 10 }] });
  });
});

describe('invalid blocks: one line naming the file, the line and the block', () => {
  const HINT = 'export the articles again, or leave "blocks" out to have the text split into blocks';
  const line = (blocks: unknown) => JSON.stringify({ id: 'a', outlet: 'O', text: 'Hello there.\n\nBye.', blocks });
  it.each<[string, unknown, string]>([
    ['not an array', { kind: 'body' }, '"blocks" must be an array of {"kind", "start", "end"} objects'],
    ['empty', [], '"blocks" is empty'],
    ['not an object', [1], 'block 1 is not a {"kind", "start", "end"} object'],
    ['unknown kind', [{ kind: 'headline', start: 0, end: 5 }], 'block 1 has kind "headline", not one of "body", "heading", "caption"'],
    ['missing kind', [{ start: 0, end: 5 }], 'block 1 has kind undefined, not one of "body", "heading", "caption"'],
    ['offset not a whole number', [{ kind: 'body', start: 0, end: 2.5 }], 'block 1 needs whole-number "start" and "end" offsets into "text"'],
    ['offset a string', [{ kind: 'body', start: '0', end: 5 }], 'block 1 needs whole-number "start" and "end" offsets into "text"'],
    ['negative start', [{ kind: 'body', start: -1, end: 5 }], 'block 1 starts at -1, before the text'],
    ['empty block', [{ kind: 'body', start: 3, end: 3 }], 'block 1 is empty or reversed (start 3, end 3)'],
    ['past the text', [{ kind: 'body', start: 0, end: 12 }, { kind: 'body', start: 14, end: 19 }], 'block 2 ends at 19, past the end of "text" (18 characters)'],
    ['out of order', [{ kind: 'body', start: 14, end: 18 }, { kind: 'body', start: 0, end: 12 }], 'block 2 starts at 0, before block 1 ends (18); blocks must be in order and not overlap'],
    ['overlapping', [{ kind: 'body', start: 0, end: 12 }, { kind: 'caption', start: 10, end: 18 }], 'block 2 starts at 10, before block 1 ends (12); blocks must be in order and not overlap'],
  ])('%s', (_name, blocks, problem) => {
    const content = `${line([{ kind: 'body', start: 0, end: 4 }])}\n${line(blocks)}`.replace('"id":"a"', '"id":"b"');
    expect(ingestFile('x.jsonl', content)).toEqual({ ok: false, error: `line 2 of x.jsonl: ${problem}: ${HINT}` });
  });

  it('names the article in a .json array', () => {
    expect(ingestFile('x.json', `[${line([])}]`)).toEqual({ ok: false, error: `article 1 in x.json: "blocks" is empty: ${HINT}` });
  });
});
