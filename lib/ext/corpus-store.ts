/** The user's corpus in IndexedDB (database "echoes"): the articles, which are the truth, and
 *  a packed snapshot of their index, so a woken service worker revives the index instead of
 *  re-tokenising every article. A revision number, bumped by every change in the same
 *  transaction, tells whether the snapshot belongs to the stored articles.
 *
 *  Object stores: `articles` ({ id, seq, article }, key id, index seq = order of adding) and
 *  `state` ('revision', 'nextSeq', 'snapshot' = { revision, index }). */
import type { Article } from '../corpus/article';
import type { PackedCorpusIndex } from '../match/corpus-index';
import { isQuotaError, openDatabase, requestResult, runTransaction } from './idb';

export const CORPUS_DB_NAME = 'echoes';
const DB_VERSION = 1;
const ARTICLES = 'articles';
const STATE = 'state';
const BY_SEQ = 'seq';

interface ArticleRecord { id: string; seq: number; article: Article }
interface SnapshotRecord { revision: number; index: PackedCorpusIndex }

/** What a store holds at start. */
export interface StoredCorpus {
  revision: number;
  /** The index snapshot of this revision; null when there is none or it is stale (written
   *  for another revision), and the index must be rebuilt from readArticles(). */
  snapshot: PackedCorpusIndex | null;
  /** Articles stored (counted without reading them). */
  articles: number;
}

/** One change of the corpus: applied in one transaction, with the index snapshot of the
 *  corpus after it. `clear` empties the articles first; `remove` deletes by id; `add` appends
 *  (an existing id is overwritten). */
export interface CorpusChange {
  clear?: boolean;
  remove?: readonly string[];
  add?: readonly Article[];
  snapshot: PackedCorpusIndex;
}

/** A committed change's new revision, or why nothing was written (`quota`: storage is full). */
export type CommitResult = { ok: true; revision: number } | { ok: false; error: string; quota: boolean };

/** The store the background keeps the user corpus in (tests may wrap it to inject failures). */
export interface CorpusStore {
  load(): Promise<StoredCorpus>;
  /** Every stored article, in the order they were added. */
  readArticles(): Promise<Article[]>;
  /** Applies `change` atomically: all of it, or (on any failure) nothing. */
  commit(change: CorpusChange): Promise<CommitResult>;
  /** Replaces the snapshot of the current revision (after a rebuild or a compaction). */
  saveSnapshot(snapshot: PackedCorpusIndex): Promise<CommitResult>;
}

/** The store over IndexedDB database `name` (opened on first use). */
export function openCorpusStore(name: string = CORPUS_DB_NAME, factory?: IDBFactory): CorpusStore {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => (opened ??= openDatabase(name, DB_VERSION, upgrade, factory ?? indexedDB));
  // Revision and order counter as last read or committed (the background is the only writer).
  let counters: { revision: number; nextSeq: number } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const load = () => serial(async (): Promise<StoredCorpus> => {
    const found = await runTransaction(await db(), [ARTICLES, STATE], 'readonly', async (tx) => {
      const state = tx.objectStore(STATE);
      const [revision, nextSeq, snapshot, articles] = await Promise.all([
        requestResult(state.get('revision')), requestResult(state.get('nextSeq')),
        requestResult(state.get('snapshot')), requestResult(tx.objectStore(ARTICLES).count()),
      ]);
      return { revision: Number(revision ?? 0), nextSeq: Number(nextSeq ?? 0), snapshot: snapshot as SnapshotRecord | undefined, articles };
    });
    counters = { revision: found.revision, nextSeq: found.nextSeq };
    const current = found.snapshot?.revision === found.revision ? found.snapshot.index : null;
    return { revision: found.revision, snapshot: current, articles: found.articles };
  });

  const write = (work: (tx: IDBTransaction, next: { revision: number; nextSeq: number }) => void, bump: boolean) =>
    serial(async (): Promise<CommitResult> => {
      if (!counters) throw new Error('the corpus store was written before it was loaded');
      const next = { revision: counters.revision + (bump ? 1 : 0), nextSeq: counters.nextSeq };
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
    readArticles: () => serial(async () => {
      const records = await runTransaction(await db(), [ARTICLES], 'readonly', (tx) =>
        requestResult(tx.objectStore(ARTICLES).index(BY_SEQ).getAll() as IDBRequest<ArticleRecord[]>));
      return records.map((r) => r.article);
    }),
    commit: (change) => write((tx, next) => {
      const articles = tx.objectStore(ARTICLES);
      if (change.clear) articles.clear();
      for (const id of change.remove ?? []) articles.delete(id);
      for (const article of change.add ?? []) articles.put({ id: article.id, seq: next.nextSeq++, article } satisfies ArticleRecord);
      writeState(tx, next, change.snapshot);
    }, true),
    saveSnapshot: (snapshot) => write((tx, next) => writeState(tx, next, snapshot), false),
  };
}

function writeState(tx: IDBTransaction, next: { revision: number; nextSeq: number }, index: PackedCorpusIndex): void {
  const state = tx.objectStore(STATE);
  state.put(next.revision, 'revision');
  state.put(next.nextSeq, 'nextSeq');
  state.put({ revision: next.revision, index } satisfies SnapshotRecord, 'snapshot');
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
