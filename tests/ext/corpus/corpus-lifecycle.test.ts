import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ingestFile } from '../../../lib/corpus/files/ingest';
import type { BackgroundService } from '../../../lib/ext/background/background-service';
import type { CorpusStore } from '../../../lib/ext/store/corpus-store';
import { corpusChangedItem } from '../../../lib/ext/settings/storage';
import { BUILTIN, importAll, matchedIds, matchPage, OPTIONS, startService, USER, value, variants } from './corpus-helpers';

let service: BackgroundService;
let factory: IDBFactory;
beforeEach(() => {
  fakeBrowser.reset();
  ({ service, factory } = startService());
});

/** Every user article, through exportCorpus pages of `limit` lines. */
async function exportAll(limit: number, from: BackgroundService = service): Promise<string> {
  let jsonl = '';
  for (let offset: number | null = 0; offset !== null;) {
    const page: { jsonl: string; next: number | null } = await value(from, 'exportCorpus', { offset, limit });
    jsonl += page.jsonl;
    offset = page.next;
  }
  return jsonl;
}

describe('removing', () => {
  it('by id and by outlet: no longer matched, listed or stored', async () => {
    const mine = [...USER, ...variants(4)];
    await importAll(service, mine);
    expect(matchedIds(await matchPage(service))).toContain(USER[0]!.id);
    expect(await value(service, 'removeArticles', { ids: [USER[0]!.id, 'unknown', BUILTIN[1]!.id] })).toEqual({ removed: 1 });
    expect(matchedIds(await matchPage(service))).not.toContain(USER[0]!.id);
    expect(matchedIds(await matchPage(service))).toContain(BUILTIN[1]!.id); // built-ins cannot be removed
    expect(await value(service, 'removeOutlet', { outlet: 'Outlet 1' })).toEqual({ removed: 1 });
    const listing = await value(service, 'listCorpus', {});
    expect(listing.articles.filter((a) => a.origin === 'user').map((a) => a.id).sort()).toEqual([USER[1]!.id, 'variant-0', 'variant-2', 'variant-3']);
    // Two of six removed: over a quarter of the rows were dead, so the index was rebuilt without them.
    const user = await service.holder.user();
    expect(user.ok && user.value.index.deadShare()).toBe(0);
    const restarted = startService(factory).service;
    expect(await value(restarted, 'listCorpus', {})).toEqual(listing);
    expect(restarted.diagnostics().userIndexSource).toBe('snapshot');
    expect(await value(restarted, 'clearUserCorpus', {})).toEqual({ removed: 4 });
    expect(await value(restarted, 'listCorpus', {})).toMatchObject({ userArticles: 0, builtinArticles: 3 });
  });
});

describe('the built-in corpus', () => {
  it('can be hidden from matching and shown again; it stays listed', async () => {
    await importAll(service, USER);
    const shown = await matchPage(service);
    expect(matchedIds(shown)).toEqual(expect.arrayContaining([BUILTIN[1]!.id, USER[0]!.id]));
    expect(await value(service, 'setBuiltinHidden', { hidden: true })).toBeNull();
    const hidden = await matchPage(service);
    expect(matchedIds(hidden).filter((id) => BUILTIN.some((a) => a.id === id))).toEqual([]);
    expect(matchedIds(hidden)).toContain(USER[0]!.id);
    expect(await value(service, 'listCorpus', {})).toMatchObject({ builtinHidden: true, builtinArticles: 3, userArticles: 2 });
    await value(service, 'setBuiltinHidden', { hidden: false });
    expect(await matchPage(service)).toEqual(shown);
  });

  it('search covers both corpora and says which one', async () => {
    await importAll(service, USER);
    const hits = await value(service, 'searchCorpus', { query: 'Tokayev' });
    expect(new Set(hits.map((h) => h.article.origin))).toEqual(new Set(['builtin', 'user']));
    expect(hits.every((h) => h.sentence === null || /tokayev/i.test(h.sentence))).toBe(true);
    expect(await value(service, 'searchCorpus', { query: '  ' })).toEqual([]);
  });
});

describe('keeping the corpus', () => {
  it('export -> clear -> import of the export gives the same articles and the same report', async () => {
    await importAll(service, [...USER, ...variants(6)]);
    const before = await matchPage(service);
    const listed = await value(service, 'listCorpus', {});
    const jsonl = await exportAll(4);
    expect(jsonl.trim().split('\n')).toHaveLength(8);
    expect(await value(service, 'clearUserCorpus', {})).toEqual({ removed: 8 });
    expect(matchedIds(await matchPage(service))).not.toContain(USER[0]!.id);
    const read = ingestFile('echoes-corpus.jsonl', jsonl);
    if (!read.ok) throw new Error(read.error);
    const { finish } = await importAll(service, read.articles);
    expect(finish).toMatchObject({ ok: true, value: { skipped: [] } });
    expect(await value(service, 'listCorpus', {})).toEqual(listed);
    expect(await matchPage(service)).toEqual(before);
    expect(await exportAll(100)).toBe(jsonl);
  });

  it('a restarted worker revives the stored snapshot and its journal (no rebuild) and answers the same', async () => {
    await importAll(service, variants(5)); // the first change writes a snapshot
    await importAll(service, USER); // small changes are journalled
    await value(service, 'removeArticles', { ids: ['variant-1'] });
    const before = await matchPage(service);
    const restarted = startService(factory).service;
    await restarted.ready;
    expect(restarted.diagnostics()).toMatchObject({ userIndexSource: 'snapshot', userArticles: 6, userIndexError: null });
    expect(restarted.diagnostics().userIndexReadyMs).not.toBeNull();
    expect(await matchPage(restarted)).toEqual(before);
    // Duplicate keys come back with the snapshot and its journal.
    const again = [USER[0]!, { ...variants(5)[0]!, id: 'x' }, variants(5)[1]!];
    expect((await importAll(restarted, again)).batch).toEqual({
      accepted: 1,
      skipped: [{ label: 'file.jsonl line 1', reason: `same text as "${USER[0]!.title ?? USER[0]!.id}"` }, { label: 'file.jsonl line 2', reason: 'same URL as "variant 0"' }],
    });
  });

  it('a woken worker answers a page reading only its candidates\' texts, then reads the rest before listing or changing anything', async () => {
    // 30 articles about something else (never candidates for the page) beside the user's.
    const unrelated = Array.from({ length: 30 }, (_, n) => {
      const text = `Town ${n} opened its new library on day ${n} of the spring festival. The mayor of town ${n} thanked ${n + 3} volunteers for shelving books.`;
      return { ...USER[0]!, id: `library-${n}`, url: `https://town${n}.example/library`, title: `Library ${n}`, text, blocks: [{ kind: 'body' as const, start: 0, end: text.length }] };
    });
    await importAll(service, [...unrelated, ...USER]);
    const before = await matchPage(service);
    const listing = await value(service, 'listCorpus', {});
    const calls: string[] = [];
    const wrap = (store: CorpusStore): CorpusStore => ({
      ...store,
      readSnapshotTexts: () => (calls.push('all texts'), store.readSnapshotTexts()),
      readArticleTexts: (ids) => (calls.push(`${ids.length} texts`), store.readArticleTexts(ids)),
    });
    const restarted = startService(factory, { wrap }).service;
    await restarted.ready;
    expect(await matchPage(restarted)).toEqual(before);
    expect(calls[0]).toMatch(/^\d+ texts$/);
    expect(Number.parseInt(calls[0]!, 10)).toBeLessThanOrEqual(USER.length);
    const fetched = restarted.diagnostics().textFetch;
    expect(fetched).toEqual({ articles: Number.parseInt(calls[0]!, 10), ms: expect.any(Number), lookupMs: expect.any(Number) });
    expect(fetched!.lookupMs).toBeLessThanOrEqual(fetched!.ms);
    expect(await value(restarted, 'listCorpus', {})).toEqual(listing);
    expect(calls).toContain('all texts');
    expect(await exportAll(100, restarted)).toBe(await exportAll(100));
  });

  it('a woken worker whose stored texts are missing reads every article\'s text from the articles instead', async () => {
    await importAll(service, [...variants(30), ...USER]);
    const before = await matchPage(service);
    const wrap = (store: CorpusStore): CorpusStore => ({ ...store, readSnapshotTexts: async () => null });
    const restarted = startService(factory, { wrap }).service;
    expect(await matchPage(restarted)).toEqual(before);
    expect(await exportAll(100, restarted)).toBe(await exportAll(100));
  });

  it('a stale snapshot is rebuilt from the stored articles, with the same answers', async () => {
    await importAll(service, [...USER, ...variants(3)]);
    const before = await matchPage(service);
    const db = await new Promise<IDBDatabase>((resolve) => { const r = factory.open('echoes', 1); r.onsuccess = () => resolve(r.result); });
    await new Promise((resolve) => { const tx = db.transaction('state', 'readwrite'); tx.objectStore('state').put(99, 'revision'); tx.oncomplete = resolve; });
    db.close();
    const rebuilt = startService(factory).service;
    await rebuilt.ready;
    expect(rebuilt.diagnostics()).toMatchObject({ userIndexSource: 'rebuilt', userArticles: 5 });
    expect(await matchPage(rebuilt)).toEqual(before);
    const again = startService(factory).service; // the rebuild stored a fresh snapshot
    await again.ready;
    expect(again.diagnostics().userIndexSource).toBe('snapshot');
  });
});

describe('while importing', () => {
  it('matchPage keeps answering between the chunks of a big batch', async () => {
    const { jobId } = await value(service, 'beginImport', { total: 200 });
    const order: string[] = [];
    const batch = value(service, 'importBatch', { jobId, articles: variants(200, 'big').map((article) => ({ article, label: 'big' })) })
      .then(() => order.push('batch'));
    await new Promise((r) => setTimeout(r, 5));
    const report = await matchPage(service).then((r) => (order.push('matchPage'), r));
    await batch;
    expect(order).toEqual(['matchPage', 'batch']);
    expect(matchedIds(report).some((id) => id.startsWith('big-'))).toBe(false);
    expect((await value(service, 'finishImport', { jobId })).added).toHaveLength(200);
  });

  it('adds the page of a tab through its content script', async () => {
    const page = { url: 'https://news.example/story?utm_source=feed', title: 'A story', outlet: 'News Example', published: '2024-05-01', text: USER[0]!.text, blockStarts: [0] };
    ({ service } = startService(factory, { askPage: async () => ({ ok: true, value: page }) }));
    const changes: number[] = [];
    const unwatch = corpusChangedItem.watch((at) => changes.push(at));
    const summary = await value(service, 'addPageToCorpus', { tabId: 3 }, OPTIONS);
    expect(changes, 'an open options page is told the corpus changed').toHaveLength(1);
    unwatch();
    expect(summary.added).toEqual([expect.objectContaining({ origin: 'user', outlet: 'News Example', url: page.url, published: '2024-05-01', title: 'A story' })]);
    expect((await value(service, 'addPageToCorpus', { tabId: 3 })).skipped).toEqual([{ label: 'this page', reason: 'same URL as "A story"' }]);
    ({ service } = startService(factory, { askPage: async () => ({ ok: true, value: null }) }));
    expect(await value(service, 'listCorpus', {})).toMatchObject({ userArticles: 1 });
  });
});
