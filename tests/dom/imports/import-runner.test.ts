// @vitest-environment happy-dom
// The options page's import driver: files -> articles -> one job of batches, with progress,
// cancel and failure leaving nothing behind (the fake background records every call).
import { describe, expect, it } from 'vitest';
import { articleLabels, readPastedArticle, type ImportSource, type LabelledArticle, type ReadOptions } from '../../../lib/ext/imports/import-files';
import { batches, importArticles, importFiles, type ImportCalls, type ImportProgress } from '../../../lib/ext/imports/import-runner';
import type { CallResult, CorpusArticleInfo, ImportSkip } from '../../../lib/ext/messaging/messages';
import { htmlToArticle } from '../../../lib/page/html/html-article';

const BODY = 'The river burst its banks after three days of heavy rain across the valley. '
  + 'Rescue teams moved hundreds of families to schools on higher ground overnight. ';

function file(name: string, content: string | Uint8Array): ImportSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

const read: ReadOptions = {
  htmlToArticle: (html) => htmlToArticle(html, (h) => new DOMParser().parseFromString(h, 'text/html') as unknown as Document),
  maxFileBytes: 1000,
};

function jsonl(n: number, outlet = 'Valley Post'): string {
  return Array.from({ length: n }, (_, i) => JSON.stringify({ id: `v${i}`, outlet, url: `https://valley.test/${i}`, text: `${BODY} Story ${i}.` }))
    .join('\n');
}

const info = (a: LabelledArticle): CorpusArticleInfo => ({
  id: a.article.id, outlet: a.article.outlet, title: a.article.title, url: a.article.url, published: a.article.published,
  credit: a.article.credit, sentences: 2, origin: 'user', site: a.article.site,
});

/** A fake background: skips articles whose URL it has seen, can fail at a given step. */
function fakeCalls(fail: { at?: 'begin' | 'batch' | 'finish'; error?: string } = {}) {
  const log: string[] = [];
  const job: LabelledArticle[] = [];
  const seen = new Set<string>(['https://valley.test/1']);
  const no = <T>(): CallResult<T> => ({ ok: false, error: fail.error ?? 'refused' });
  const calls: ImportCalls = {
    async beginImport({ total }) { log.push(`begin ${total}`); return fail.at === 'begin' ? no() : { ok: true, value: { jobId: 'j1' } }; },
    async importBatch({ articles }) {
      log.push(`batch ${articles.length}`);
      if (fail.at === 'batch') return no();
      const skipped: ImportSkip[] = [];
      for (const a of articles) {
        if (a.article.url && seen.has(a.article.url)) skipped.push({ label: a.label, reason: 'same URL as "Story 1"' });
        else job.push(a);
      }
      return { ok: true, value: { accepted: articles.length - skipped.length, skipped } };
    },
    async finishImport() { log.push('finish'); return fail.at === 'finish' ? no() : { ok: true, value: { added: job.map(info), skipped: [] } }; },
    async cancelImport() { log.push('cancel'); return { ok: true, value: null }; },
  };
  return { calls, log };
}

const now = async () => {};

describe('importFiles', () => {
  it('imports the good files, reports the bad one by name and line, and counts duplicates per file', async () => {
    const { calls, log } = fakeCalls();
    const progress: ImportProgress[] = [];
    const outcome = await importFiles([
      file('valley.jsonl', jsonl(3)),
      file('broken.jsonl', `${jsonl(1)}\n{"outlet": "X", "text": `),
      file('note.txt', BODY),
      file('huge.txt', 'x'.repeat(2000)),
      file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e])),
    ], read, { calls, onProgress: (p) => progress.push(p), yieldToPage: now });
    expect(outcome.state).toBe('done');
    expect(log).toEqual(['begin 4', 'batch 4', 'finish']);
    expect(outcome.files.map((f) => [f.name, f.found, f.added, f.skipped])).toEqual([
      ['valley.jsonl', 3, 2, 1], ['broken.jsonl', 0, 0, 0], ['note.txt', 1, 1, 0], ['huge.txt', 0, 0, 0], ['latin1.txt', 0, 0, 0],
    ]);
    const errors = Object.fromEntries(outcome.files.map((f) => [f.name, f.error]));
    expect(errors['broken.jsonl']).toMatch(/^line 2 of broken\.jsonl is not valid JSON/);
    expect(errors['huge.txt']).toBe('huge.txt is 2.0 KB, over the 1000 bytes limit: split it into smaller files');
    expect(errors['latin1.txt']).toMatch(/latin1\.txt is not valid UTF-8/);
    expect(outcome.state === 'done' && outcome.skipped).toEqual([{ label: 'valley.jsonl line 2', reason: 'same URL as "Story 1"' }]);
    expect(progress.map((p) => p.stage)).toEqual(['reading', 'reading', 'reading', 'reading', 'reading', 'sending', 'saving']);
    expect(progress.at(-1)).toEqual({ stage: 'saving', done: 4, total: 4 });
  });

  it('reads HTML files with the page article reader', async () => {
    const { calls } = fakeCalls();
    const html = `<html><head><title>Flood</title><meta property="og:site_name" content="Valley Post"></head>
      <body><article><h1>Flood</h1><p>${BODY}</p><p>${BODY}</p><p>${BODY}</p></article></body></html>`;
    const outcome = await importFiles([file('flood.html', html)], { ...read, maxFileBytes: 100_000 }, { calls, yieldToPage: now });
    expect(outcome.state === 'done' && outcome.added.map((a) => a.outlet)).toEqual(['Valley Post']);
  });

  it('with only bad files, starts no job and reports each', async () => {
    const { calls, log } = fakeCalls();
    const outcome = await importFiles([file('empty.json', '  '), file('x.pdf', '%PDF')], read, { calls, yieldToPage: now });
    expect(log).toEqual([]);
    expect(outcome).toMatchObject({ state: 'done', added: [], skipped: [] });
    expect(outcome.files.map((f) => f.error)).toEqual([expect.stringMatching(/empty\.json is empty/), expect.stringMatching(/x\.pdf: unsupported file type/)]);
  });
});

describe('importArticles', () => {
  const articles = (n: number): LabelledArticle[] =>
    Array.from({ length: n }, (_, i) => ({
      label: `a${i}`,
      article: { id: `a${i}`, outlet: 'O', site: null, url: `https://o.test/${i}`, published: null, title: null, credit: null, text: BODY, blocks: [] },
    }));

  it('sends batches of at most 200 articles', async () => {
    const { calls, log } = fakeCalls();
    const outcome = await importArticles(articles(450), { calls });
    expect(log).toEqual(['begin 450', 'batch 200', 'batch 200', 'batch 50', 'finish']);
    expect(outcome.state).toBe('done');
  });

  it('cuts batches at about 2 MB too; one oversized article travels alone', () => {
    const sizes = batches(['a'.repeat(900), 'b'.repeat(900), 'c'.repeat(3000), 'd'], { articles: 200, bytes: 2000 }).map((b) => b.length);
    expect(sizes).toEqual([2, 1, 1]);
  });

  it('cancels the job when the signal aborts between batches', async () => {
    const { calls, log } = fakeCalls();
    const abort = new AbortController();
    const outcome = await importArticles(articles(450), {
      calls, signal: abort.signal,
      onProgress: (p) => { if (p.stage === 'sending' && p.done === 200) abort.abort(); },
    });
    expect(outcome).toEqual({ state: 'cancelled' });
    expect(log).toEqual(['begin 450', 'batch 200', 'cancel']);
  });

  it.each([
    ['begin', ['begin 3']],
    ['batch', ['begin 3', 'batch 3', 'cancel']],
    ['finish', ['begin 3', 'batch 3', 'finish']],
  ] as const)('a refusal at %s is the outcome, with the background’s message', async (at, expected) => {
    const { calls, log } = fakeCalls({ at, error: 'Storage is full: nothing was added.' });
    const outcome = await importArticles(articles(3), { calls });
    expect(outcome).toEqual({ state: 'failed', error: 'Storage is full: nothing was added.' });
    expect(log).toEqual(expected);
  });
});

describe('labels and pasted articles', () => {
  it('labels JSONL articles by line (blank lines counted), JSON by position', () => {
    expect(articleLabels('f.jsonl', '{}\n\n{}\r\n{}', 3)).toEqual(['f.jsonl line 1', 'f.jsonl line 3', 'f.jsonl line 4']);
    expect(articleLabels('f.json', '[{},{}]', 2)).toEqual(['f.json article 1', 'f.json article 2']);
    expect(articleLabels('f.txt', 'x', 1)).toEqual(['f.txt']);
  });

  it('reads a pasted article through the shared ingestion, and says what is missing', () => {
    const pasted = readPastedArticle({ outlet: 'Valley Post', url: 'https://valley.test/flood', published: '2024-05-06', title: 'Flood', text: BODY });
    expect(pasted.ok && pasted.article.article).toMatchObject({ outlet: 'Valley Post', url: 'https://valley.test/flood', published: '2024-05-06', title: 'Flood' });
    expect(pasted.ok && pasted.article.label).toBe('pasted article');
    expect(readPastedArticle({ outlet: 'X', url: '', published: '', title: '', text: ' ' })).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
    expect(readPastedArticle({ outlet: '', url: '', published: '', title: '', text: BODY })).toMatchObject({ ok: false, error: expect.stringMatching(/outlet/) });
    const badDate = readPastedArticle({ outlet: 'X', url: '', published: 'soon', title: '', text: BODY });
    expect(badDate).toMatchObject({ ok: false, error: expect.stringMatching(/^the pasted article: "published" "soon" is not a date/) });
  });
});
