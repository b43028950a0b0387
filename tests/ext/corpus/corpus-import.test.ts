import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundService } from '../../../lib/ext/background/background-service';
import type { CorpusStore } from '../../../lib/ext/store/corpus-store';
import { openCorpusStore } from '../../../lib/ext/store/corpus-store';
import { BUILTIN, call, importAll, matchedIds, matchPage, seeds, startService, USER, value, variants } from './corpus-helpers';

let service: BackgroundService;
let factory: IDBFactory;
beforeEach(() => {
  fakeBrowser.reset();
  ({ service, factory } = startService());
});

/** What the stored corpus holds, read through a second connection. */
async function storedIds(): Promise<string[]> {
  const store = openCorpusStore('echoes', factory);
  await store.load();
  return (await store.readArticles()).map((a) => a.id);
}

describe('import jobs', () => {
  it('indexes batches invisibly, then commits: listed, matched and stored', async () => {
    const before = await matchPage(service);
    expect(matchedIds(before)).not.toContain(USER[0]!.id);
    const { jobId } = await value(service, 'beginImport', { total: 2 });
    expect(await value(service, 'importBatch', { jobId, articles: USER.map((article, n) => ({ article, label: `seeds line ${n + 1}` })) }))
      .toEqual({ accepted: 2, skipped: [] });
    // Not finished: neither listed nor matched.
    expect(await value(service, 'listCorpus', {})).toMatchObject({ userArticles: 0, builtinArticles: 3, builtinHidden: false });
    expect(await matchPage(service)).toEqual(before);
    const summary = await value(service, 'finishImport', { jobId });
    expect(summary.skipped).toEqual([]);
    expect(summary.added.map((a) => [a.id, a.origin])).toEqual(USER.map((a) => [a.id, 'user']));
    expect(summary.added.every((a) => a.sentences > 0)).toBe(true);
    const listing = await value(service, 'listCorpus', {});
    expect(listing).toMatchObject({ userArticles: 2, builtinArticles: 3 });
    expect(listing.articles.filter((a) => a.origin === 'user').map((a) => a.id).sort()).toEqual(USER.map((a) => a.id).sort());
    expect(matchedIds(await matchPage(service))).toContain(USER[0]!.id);
    expect(await storedIds()).toEqual(USER.map((a) => a.id));
    expect(service.diagnostics()).toMatchObject({ userArticles: 2, userIndexSource: 'empty' });
  });

  it('skips duplicates of the built-in corpus, of the user corpus and within the job; renames a taken id', async () => {
    await importAll(service, [USER[0]!]);
    const sameUrl = { ...USER[1]!, id: 'other', url: BUILTIN[1]!.url!.replace('https://www.', 'http://') + '/?utm_source=x' };
    const sameText = { ...BUILTIN[0]!, id: 'copy-of-000', url: 'https://copy.example/a', text: BUILTIN[0]!.text.toUpperCase() };
    const userAgain = { ...USER[0]!, id: 'again', url: null };
    const takenId = { ...variants(1)[0]!, id: BUILTIN[2]!.id };
    const twice = [{ article: USER[1]!, label: 'a.jsonl line 1' }, { article: { ...USER[1]!, id: 'twin' }, label: 'a.jsonl line 2' }];
    const { batch, finish } = await importAll(service, [sameUrl, sameText, userAgain, takenId, ...twice.map((t) => t.article)]);
    const title = (a: { title: string | null; id: string }) => a.title ?? a.id;
    expect(batch.skipped).toEqual([
      { label: 'file.jsonl line 1', reason: `same URL as "${title(BUILTIN[1]!)}"` },
      { label: 'file.jsonl line 2', reason: `same text as "${title(BUILTIN[0]!)}"` },
      { label: 'file.jsonl line 3', reason: `same text as "${title(USER[0]!)}"` },
      { label: 'file.jsonl line 6', reason: `same text as "${title(USER[1]!)}"` },
    ]);
    if (!finish.ok) throw new Error(finish.error);
    expect(finish.value.added.map((a) => a.id)).toEqual([`${BUILTIN[2]!.id}-2`, USER[1]!.id]);
    expect(finish.value.skipped).toEqual(batch.skipped);
  });

  it('reports a malformed article of a batch and imports the rest', async () => {
    const { jobId } = await value(service, 'beginImport', { total: 3 });
    const batch = await value(service, 'importBatch', {
      jobId,
      articles: [
        { article: USER[0], label: 'good.jsonl line 1' },
        { article: { ...USER[1], text: '' }, label: 'bad.jsonl line 1' },
        { article: { ...USER[1], blocks: [{ kind: 'body', start: 5, end: 1 }] }, label: 'bad.jsonl line 2' },
        'not an object',
      ],
    });
    expect(batch).toEqual({
      accepted: 1,
      skipped: [
        { label: 'bad.jsonl line 1', reason: 'the article has no text' },
        { label: 'bad.jsonl line 2', reason: 'the article: block 1 is empty or reversed (start 5, end 1): choose the file again' },
        { label: 'article 4 of the batch', reason: 'not an article object' },
      ],
    });
    expect((await value(service, 'finishImport', { jobId })).added.map((a) => a.id)).toEqual([USER[0]!.id]);
  });

  it('a cancelled job leaves the corpus, its answers and the stored data as they were', async () => {
    await importAll(service, [USER[0]!]);
    const before = await matchPage(service);
    const { jobId } = await value(service, 'beginImport', { total: 20 });
    await value(service, 'importBatch', { jobId, articles: [USER[1]!, ...variants(19)].map((article) => ({ article, label: 'x' })) });
    expect(await value(service, 'cancelImport', { jobId })).toBeNull();
    expect(await matchPage(service)).toEqual(before);
    expect(await value(service, 'listCorpus', {})).toMatchObject({ userArticles: 1 });
    expect(await storedIds()).toEqual([USER[0]!.id]);
    expect(await call(service, 'finishImport', { jobId })).toMatchObject({ ok: false, error: expect.stringMatching(/no import job .* start the import again/) });
    // The ids it had taken are free again.
    expect((await importAll(service, [USER[1]!])).finish).toMatchObject({ ok: true, value: { added: [{ id: USER[1]!.id }] } });
  });

  it('cancels a job idle for longer than its limit', async () => {
    ({ service } = startService(factory, { idleMs: 30 }));
    const { jobId } = await value(service, 'beginImport', { total: 1 });
    await value(service, 'importBatch', { jobId, articles: [{ article: USER[0], label: 'x' }] });
    await new Promise((r) => setTimeout(r, 80));
    expect(await call(service, 'finishImport', { jobId })).toMatchObject({ ok: false });
    expect(await value(service, 'listCorpus', {})).toMatchObject({ userArticles: 0 });
  });

  it('a full disk at commit: an error saying so, nothing added, memory and storage as before', async () => {
    let full = false;
    const wrap = (store: CorpusStore): CorpusStore => ({
      ...store,
      commit: (change) => (full ? Promise.resolve({ ok: false, error: 'QuotaExceededError: quota exceeded', quota: true }) : store.commit(change)),
    });
    ({ service } = startService(factory, { wrap }));
    await importAll(service, [USER[0]!]);
    const before = await matchPage(service);
    const listed = await value(service, 'listCorpus', {});
    full = true;
    const { finish } = await importAll(service, [USER[1]!, ...variants(10)]);
    expect(finish).toEqual({ ok: false, error: expect.stringMatching(/^Storage is full: nothing was added, your corpus is as it was\. Remove articles/) });
    expect(await value(service, 'listCorpus', {})).toEqual(listed);
    expect(await matchPage(service)).toEqual(before);
    expect(await storedIds()).toEqual([USER[0]!.id]);
    full = false;
    expect((await importAll(service, [USER[1]!])).finish.ok).toBe(true);
  });

  it('without IndexedDB (storage blocked) pages are still matched against the built-in corpus; imports say why not', async () => {
    const wrap = (store: CorpusStore): CorpusStore => ({ ...store, load: () => Promise.reject(new DOMException('access denied', 'UnknownError')) });
    ({ service } = startService(factory, { wrap }));
    expect(matchedIds(await matchPage(service))).toContain(BUILTIN[1]!.id);
    expect(service.diagnostics()).toMatchObject({ userIndexError: 'access denied', userArticles: null, userIndexSource: null });
    expect(await call(service, 'beginImport', { total: 1 })).toEqual({
      ok: false, error: 'your corpus could not be opened (access denied); reload the extension, and check that the browser allows it to store data',
    });
    expect(await value(service, 'listCorpus', {})).toMatchObject({ userArticles: 0, builtinArticles: 3 });
  });

  it('refuses bad shapes and content scripts', async () => {
    expect(await call(service, 'beginImport', { total: -1 })).toEqual({ ok: false, error: 'beginImport needs { total: number of articles, 0 or more }' });
    expect(await call(service, 'importBatch', { articles: [] })).toMatchObject({ ok: false, error: expect.stringMatching(/needs \{ jobId/) });
    const { jobId } = await value(service, 'beginImport', { total: 1 });
    expect(await call(service, 'importBatch', { jobId, articles: variants(201) })).toMatchObject({ ok: false, error: expect.stringMatching(/at most 200/) });
    const tab = await fakeBrowser.tabs.create({ url: 'https://page.example/' });
    const fromPage = await call(service, 'beginImport', { total: 1 }, { id: 'test-extension-id', url: 'https://page.example/', tab });
    expect(fromPage).toMatchObject({ ok: false, error: expect.stringMatching(/^refused/) });
    expect(seeds).toHaveLength(5);
  });
});
