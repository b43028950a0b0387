/** The user's corpus in the background: its index, the articles of unfinished imports (indexed
 *  but hidden) and every change, written to the CorpusStore first. A change is made visible in
 *  memory only once its transaction has committed; when the store refuses it, memory is put
 *  back as it was (see each method). Changes run one at a time (`exclusive`). */
import type { Article } from '../corpus/article';
import { createCorpusIndex, loadPackedCorpusIndex, type CorpusIndex } from '../match/corpus-index';
import { buildIndexInChunks, forEachInChunks, type ChunkOptions } from './chunked-build';
import type { CommitResult, CorpusStore } from './corpus-store';
import { DuplicateKeys, keysOf } from './duplicate-keys';

/** Share of dead sentence rows (removed, or of cancelled imports) above which the index is
 *  rebuilt from its articles: dead rows are never matched, but they take memory and snapshot
 *  space, and buckets they pushed over the posting cap stay stop-listed until a rebuild. */
export const COMPACT_DEAD_SHARE = 0.25;

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
  private keys: DuplicateKeys | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private changes = 0;

  private constructor(index: CorpusIndex, private readonly opts: UserCorpusOptions) {
    this.current = index;
  }

  /** Loads the corpus: revives the stored snapshot when it belongs to the stored articles,
   *  else rebuilds the index from them (in chunks) and stores a fresh snapshot. */
  static async load(opts: UserCorpusOptions): Promise<{ corpus: UserCorpus; source: UserIndexSource }> {
    const empty = new UserCorpus(createCorpusIndex(), opts);
    const revived = await empty.revive();
    if (revived) return { corpus: new UserCorpus(revived, opts), source: revived.stats().articles === 0 ? 'empty' : 'snapshot' };
    const index = await buildIndexInChunks(await opts.store.readArticles(), undefined, opts);
    const saved = await opts.store.saveSnapshot(index.pack());
    if (!saved.ok) opts.log?.(`[echoes] could not store the rebuilt index snapshot: ${saved.error}`);
    return { corpus: new UserCorpus(index, opts), source: 'rebuilt' };
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

  /** Duplicate keys of the committed articles (hashed in chunks on first use, then kept). */
  async duplicateKeys(): Promise<DuplicateKeys> {
    if (this.keys) return this.keys;
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
    const restored = await this.revive().catch(() => null);
    if (restored) {
      await forEachInChunks([...this.pending.values()], (a) => restored.addArticle(a, { hidden: true }), this.opts);
      this.current = restored;
    } else {
      await this.compactIfNeeded();
    }
  }

  /** The committed index from the store's snapshot; null when it has none for its articles. */
  private async revive(): Promise<CorpusIndex | null> {
    const stored = await this.opts.store.load();
    if (stored.articles === 0) return createCorpusIndex();
    const revived = stored.snapshot ? loadPackedCorpusIndex(stored.snapshot) : null;
    return revived && !('error' in revived) && revived.stats().articles === stored.articles ? revived : null;
  }

  /** Commits pending articles in one transaction, with the snapshot of the index that shows
   *  them; they become visible only after it committed. On failure they are dropped. */
  async commitPending(ids: readonly string[]): Promise<{ ok: true; articles: Article[] } | ChangeFailure> {
    const articles = ids.flatMap((id) => this.pending.get(id) ?? []);
    const shown = (hidden: boolean) => articles.forEach((a) => this.current.setHidden(a.id, hidden));
    shown(false);
    const snapshot = this.current.pack(); // synchronous: no page is matched while they show
    shown(true);
    const result = await this.opts.store.commit({ add: articles, snapshot });
    if (!result.ok) {
      await this.abandon(ids);
      return result;
    }
    shown(false);
    this.changes++;
    for (const a of articles) this.pending.delete(a.id), this.keys?.add(a);
    return { ok: true, articles };
  }

  /** Removes committed articles (unknown and pending ids are ignored). They are hidden while
   *  the store deletes them, shown again if it fails. */
  async remove(ids: readonly string[]): Promise<{ ok: true; removed: number } | ChangeFailure> {
    const gone = [...new Set(ids)].filter((id) => !this.pending.has(id) && this.current.getArticle(id));
    if (gone.length === 0) return { ok: true, removed: 0 };
    for (const id of gone) this.current.setHidden(id, true);
    const result = await this.opts.store.commit({ remove: gone, snapshot: this.current.pack() });
    if (!result.ok) {
      for (const id of gone) this.current.setHidden(id, false);
      return result;
    }
    this.changes++;
    for (const id of gone) this.current.removeArticle(id), this.keys?.remove(id);
    await this.compactIfNeeded();
    return { ok: true, removed: gone.length };
  }

  /** Removes every committed article; pending ones must have been dropped first. */
  async clear(): Promise<{ ok: true; removed: number } | ChangeFailure> {
    const removed = this.current.stats().articles;
    const empty = createCorpusIndex();
    const result = await this.opts.store.commit({ clear: true, snapshot: empty.pack() });
    if (!result.ok) return result;
    this.current = empty;
    this.changes++;
    this.pending.clear();
    this.keys = new DuplicateKeys();
    return { ok: true, removed };
  }

  /** Rebuilds the index without dead rows when they exceed COMPACT_DEAD_SHARE. */
  async compactIfNeeded(): Promise<boolean> {
    const { sentences, deadSentences } = this.current.stats();
    if (deadSentences === 0 || deadSentences <= sentences * COMPACT_DEAD_SHARE) return false;
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
    if (!save) return;
    const saved: CommitResult = await this.opts.store.saveSnapshot(index.pack());
    if (!saved.ok) this.opts.log?.(`[echoes] could not store the rebuilt index snapshot: ${saved.error}`);
  }
}

export { keysOf };
