import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import { openCorpusStore } from '../../../lib/ext/store/corpus-store';
import { createCorpusIndex, loadPackedCorpusIndex } from '../../../lib/match/index/corpus-index';
import { textsFit, withoutTexts } from '../../../lib/match/snapshot/packed-index';
import { seedArticles } from '../../unit/match/seed-corpus';

const seeds = seedArticles();
const snapshotOf = (articles: Article[]) => ({ index: createCorpusIndex(articles).pack(), keys: '[]' });

afterEach(() => vi.restoreAllMocks());

describe('corpus store (IndexedDB)', () => {
  it('keeps large snapshot texts in a Blob and reads them back whole; a smaller snapshot after replaces them', async () => {
    const factory = new IDBFactory();
    const store = openCorpusStore('echoes', factory);
    await store.load();
    const big = new Uint8Array(20 << 20).map((_, i) => (i * 31 + (i >> 20)) & 255);
    const withTexts = (texts: Uint8Array) => ({ index: { ...createCorpusIndex(seeds.slice(0, 1)).pack(), texts }, keys: '[]' });
    expect(await store.commit({ add: [seeds[0]!], snapshot: withTexts(big) })).toMatchObject({ ok: true });
    const reader = openCorpusStore('echoes', factory);
    await reader.load();
    const read = await reader.readSnapshotTexts();
    expect(read !== null && read.length === big.length && Buffer.compare(read, big) === 0).toBe(true);
    const small = big.slice(0, 1000);
    expect(await store.commit({ add: [seeds[1]!], snapshot: withTexts(small) })).toMatchObject({ ok: true });
    const again = openCorpusStore('echoes', factory);
    await again.load();
    expect(await again.readSnapshotTexts()).toEqual(small);
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const open = factory.open('echoes');
      open.onsuccess = () => {
        const request = open.result.transaction('state').objectStore('state').getAllKeys();
        request.onsuccess = () => (resolve(request.result), open.result.close());
      };
    });
    expect(keys.filter((k) => String(k).startsWith('snapshotTexts'))).toEqual(['snapshotTexts']);
  });

  it('reads a snapshot stored before its arrays and texts were Blobs (arrays in the record, texts in parts), and replaces its parts when it next saves', async () => {
    const factory = new IDBFactory();
    const packed = createCorpusIndex(seeds).pack();
    const texts = packed.texts;
    const half = Math.ceil(texts.length / 2);
    await writeState(factory, [
      [1, 'revision'], [seeds.length, 'nextSeq'], [{ revision: 1, count: seeds.length }, 'articleCount'],
      [{ revision: 1, seqEnd: seeds.length, index: withoutTexts(packed), keys: '[]' }, 'snapshot'],
      [{ snapshotRevision: 1, revision: 1, removed: [] }, 'journal'],
      [{ revision: 1, parts: 2, bytes: texts.length }, 'snapshotTexts'], [texts.slice(0, half), 'snapshotTexts/0'], [texts.slice(half), 'snapshotTexts/1'],
    ], seeds);
    const store = openCorpusStore('echoes', factory);
    const loaded = await store.load();
    expect(loaded).toMatchObject({ revision: 1, articles: seeds.length });
    expect(loaded.snapshot!.index.postings).toEqual(packed.postings);
    expect(loaded.snapshot!.index.sentences).toEqual(packed.sentences);
    expect(await store.readSnapshotTexts()).toEqual(texts);
    expect(await store.saveSnapshot(snapshotOf(seeds))).toMatchObject({ ok: true });
    const keys = await stateKeys(factory);
    expect(keys.filter((k) => String(k).startsWith('snapshotTexts'))).toEqual(['snapshotTexts']);
    const again = openCorpusStore('echoes', factory);
    expect((await again.load()).snapshot!.index.postings).toEqual(packed.postings);
    expect(await again.readSnapshotTexts()).toEqual(texts);
  });

  it('a snapshot whose Blobs do not fit their places is no snapshot (the index is rebuilt), not an index read out of bounds', async () => {
    const factory = new IDBFactory();
    const store = openCorpusStore('echoes', factory);
    await store.load();
    await store.commit({ add: seeds, snapshot: snapshotOf(seeds) });
    const record = await stateValue(factory, 'snapshot') as { columns: Array<{ blob: Blob }>; strings: { blob: Blob } };
    expect((await openCorpusStore('echoes', factory).load()).snapshot).not.toBeNull();
    await writeState(factory, [[{ ...record, columns: [record.columns[0], { ...record.columns[1], blob: record.columns[1]!.blob.slice(0, 64) }] }, 'snapshot']]);
    expect(await openCorpusStore('echoes', factory).load()).toMatchObject({ revision: 1, snapshot: null, articles: seeds.length });
    await writeState(factory, [[{ ...record, strings: { ...record.strings, blob: record.strings.blob.slice(1) } }, 'snapshot']]);
    expect(await openCorpusStore('echoes', factory).load()).toMatchObject({ revision: 1, snapshot: null, articles: seeds.length });
    await writeState(factory, [[{ ...record, strings: undefined }, 'snapshot']]);
    expect(await openCorpusStore('echoes', factory).load()).toMatchObject({ revision: 1, snapshot: null, articles: seeds.length });
  });

  it('starts empty', async () => {
    const store = openCorpusStore('echoes', new IDBFactory());
    expect(await store.load()).toEqual({ revision: 0, snapshot: null, removed: [], added: [], articles: 0 });
    expect(await store.readArticles()).toEqual([]);
  });

  it('commits articles and their snapshot in one revision; a new connection reads them back in order', async () => {
    const factory = new IDBFactory();
    const store = openCorpusStore('echoes', factory);
    await store.load();
    expect(await store.commit({ add: seeds.slice(0, 3), snapshot: snapshotOf(seeds.slice(0, 3)) })).toEqual({ ok: true, revision: 1 });
    expect(await store.commit({ add: [seeds[4]!, seeds[3]!], snapshot: snapshotOf(seeds) })).toEqual({ ok: true, revision: 2 });
    const again = openCorpusStore('echoes', factory);
    const loaded = await again.load();
    expect(loaded).toMatchObject({ revision: 2, articles: 5 });
    expect(loaded.snapshot!.index.texts, 'the texts are kept apart').toHaveLength(0);
    expect(loaded.snapshot!.keys).toBe('[]');
    expect(JSON.parse(loaded.snapshot!.index.meta)).toHaveLength(5);
    const texts = await again.readSnapshotTexts();
    expect(texts && textsFit(loaded.snapshot!.index, texts)).toBe(true);
    const late = { bytes: null as Uint8Array | null, byId: new Map<string, string>(), expectedBytes: texts!.length };
    const index = loadPackedCorpusIndex(loaded.snapshot!.index, late);
    if ('error' in index) throw new Error(index.error);
    expect(() => index.getArticle(seeds[1]!.id)!.text).toThrow(/read before it was loaded/);
    late.byId = await again.readArticleTexts([seeds[1]!.id, 'unknown']);
    expect([...late.byId.keys()]).toEqual([seeds[1]!.id]);
    expect(index.getArticle(seeds[1]!.id)).toEqual(seeds[1]);
    late.bytes = texts;
    expect(index.articleIds().map((id) => index.getArticle(id))).toEqual(seeds);
    expect('error' in index ? index.error : index.articleIds()).toEqual(seeds.map((a) => a.id));
    expect((await again.readArticles()).map((a) => a.id)).toEqual([...seeds.slice(0, 3), seeds[4]!, seeds[3]!].map((a) => a.id));
    expect(await again.readArticles()).toContainEqual(seeds[2]);
  });

  it('removes and clears', async () => {
    const store = openCorpusStore('echoes', new IDBFactory());
    await store.load();
    await store.commit({ add: seeds, snapshot: snapshotOf(seeds) });
    await store.commit({ remove: [seeds[1]!.id, 'unknown'], snapshot: snapshotOf(seeds) });
    expect((await store.readArticles()).map((a) => a.id)).toEqual(seeds.filter((a) => a !== seeds[1]).map((a) => a.id));
    expect(await store.commit({ clear: true, snapshot: snapshotOf([]) })).toEqual({ ok: true, revision: 3 });
    expect(await store.load()).toMatchObject({ revision: 3, articles: 0 });
  });

  it('keeps the article count with each commit, so loading does not walk every record to count them', async () => {
    const factory = new IDBFactory();
    const store = openCorpusStore('echoes', factory);
    await store.load();
    await store.commit({ add: seeds, snapshot: snapshotOf(seeds) });
    await store.commit({ remove: [seeds[0]!.id, 'unknown'], add: [seeds[0]!, seeds[1]!], snapshot: null }); // a re-put is not a new article
    await store.saveSnapshot(snapshotOf(seeds));
    const count = vi.spyOn(IDBObjectStore.prototype, 'count');
    expect(await openCorpusStore('echoes', factory).load()).toMatchObject({ revision: 2, articles: 5 });
    expect(count).not.toHaveBeenCalled();
  });

  it('counts the records when the kept count belongs to another revision (a store written before counts were kept)', async () => {
    const factory = new IDBFactory();
    const store = openCorpusStore('echoes', factory);
    await store.load();
    await store.commit({ add: seeds.slice(0, 2), snapshot: snapshotOf(seeds.slice(0, 2)) });
    const db = await new Promise<IDBDatabase>((ok) => { const r = factory.open('echoes'); r.onsuccess = () => ok(r.result); });
    await new Promise((ok) => { const tx = db.transaction('state', 'readwrite'); tx.objectStore('state').put({ revision: 0, count: 99 }, 'articleCount'); tx.oncomplete = ok; });
    db.close();
    const count = vi.spyOn(IDBObjectStore.prototype, 'count');
    expect(await openCorpusStore('echoes', factory).load()).toMatchObject({ revision: 1, articles: 2 });
    expect(count).toHaveBeenCalled();
  });

  it('journals changes without a snapshot; the next snapshot empties the journal', async () => {
    const factory = new IDBFactory();
    const store = openCorpusStore('echoes', factory);
    await store.load();
    await store.commit({ add: seeds.slice(0, 3), snapshot: snapshotOf(seeds.slice(0, 3)) });
    await store.commit({ add: [seeds[3]!], snapshot: null });
    await store.commit({ remove: [seeds[0]!.id, seeds[3]!.id], snapshot: null });
    await store.commit({ add: [seeds[4]!, seeds[3]!], snapshot: null });
    const loaded = await openCorpusStore('echoes', factory).load();
    expect(loaded).toMatchObject({ revision: 4, removed: [seeds[0]!.id, seeds[3]!.id], added: [seeds[4], seeds[3]], articles: 4 });
    const index = loadPackedCorpusIndex(loaded.snapshot!.index, { bytes: null, byId: new Map(), expectedBytes: 0 });
    expect('error' in index ? index.error : index.articleIds()).toEqual(seeds.slice(0, 3).map((a) => a.id));
    await store.saveSnapshot(snapshotOf(seeds.slice(1)));
    expect(await openCorpusStore('echoes', factory).load()).toMatchObject({ revision: 4, removed: [], added: [], articles: 4 });
  });

  it('a snapshot written for another revision is stale: load answers none', async () => {
    const factory = new IDBFactory();
    const store = openCorpusStore('echoes', factory);
    await store.load();
    await store.commit({ add: seeds, snapshot: snapshotOf(seeds) });
    // As if the revision moved on without a snapshot (an older version of the extension).
    const db = await new Promise<IDBDatabase>((resolve) => { const r = factory.open('echoes', 1); r.onsuccess = () => resolve(r.result); });
    await new Promise((resolve) => { const tx = db.transaction('state', 'readwrite'); tx.objectStore('state').put(7, 'revision'); tx.oncomplete = resolve; });
    expect(await openCorpusStore('echoes', factory).load()).toEqual({ revision: 7, snapshot: null, removed: [], added: [], articles: 5 });
  });

  it('a full disk aborts the whole change: nothing written, the error says quota', async () => {
    const store = openCorpusStore('echoes', new IDBFactory());
    await store.load();
    await store.commit({ add: seeds.slice(0, 2), snapshot: snapshotOf(seeds.slice(0, 2)) });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (key === 'snapshot') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    const failed = await store.commit({ add: seeds.slice(2), remove: [seeds[0]!.id], snapshot: snapshotOf(seeds) });
    expect(failed).toEqual({ ok: false, quota: true, error: 'QuotaExceededError: The quota has been exceeded.' });
    vi.restoreAllMocks();
    expect(await store.load()).toMatchObject({ revision: 1, articles: 2 });
    expect((await store.readArticles()).map((a) => a.id)).toEqual(seeds.slice(0, 2).map((a) => a.id));
    expect(await store.commit({ add: seeds.slice(2), snapshot: snapshotOf(seeds) })).toEqual({ ok: true, revision: 2 });
  });

  it('a request failing later (the transaction aborts) undoes the writes before it', async () => {
    const store = openCorpusStore('echoes', new IDBFactory());
    await store.load();
    await store.commit({ add: [seeds[0]!], snapshot: snapshotOf([seeds[0]!]) });
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore) {
      // ConstraintError: the key exists
      return this.add({ id: seeds[0]!.id, seq: 0, article: seeds[0] }) as unknown as IDBRequest<undefined>;
    });
    const failed = await store.commit({ add: seeds.slice(1), remove: ['x'], snapshot: snapshotOf(seeds) });
    vi.restoreAllMocks();
    expect(failed).toMatchObject({ ok: false, quota: false, error: expect.stringMatching(/^ConstraintError/) });
    expect(await store.load()).toMatchObject({ revision: 1, articles: 1 });
  });
});

function openRaw(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open('echoes', 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('articles', { keyPath: 'id' }).createIndex('seq', 'seq');
      open.result.createObjectStore('state');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/** Puts [value, key] pairs into 'state' (and `articles` as records in order), as a given version of the store left them. */
async function writeState(factory: IDBFactory, entries: Array<[unknown, string]>, articles: Article[] = []): Promise<void> {
  const db = await openRaw(factory);
  await new Promise((resolve, reject) => {
    const tx = db.transaction(['state', 'articles'], 'readwrite');
    for (const [value, key] of entries) tx.objectStore('state').put(value, key);
    articles.forEach((article, seq) => tx.objectStore('articles').put({ id: article.id, seq, article }));
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function stateValue(factory: IDBFactory, key: string): Promise<unknown> {
  const db = await openRaw(factory);
  const value = await new Promise((resolve) => {
    const request = db.transaction('state').objectStore('state').get(key);
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return value;
}

async function stateKeys(factory: IDBFactory): Promise<IDBValidKey[]> {
  const db = await openRaw(factory);
  const keys = await new Promise<IDBValidKey[]>((resolve) => {
    const request = db.transaction('state').objectStore('state').getAllKeys();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return keys;
}
