import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import { ingestFile, type HtmlArticle, type IngestResult } from '../../../lib/corpus/files/ingest';
import { stableId } from '../../../lib/corpus/files/manifest';
import { SEEDS_DIR, SEED_FILES, seed } from './seeds';

const manifest = JSON.parse(readFileSync(SEEDS_DIR + 'sources.json', 'utf8'));
const articlesOf = (r: IngestResult): Article[] => {
  if (!r.ok) throw new Error(r.error);
  return r.articles;
};
const one = (r: IngestResult): Article => articlesOf(r)[0]!;
const meta = ({ id, outlet, site, url, published, title, credit }: Article) => ({ id, outlet, site, url, published, title, credit });

describe('ingestFile .txt', () => {
  it.each(SEED_FILES)('%s: id is the file name, manifest names the outlet', (name, raw) => {
    const article = one(ingestFile(name, raw, { manifest }));
    expect(article.id).toBe(name.replace(/\.txt$/, ''));
    expect(article.outlet).toBe(manifest[name].outlet);
    expect(article.blocks.length).toBeGreaterThan(5);
  });

  it('001 with the manifest: outlet, site, url, credit, date, title', () => {
    expect(meta(one(ingestFile('001_d8ecf45d43cff358.txt', seed('001'), { manifest })))).toEqual({
      id: '001_d8ecf45d43cff358', outlet: 'The Moscow Times', site: 'themoscowtimes.com',
      url: 'https://www.themoscowtimes.com/2022/01/11/russia-led-troops-to-begin-leaving-kazakhstan-in-2-days-president-a76007',
      published: '2022-01-11', title: 'Russia-Led Troops to Begin Leaving Kazakhstan in 2 Days — President', credit: 'AFP',
    });
  });

  it.each([
    ['001', { outlet: 'themoscowtimes.com', site: 'themoscowtimes.com', credit: 'AFP', published: '2022-01-11' }],
    ['000', { outlet: 'x000.txt', site: null, credit: 'TRTWorld and agencies', published: '2022-01-11' }],
    ['002', { outlet: 'DT Next', site: null, credit: null, published: null }],
    ['003', { outlet: 'x003.txt', site: null, credit: null, published: '2022-01-21' }],
  ])('%s without a manifest: clues, then URL host, then file name', (id, expected) => {
    expect(meta(one(ingestFile(`x${id}.txt`, seed(id))))).toMatchObject(expected);
  });

  it('a manifest null overrides what the text suggests; keys may be the id', () => {
    const a = one(ingestFile('001_d8ecf45d43cff358.txt', seed('001'), { manifest: { '001_d8ecf45d43cff358': { credit: null, outlet: 'MT' } } }));
    expect([a.credit, a.outlet, a.published]).toEqual([null, 'MT', '2022-01-11']);
  });

  it('accepts a byte order mark and CRLF', () => {
    expect(one(ingestFile('a.txt', '\uFEFFOne.\r\n\r\nTwo.')).text).toBe('One.\n\nTwo.');
  });
});

describe('ingestFile .json / .jsonl', () => {
  const items = [
    { id: 'a1', outlet: 'Reuters', url: 'https://www.reuters.com/x', published: '2022-01-11T10:00:00Z', title: 'T', text: 'First.\n\nSecond.' },
    { outlet: 'AP', url: 'https://apnews.com/y', text: 'Other text.' },
    { text: 'No metadata at all.' },
  ];

  it('an array of articles: fields, hashed ids, outlet fallbacks', () => {
    const got = articlesOf(ingestFile('feed.json', JSON.stringify(items))).map(meta);
    expect(got).toEqual([
      { id: 'a1', outlet: 'Reuters', site: 'reuters.com', url: 'https://www.reuters.com/x', published: '2022-01-11', title: 'T', credit: null },
      { id: stableId('https://apnews.com/y'), outlet: 'AP', site: 'apnews.com', url: 'https://apnews.com/y', published: null, title: null, credit: null },
      { id: stableId('No metadata at all.'), outlet: 'feed.json', site: null, url: null, published: null, title: null, credit: null },
    ]);
  });

  it('hashed ids are stable and differ by url', () => {
    expect(stableId('https://apnews.com/y')).toMatch(/^[0-9a-f]{16}$/);
    expect(stableId('https://apnews.com/y')).toBe(stableId('https://apnews.com/y'));
    expect(stableId('https://apnews.com/y')).not.toBe(stableId('https://apnews.com/z'));
  });

  it('one object instead of an array; text is cleaned like a .txt', () => {
    const a = one(ingestFile('one.json', JSON.stringify({ outlet: 'X', text: '[ad_1]\nBody text.\nSource link' })));
    expect([a.outlet, a.text]).toEqual(['X', 'Body text.']);
  });

  it('.jsonl: one per line, blank lines skipped; the manifest applies by id', () => {
    const jsonl = items.map((i) => JSON.stringify(i)).join('\n\n') + '\n';
    const got = articlesOf(ingestFile('feed.jsonl', jsonl, { manifest: { a1: { outlet: 'Reuters UK' } } }));
    expect(got.map((a) => a.outlet)).toEqual(['Reuters UK', 'AP', 'feed.jsonl']);
  });
});

describe('ingestFile .html', () => {
  const finder = (html: string): HtmlArticle | null =>
    html.includes('<p>') ? { title: 'Page title', text: 'First para.Second para.', blockStarts: [0, 11], url: 'https://news.example.org/a', published: '2022-01-12' } : null;

  it('uses the injected HTML reader, keeping its blocks and metadata', () => {
    const a = one(ingestFile('page.html', '<p>x</p>', { htmlToArticle: finder }));
    expect([a.id, a.title, a.text, a.outlet, a.published]).toEqual(['page', 'Page title', 'First para.\n\nSecond para.', 'news.example.org', '2022-01-12']);
  });

  it.each([
    [{}, 'page.html: HTML files need an HTML reader here; convert the page to .txt or load it with the CLI'],
    [{ htmlToArticle: finder }, 'no article text found in page.html: is it an article page?'],
  ])('without a reader or without an article: %#', (opts, error) => {
    expect(ingestFile('page.html', '<div></div>', opts)).toEqual({ ok: false, error });
  });
});

describe('ingestFile errors', () => {
  it.each([
    ['x.txt', '', 'x.txt is empty: add article text or remove the file'],
    ['x.json', ' \n\t', 'x.json is empty: add article text or remove the file'],
    ['x.txt', 'abc\0def', 'x.txt looks like a binary file, not text: corpus files must be UTF-8 text'],
    ['x.txt', 'a\x01\x02\x03\x04b', 'x.txt looks like a binary file, not text: corpus files must be UTF-8 text'],
    ['x.pdf', 'text', 'x.pdf: unsupported file type; use .txt, .json, .jsonl, .html or a feed (.xml, .rss, .atom)'],
    ['x.txt', '[ad_1]\nSource link', 'x.txt has no article text left after removing boilerplate'],
    ['x.json', '[\n  {"text": "a"},\n  {"text": x}\n]', 'x.json is not valid JSON at line 3, column 12 (unexpected "x"): fix the file and load it again'],
    ['x.json', '[\n{"text": "a"},\n', 'x.json is not valid JSON at line 3, column 1 (the text ends too early): fix the file and load it again'],
    ['x.json', '"just a string"', 'x.json is not a JSON array of articles: give an array of {"outlet", "text", "url"?, "published"?, "title"?, "id"?} objects'],
    ['x.json', '42', 'x.json is not a JSON array of articles: give an array of {"outlet", "text", "url"?, "published"?, "title"?, "id"?} objects'],
    ['x.json', '[{"text":"a"},{"text":"b"},{"outlet":"c"}]', 'article 3 in x.json has no "text": every article needs its text as a string'],
    ['x.json', '[{"text":"  "}]', 'article 1 in x.json has an empty "text": every article needs its text as a string'],
    ['x.json', '[{"text":["a"]}]', 'article 1 in x.json has a "text" that is not a string: every article needs its text as a string'],
    ['x.json', '[1]', 'article 1 in x.json is not an article object: give an array of {"outlet", "text", "url"?, "published"?, "title"?, "id"?} objects'],
    ['x.json', '[{"text":"a","url":5}]', 'article 1 in x.json: "url" must be a string or null, not a number'],
    ['x.json', '[{"text":"a","outlet":["A"]}]', 'article 1 in x.json: "outlet" must be a string or null, not an array'],
    ['x.json', '[{"text":"a","id":7}]', 'article 1 in x.json: "id" must be a non-empty string (or left out)'],
    ['x.json', '[{"text":"a","published":"soon"}]', 'article 1 in x.json: "published" "soon" is not a date; use YYYY-MM-DD'],
    ['x.json', '[{"id":"a","text":"a."},{"id":"a","text":"b."}]', 'article 2 in x.json repeats the id "a": give each article its own "id" (or url)'],
    ['x.jsonl', '{"text":"a"}\n\n{"text": "b",}\n', 'line 3 of x.jsonl is not valid JSON at column 14 (unexpected "}"): put one article object on each line'],
    ['x.jsonl', '{"text":"a"}\n{"title":"b"}', 'line 2 of x.jsonl has no "text": every article needs its text as a string'],
    ['x.jsonl', '[{"text":"a"}]', 'line 1 of x.jsonl is not an article object: put one {"outlet", "text", "url"?, "published"?, "title"?, "id"?} object on each line'],
  ])('%s %j', (name, content, error) => {
    expect(ingestFile(name, content)).toEqual({ ok: false, error });
  });
});
