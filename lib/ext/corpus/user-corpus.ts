/** The user's corpus in the background: its index, the articles of unfinished imports (indexed
 *  but hidden) and every change, written to the CorpusStore first. A change is made visible in
 *  memory only once its transaction has committed; when the store refuses it, memory is put
 *  back as it was (see each method). Changes run one at a time (`exclusive`). */
import type { Article } from '../../corpus/article';
import { createCorpusIndex, type CorpusIndex } from '../../match/index/corpus-index';
import type { MatchOptions } from '../../match/types';
import { buildIndexInChunks, forEachInChunks, nextMacrotask, type ChunkOptions } from './chunked-build';
import { EMPTY_JOURNAL, reviveCommitted, snapshotInSteps, snapshotOf, type Committed, type JournalSize } from './committed-corpus';
import type { CorpusStore } from '../store/corpus-store';
import { DuplicateKeys } from './duplicate-keys';
import { StoredTexts, type TextFetch } from '../store/stored-texts';

/** Share of dead sentence rows (removed, or of cancelled imports) above which the index is
 *  rebuilt from its articles: dead rows are never matched, but they take memory and snapshot
 *  space, and buckets they pushed over the posting cap stay stop-listed until a rebuild. */
export const COMPACT_DEAD_SHARE = 0.25;
/** Changes are journalled (see CorpusStore) while a revive can replay them in a few tens of
 *  milliseconds: up to this many added articles (indexed again, ~1 ms each) ... */
export const JOURNAL_MAX_ADDED = 25;
/** ... and this many removed ids; past either, the change writes a fresh snapshot. */
export const JOURNAL_MAX_REMOVED = 5_000;

/** How the index was obtained at start. */
export type UserIndexSource = 'snapshot' | 'rebuilt' | 'empty';

/** A change that failed: the store's words, and whether storage is full. */
export interface ChangeFailure { ok: false; error: string; quota: boolean }

/** Options: the store, and how chunked work pauses (tests pass a counting pause). */
export interface UserCorpusOptions extends ChunkOptions {
  store: CorpusStore;
  log?: (line: string) => void;
}

export class UserCorpus {
  private current: CorpusIndex;
  /** Hidden articles of unfinished imports, by id. */
  private readonly pending = new Map<string, Article>();
  /** Duplicate keys of the committed articles; null until first needed (then unpacked from the
   *  stored ones via `storedKeys`, or hashed). */
  private keys: DuplicateKeys | null = null;
  private storedKeys: (() => DuplicateKeys | null) | null;
  private queue: Promise<unknown> = Promise.resolve();
  private changes = 0;
  /** Size of the store's journal: what a revive replays. */
  private journal: JournalSize;
  /** Texts the revived index still reads from the store. */
  private texts: StoredTexts;

  private constructor(committed: Committed, private readonly opts: UserCorpusOptions) {
    this.current = committed.index;
    this.storedKeys = committed.keys;
    this.journal = committed.journal;
    this.texts = new StoredTexts(committed.late ?? null, opts.store);
  }

  /** Whether some article texts are still only in the store (a just-woken worker). */
  get textsPending(): boolean {
    return this.texts.pending;
  }

  /** Resolves once every article's text is in memory. Listing, search, export and changes wait
   *  for this; matching a page needs only fetchTextsFor. */
  whenTextsLoaded(): Promise<void> {
    return this.texts.loadAll(this.current);
  }

  /** Fetches from the store the texts matching these sentences would read (their candidate
   *  articles), so a woken worker answers a page without reading every text first. Answers how
   *  many texts it read and how long finding the candidates took. */
  fetchTextsFor(sentences: readonly string[], opts: MatchOptions): Promise<TextFetch> {
    return this.texts.fetchFor(this.current, sentences, opts, (id) => this.current.getArticle(id) !== undefined && !this.pending.has(id));
  }

  /** Loads the corpus: revives the stored snapshot when it belongs to the stored articles,
   *  else rebuilds the index from them (in chunks) and stores a fresh snapshot. */
  static async load(opts: UserCorpusOptions): Promise<{ corpus: UserCorpus; source: UserIndexSource; readMs?: number; reviveMs?: number }> {
    const timings: { readMs?: number; reviveMs?: number } = {};
    const revived = await reviveCommitted(opts.store, timings);
    if (revived) return { corpus: new UserCorpus(revived, opts), source: revived.index.articleIds().length === 0 ? 'empty' : 'snapshot', ...timings };
    const index = await buildIndexInChunks(await opts.store.readArticles(), undefined, opts);
    const corpus = new UserCorpus({ index, keys: () => null, journal: EMPTY_JOURNAL }, opts);
    await corpus.saveSnapshot();
    return { corpus, source: 'rebuilt' };
  }

  /** The index of the visible (committed) articles, with pending ones hidden in it. */
  get index(): CorpusIndex {
    return this.current;
  }

  /** How many articles are committed. */
  get size(): number {
    return this.current.articleIds().length;
  }

  /** Changes whenever the committed articles do (caches of listings follow it). */
  get version(): number {
    return this.changes;
  }

  /** The committed articles, in the order they were added. */
  articles(): Article[] {
    return this.current.articleIds().flatMap((id) => this.current.getArticle(id) ?? []);
  }

  /** True when `id` is taken by a committed or a pending article. */
  hasId(id: string): boolean {
    return this.pending.has(id) || this.current.getArticle(id) !== undefined;
  }

  /** Runs `task` when every change before it has finished; changes never interleave. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Duplicate keys of the committed articles: the stored ones, else hashed in chunks (once). */
  async duplicateKeys(): Promise<DuplicateKeys> {
    if (this.keys) return this.keys;
    const stored = this.storedKeys?.() ?? null;
    this.storedKeys = null;
    if (stored) return (this.keys = stored);
    const keys = new DuplicateKeys();
    await forEachInChunks(this.articles(), (article) => keys.add(article), this.opts);
    return (this.keys ??= keys);
  }

  /** Makes sure about `chars` more characters of text can be indexed without the shingle
   *  table growing in one long step (rebuilds it larger, in chunks, when needed). */
  async reserve(chars: number): Promise<void> {
    if (!this.current.roomFor(chars)) await this.rebuild(chars, false);
  }

  /** Indexes articles hidden (in chunks); they are matched and listed once committed. */
  async addPending(articles: readonly Article[]): Promise<void> {
    await forEachInChunks(articles, (article) => {
      this.pending.set(article.id, article);
      this.current.addArticle(article, { hidden: true });
    }, this.opts);
  }

  /** Drops pending articles (a cancelled or failed import) and puts the index back exactly as
   *  committed: revived from the stored snapshot (which never saw them), other imports'
   *  pending articles added to it again. Should that fail, their rows are left dead instead
   *  (never matched; compacted away past COMPACT_DEAD_SHARE). */
  async abandon(ids: readonly string[]): Promise<void> {
    const dropped = ids.filter((id) => this.pending.delete(id));
    if (dropped.length === 0) return;
    for (const id of dropped) this.current.removeArticle(id);
    const restored = await reviveCommitted(this.opts.store).catch(() => null);
    if (restored) {
      await forEachInChunks([...this.pending.values()], (a) => restored.index.addArticle(a, { hidden: true }), this.opts);
      this.current = restored.index;
      this.journal = restored.journal;
      // The revived index reads its texts from the store like a woken worker's: read them now.
      this.texts = new StoredTexts(restored.late ?? null, this.opts.store);
      await this.whenTextsLoaded();
    } else {
      await this.compactIfNeeded();
    }
  }

  /** Commits pending articles in one transaction (journalled, or with the snapshot of the index
   *  that shows them); they become visible only after it committed. On failure they are
   *  dropped. `keys`: their duplicate keys, when already hashed. */
  async commitPending(ids: readonly string[], keys?: DuplicateKeys): Promise<{ ok: true; articles: Article[] } | ChangeFailure> {
    const articles = ids.flatMap((id) => this.pending.get(id) ?? []);
    const shown = (hidden: boolean) => articles.forEach((a) => this.current.setHidden(a.id, hidden));
    const journalled = this.journal.added + articles.length <= JOURNAL_MAX_ADDED;
    const committedKeys = await this.duplicateKeys();
    // Packed a piece at a time, pages answered in between; the articles stay hidden until stored.
    const snapshot = journalled ? null : await snapshotInSteps(this.current, committedKeys, articles, keys, this.opts.pause ?? nextMacrotask);
    const result = await this.opts.store.commit({ add: articles, snapshot });
    if (!result.ok) {
      await this.abandon(ids);
      return result;
    }
    this.journal = journalled ? { ...this.journal, added: this.journal.added + articles.length } : { added: 0, removed: 0 };
    shown(false);
    this.changes++;
    for (const a of articles) this.pending.delete(a.id), committedKeys.add(a, keys?.get(a.id));
    return { ok: true, articles };
  }

  /** Removes committed articles (unknown and pending ids are ignored). They are hidden while
   *  the store deletes them, shown again if it fails. */
  async remove(ids: readonly string[]): Promise<{ ok: true; removed: number } | ChangeFailure> {
    const gone = [...new Set(ids)].filter((id) => !this.pending.has(id) && this.current.getArticle(id));
    if (gone.length === 0) return { ok: true, removed: 0 };
    const journalled = this.journal.removed + gone.length <= JOURNAL_MAX_REMOVED;
    const keys = await this.duplicateKeys();
    for (const id of gone) this.current.setHidden(id, true);
    const snapshot = journalled ? null : snapshotOf(this.current, keys, [], undefined, new Set(gone));
    const result = await this.opts.store.commit({ remove: gone, snapshot });
    if (!result.ok) {
      for (const id of gone) this.current.setHidden(id, false);
      return result;
    }
    this.journal = journalled ? { ...this.journal, removed: this.journal.removed + gone.length } : { added: 0, removed: 0 };
    this.changes++;
    for (const id of gone) this.current.removeArticle(id), keys.remove(id);
    await this.compactIfNeeded();
    return { ok: true, removed: gone.length };
  }

  /** Removes every committed article; pending ones must have been dropped first. */
  async clear(): Promise<{ ok: true; removed: number } | ChangeFailure> {
    const removed = this.current.articleIds().length;
    const empty = createCorpusIndex();
    const result = await this.opts.store.commit({ clear: true, snapshot: snapshotOf(empty, new DuplicateKeys()) });
    if (!result.ok) return result;
    this.current = empty;
    this.journal = { added: 0, removed: 0 };
    this.changes++;
    this.pending.clear();
    [this.keys, this.storedKeys] = [new DuplicateKeys(), null];
    return { ok: true, removed };
  }

  /** Rebuilds the index without dead rows when they exceed COMPACT_DEAD_SHARE. */
  async compactIfNeeded(): Promise<boolean> {
    if (this.current.deadShare() <= COMPACT_DEAD_SHARE) return false;
    await this.rebuild(0, true);
    return true;
  }

  /** Rebuilds the index (committed articles, then pending ones hidden) sized for `extraChars`
   *  more text; the old one answers until the new one is complete. `save`: store its snapshot
   *  (a compaction); a merely larger table is stored with the next change. */
  private async rebuild(extraChars: number, save: boolean): Promise<void> {
    const all = [...this.articles(), ...this.pending.values()];
    const index = await buildIndexInChunks(all, new Set(this.pending.keys()), { ...this.opts, extraChars });
    this.current = index;
    if (save) await this.saveSnapshot();
  }

  /** Stores a snapshot of the committed corpus as it is (not a change of its articles). */
  private async saveSnapshot(): Promise<void> {
    const saved = await this.opts.store.saveSnapshot(snapshotOf(this.current, await this.duplicateKeys()));
    if (saved.ok) this.journal = EMPTY_JOURNAL;
    else this.opts.log?.(`[echoes] could not store the rebuilt index snapshot: ${saved.error}`);
  }
}
