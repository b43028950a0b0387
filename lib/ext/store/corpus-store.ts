/** The user's corpus in IndexedDB (database "echoes"): the articles, which are the truth, and
 *  a packed snapshot of their index, so a woken service worker revives the index instead of
 *  re-tokenising every article. Rewriting a snapshot of 10,000 articles (~100 MB) for every
 *  small change would make removing one article take seconds, so a change may instead be
 *  journalled: the snapshot stays, the ids removed since are listed, and the articles added
 *  since are the records past the snapshot's `seqEnd`; a revive replays both (cheap while the
 *  journal is short: the caller writes a fresh snapshot before it grows long). A revision,
 *  bumped by every change in its transaction and recorded with the journal, tells whether the
 *  snapshot and journal still describe the stored articles.
 *
 *  Object stores: `articles` ({ id, seq, article }, key id, index seq = order of adding) and
 *  `state` ('revision', 'nextSeq', 'snapshot' = { revision, seqEnd, index },
 *  'journal' = { snapshotRevision, revision, removed }, 'articleCount' = { revision, count },
 *  'snapshotTexts' = { revision, bytes, blob }: the snapshot's texts, kept apart). The snapshot's
 *  typed arrays, long strings and texts are stored as Blobs (see snapshot-blobs.ts: read back in less than half
 *  the time); records of earlier versions, with the arrays in the record and the texts in parts
 *  'snapshotTexts/0'.., are still read. */
import type { Article } from '../../corpus/article';
import type { PackedCorpusIndex } from '../../match/index/corpus-index';
import { isQuotaError, openDatabase, requestResult, runTransaction } from './idb';
import { bytesOfBlob } from './snapshot-blobs';
import { readySnapshot, snapshotOfRecord, type ReadySnapshot, type SnapshotValue } from './stored-snapshot';

export const CORPUS_DB_NAME = 'echoes';
const DB_VERSION = 1;
const ARTICLES = 'articles';
const STATE = 'state';
const BY_SEQ = 'seq';

interface ArticleRecord { id: string; seq: number; article: Article }
/** An index snapshot and the duplicate keys of its articles (DuplicateKeys.pack()). */
export interface CorpusSnapshot { index: PackedCorpusIndex; keys: string }
/** 'snapshot': the snapshot as stored-snapshot.ts keeps it. */
interface SnapshotRecord extends SnapshotValue { revision: number; seqEnd: number }
/** 'snapshotTexts': the texts of the snapshot of `revision`, kept apart from it so a woken
 *  worker reads the index part first (about 40% of the bytes) and answers before the rest.
 *  `blob` holds them; records written before have `parts` records instead. */
interface TextsRecord { revision: number; bytes: number; blob?: Blob; parts?: number }
const TEXTS_PREFIX = 'snapshotTexts/';
const TEXTS_PART = (i: number) => `${TEXTS_PREFIX}${i}`;
interface JournalRecord { snapshotRevision: number; revision: number; removed: string[] }

/** What a store holds at start. */
export interface StoredCorpus {
  revision: number;
  /** The index snapshot, to be revived then brought up to date with `removed` and `added`;
   *  null when there is none or it is stale (the journal belongs to another revision), and the
   *  index must be rebuilt from readArticles(). */
  snapshot: CorpusSnapshot | null;
  /** Ids removed since the snapshot (some may not be in it). */
  removed: string[];
  /** Articles added since the snapshot, in order. */
  added: Article[];
  /** Articles stored (counted without reading them). */
  articles: number;
}

/** One change of the corpus, applied in one transaction. `clear` empties the articles first;
 *  `remove` deletes by id; `add` appends (an existing id is overwritten). `snapshot`: the
 *  index of the corpus after the change, or null to journal the change instead. */
export interface CorpusChange {
  clear?: boolean;
  remove?: readonly string[];
  add?: readonly Article[];
  snapshot: CorpusSnapshot | null;
}

/** A committed change's new revision, or why nothing was written (`quota`: storage is full). */
export type CommitResult = { ok: true; revision: number } | { ok: false; error: string; quota: boolean };

/** The store the background keeps the user corpus in (tests may wrap it to inject failures). */
export interface CorpusStore {
  load(): Promise<StoredCorpus>;
  /** The texts of the snapshot load() answered when they are kept apart from it (its
   *  index.texts is then empty); null when they are missing or belong to another snapshot. */
  readSnapshotTexts(): Promise<Uint8Array | null>;
  /** The texts of the stored articles with these ids (ids not stored are left out). */
  readArticleTexts(ids: readonly string[]): Promise<Map<string, string>>;
  /** Every stored article, in the order they were added. */
  readArticles(): Promise<Article[]>;
  /** Applies `change` atomically: all of it, or (on any failure) nothing. */
  commit(change: CorpusChange): Promise<CommitResult>;
  /** Replaces the snapshot (and empties the journal) with one of the current articles, after a
   *  rebuild or a compaction: not a change of the articles. */
  saveSnapshot(snapshot: CorpusSnapshot): Promise<CommitResult>;
}

/** The store over IndexedDB database `name` (opened on first use). */
export function openCorpusStore(name: string = CORPUS_DB_NAME, factory?: IDBFactory): CorpusStore {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => (opened ??= openDatabase(name, DB_VERSION, upgrade, factory ?? indexedDB));
  // Revision, order counter and journal as last read or committed (the background is the only writer).
  let counters: Counters | null = null;
  let loadedSnapshot: number | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const load = () => serial(async (): Promise<StoredCorpus> => {
    const found = await runTransaction(await db(), [ARTICLES, STATE], 'readonly', async (tx) => {
      const state = tx.objectStore(STATE);
      const [revision, nextSeq, snapshot, journal, counted] = await Promise.all([
        requestResult(state.get('revision')), requestResult(state.get('nextSeq')), requestResult(state.get('snapshot')),
        requestResult(state.get('journal')), requestResult(state.get('articleCount')),
      ]);
      // The count kept by the last commit; counting the store itself walks every article record
      // (~55 ms at 10,000 articles, on the cold start's critical path).
      const kept = counted as CountRecord | undefined;
      const articles = kept && kept.revision === Number(revision ?? 0) ? kept.count : await requestResult(tx.objectStore(ARTICLES).count());
      const snap = snapshot as SnapshotRecord | undefined;
      const log = journal as JournalRecord | undefined;
      const current = snap && log && log.snapshotRevision === snap.revision && log.revision === Number(revision ?? 0) && Array.isArray(log.removed);
      const added = current ? await requestResult(tx.objectStore(ARTICLES).index(BY_SEQ).getAll(IDBKeyRange.lowerBound(snap.seqEnd)) as IDBRequest<ArticleRecord[]>) : [];
      return { revision: Number(revision ?? 0), nextSeq: Number(nextSeq ?? 0), snapshot: current ? snap : null, journal: current ? log : null, added, articles };
    });
    counters = {
      revision: found.revision, nextSeq: found.nextSeq,
      journal: found.journal ?? { snapshotRevision: -1, revision: found.revision, removed: [] },
    };
    // A record whose Blobs do not fit is treated as no snapshot: the index is rebuilt.
    const snapshot = found.snapshot ? await snapshotOfRecord(found.snapshot) : null;
    loadedSnapshot = snapshot ? (found.snapshot?.revision ?? null) : null;
    const removed = found.journal?.removed ?? [];
    return { revision: found.revision, snapshot, removed, added: found.added.map((r) => r.article), articles: found.articles };
  });

  const write = (work: (tx: IDBTransaction, next: Counters) => void | Promise<void>, bump: boolean) =>
    serial(async (): Promise<CommitResult> => {
      if (!counters) throw new Error('the corpus store was written before it was loaded');
      const next = { ...counters, revision: counters.revision + (bump ? 1 : 0) };
      try {
        await runTransaction(await db(), [ARTICLES, STATE], 'readwrite', (tx) => work(tx, next));
      } catch (error) {
        return { ok: false, error: errorText(error), quota: isQuotaError(error) };
      }
      counters = next;
      return { ok: true, revision: next.revision };
    });

  return {
    load,
    readSnapshotTexts: async () => {
      const wanted = loadedSnapshot;
      const parts = await runTransaction(await db(), [STATE], 'readonly', async (tx) => {
        const state = tx.objectStore(STATE);
        const record = await requestResult(state.get('snapshotTexts')) as TextsRecord | undefined;
        if (!record || record.revision !== wanted) return null;
        if (record.blob !== undefined) return { blob: record.blob, bytes: record.bytes };
        if (!Number.isInteger(record.parts)) return null;
        return Promise.all(Array.from({ length: record.parts ?? 0 }, (_, i) => requestResult(state.get(TEXTS_PART(i))) as Promise<unknown>))
          .then((found) => ({ found, bytes: record.bytes }));
      });
      if (parts && 'blob' in parts) {
        const bytes = await bytesOfBlob(parts.blob);
        return bytes && bytes.length === parts.bytes ? bytes : null;
      }
      if (!parts || !parts.found.every((p): p is Uint8Array => p instanceof Uint8Array)) return null;
      const texts = new Uint8Array(parts.bytes);
      let at = 0;
      for (const part of parts.found) {
        if (at + part.length > texts.length) return null;
        texts.set(part, at);
        at += part.length;
      }
      return at === texts.length ? texts : null;
    },
    readArticleTexts: async (ids) => {
      const records = await runTransaction(await db(), [ARTICLES], 'readonly', (tx) => {
        const articles = tx.objectStore(ARTICLES);
        return Promise.all(ids.map((id) => requestResult(articles.get(id)) as Promise<ArticleRecord | undefined>));
      });
      return new Map(records.flatMap((r) => (r ? [[r.article.id, r.article.text] as [string, string]] : [])));
    },
    readArticles: () => serial(async () => {
      const records = await runTransaction(await db(), [ARTICLES], 'readonly', (tx) =>
        requestResult(tx.objectStore(ARTICLES).index(BY_SEQ).getAll() as IDBRequest<ArticleRecord[]>));
      return records.map((r) => r.article);
    }),
    commit: async (change) => {
      const ready = change.snapshot ? await readySnapshot(change.snapshot) : null;
      return write(async (tx, next) => {
      const articles = tx.objectStore(ARTICLES);
      if (change.clear) articles.clear();
      for (const id of change.remove ?? []) articles.delete(id);
      // Each put serialises its article at once: issue them a slice at a time, the next slice
      // from the previous one's success event, so messages are answered in between.
      const added = change.add ?? [];
      for (let i = 0; i < added.length; i += PUTS_PER_STEP) {
        let last: IDBRequest | null = null;
        for (const article of added.slice(i, i + PUTS_PER_STEP)) last = articles.put({ id: article.id, seq: next.nextSeq++, article } satisfies ArticleRecord);
        if (last && i + PUTS_PER_STEP < added.length) await requestResult(last);
      }
      const removed = change.snapshot || change.clear ? [] : [...next.journal.removed, ...(change.remove ?? [])];
      await writeState(tx, next, ready, removed);
      // Not awaited: if an earlier request fails, its error (not this one's abort) must be the answer.
      const counting = articles.count();
      counting.onsuccess = () => tx.objectStore(STATE).put({ revision: next.revision, count: counting.result } satisfies CountRecord, 'articleCount');
      }, true);
    },
    saveSnapshot: async (snapshot) => {
      const ready = await readySnapshot(snapshot);
      return write((tx, next) => writeState(tx, next, ready, []), false);
    },
  };
}

interface Counters { revision: number; nextSeq: number; journal: JournalRecord }

/** 'articleCount': how many articles the store held after the commit of `revision`. */
interface CountRecord { revision: number; count: number }

/** Article puts issued per event-loop turn while committing (~100 news articles, ~1 MB). */
const PUTS_PER_STEP = 100;

/** Writes the counters and the journal, and the snapshot when there is one (`next` is updated). */
async function writeState(tx: IDBTransaction, next: Counters, snapshot: ReadySnapshot | null, removed: string[]): Promise<void> {
  const state = tx.objectStore(STATE);
  state.put(next.revision, 'revision');
  state.put(next.nextSeq, 'nextSeq');
  if (snapshot) {
    const { head, columns, strings, texts, textBytes } = snapshot;
    // Awaited: when an earlier request of the change failed, its error is the answer, not a later one's.
    await requestResult(state.put({ revision: next.revision, seqEnd: next.nextSeq, index: head, keys: '', columns, strings } satisfies SnapshotRecord, 'snapshot'));
    state.delete(IDBKeyRange.bound(TEXTS_PREFIX, `${TEXTS_PREFIX}\uffff`)); // the parts of a snapshot of an earlier version
    state.put({ revision: next.revision, bytes: textBytes, blob: texts } satisfies TextsRecord, 'snapshotTexts');
  }
  next.journal = { snapshotRevision: snapshot ? next.revision : next.journal.snapshotRevision, revision: next.revision, removed };
  state.put(next.journal, 'journal');
}

function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore(ARTICLES, { keyPath: 'id' }).createIndex(BY_SEQ, 'seq');
    db.createObjectStore(STATE);
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}
