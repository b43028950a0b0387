/** Import jobs: beginImport -> importBatch x N -> finishImport | cancelImport. A job's articles
 *  are indexed as its batches arrive, hidden (neither matched nor listed), and committed in one
 *  transaction by finishImport; cancel, a failed commit or 60 s without a call leave the
 *  corpus exactly as it was. Duplicates of the corpus (built-in or user) or of the job are
 *  skipped and reported; an id already taken gets a suffix (id-2, id-3, ...). */
import type { Article } from '../../corpus/article';
import type { CorpusIndex } from '../../match/index/corpus-index';
import { readMessageArticle } from '../corpus/article-shape';
import { forEachInChunks, type ChunkOptions } from '../corpus/chunked-build';
import { articleInfo } from '../corpus/corpus-catalog';
import { DuplicateKeys, keysOf, type Duplicate } from '../corpus/duplicate-keys';
import type { CallResult, ImportSkip, ImportSummary } from '../messaging/messages';
import type { ChangeFailure, UserCorpus } from '../corpus/user-corpus';

/** A job with no call for this long is cancelled (its page was closed or crashed). */
export const JOB_IDLE_MS = 60_000;
/** Most articles one importBatch may carry. */
export const MAX_BATCH_ARTICLES = 200;
/** Characters per article assumed when sizing the index for a job (news articles: 3-8k). */
const CHARS_PER_ARTICLE = 6_000;

/** Where a job's articles go and what they are checked against. */
export interface ImportJobsOptions extends ChunkOptions {
  /** The user corpus once loaded, or why it is not available. */
  user: () => Promise<CallResult<UserCorpus>>;
  /** The built-in index (null when it did not load: only the user corpus is then checked). */
  builtin: () => Promise<CorpusIndex | null>;
  idleMs?: number;
}

interface Job {
  total: number;
  /** Accepted articles by (possibly renamed) id, in order, with their labels. */
  entries: Map<string, { article: Article; label: string }>;
  keys: DuplicateKeys;
  skipped: ImportSkip[];
  timer: ReturnType<typeof setTimeout> | null;
}

/** The jobs in progress, with one method per call. */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private nextId = 1;
  private builtinKeys: { index: CorpusIndex; keys: DuplicateKeys } | null = null;

  constructor(private readonly opts: ImportJobsOptions) {}

  async begin(total: number): Promise<CallResult<{ jobId: string }>> {
    const user = await this.opts.user();
    if (!user.ok) return user;
    const jobId = `import-${Date.now().toString(36)}-${this.nextId++}`;
    this.jobs.set(jobId, { total, entries: new Map(), keys: new DuplicateKeys(), skipped: [], timer: null });
    this.touch(jobId);
    // Grow the index's table now, in chunks, rather than in one step in the middle of the job.
    await user.value.exclusive(() => user.value.reserve(total * CHARS_PER_ARTICLE));
    return { ok: true, value: { jobId } };
  }

  async batch(jobId: string, items: readonly unknown[]): Promise<CallResult<{ accepted: number; skipped: ImportSkip[] }>> {
    const job = this.jobs.get(jobId);
    const user = await this.opts.user();
    if (!job) return unknownJob(jobId);
    if (!user.ok) return user;
    this.touch(jobId);
    const corpus = user.value;
    return corpus.exclusive(async () => {
      const [userKeys, builtin] = await Promise.all([corpus.duplicateKeys(), this.builtin()]);
      const skipped: ImportSkip[] = [];
      const accepted: Article[] = [];
      await forEachInChunks(items, (item, n) => {
        const { label, article, error } = readItem(item, n);
        if (error !== null || !article) return void skipped.push({ label, reason: error ?? 'not an article' });
        const keys = keysOf(article);
        const twin = builtin?.keys.find(keys) ?? userKeys.find(keys) ?? job.keys.find(keys);
        if (twin) return void skipped.push({ label, reason: this.describe(twin, corpus, job) });
        const fresh = { ...article, id: this.freeId(article.id, corpus, job) };
        job.keys.add(fresh, keys);
        job.entries.set(fresh.id, { article: fresh, label });
        accepted.push(fresh);
      }, this.opts);
      await corpus.addPending(accepted);
      job.skipped.push(...skipped);
      this.touch(jobId);
      return { ok: true as const, value: { accepted: accepted.length, skipped } };
    });
  }

  async finish(jobId: string): Promise<CallResult<ImportSummary>> {
    const job = this.take(jobId);
    const user = await this.opts.user();
    if (!job) return unknownJob(jobId);
    if (!user.ok) return user;
    const corpus = user.value;
    return corpus.exclusive(async () => {
      // Another job may have committed the same article since this one's batch was checked.
      const keys = await corpus.duplicateKeys();
      const late: ImportSkip[] = [];
      const kept: string[] = [];
      for (const [id, { article, label }] of job.entries) {
        const twin = keys.find(job.keys.get(id) ?? keysOf(article));
        if (twin) late.push({ label, reason: this.describe(twin, corpus, job) });
        else kept.push(id);
      }
      if (late.length > 0) await corpus.abandon([...job.entries.keys()].filter((id) => !kept.includes(id)));
      const result = kept.length > 0 ? await corpus.commitPending(kept, job.keys) : { ok: true as const, articles: [] };
      if (!result.ok) return { ok: false as const, error: failureMessage(result) };
      const skipped = [...job.skipped, ...late];
      const added = result.articles.map((a) => articleInfo(a, 'user', corpus.index.sentenceCount(a.id)));
      return { ok: true as const, value: { added, skipped } };
    });
  }

  async cancel(jobId: string): Promise<CallResult<null>> {
    const job = this.take(jobId);
    if (!job) return { ok: true, value: null }; // already gone: the corpus is as before either way
    const user = await this.opts.user();
    if (user.ok) await user.value.exclusive(() => user.value.abandon([...job.entries.keys()]));
    return { ok: true, value: null };
  }

  /** Cancels every job (before the corpus is cleared). */
  async cancelAll(): Promise<void> {
    await Promise.all([...this.jobs.keys()].map((id) => this.cancel(id)));
  }

  /** Ids of the jobs in progress. */
  active(): string[] {
    return [...this.jobs.keys()];
  }

  private take(jobId: string): Job | undefined {
    const job = this.jobs.get(jobId);
    if (job?.timer) clearTimeout(job.timer);
    this.jobs.delete(jobId);
    return job;
  }

  private touch(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    if (job.timer) clearTimeout(job.timer);
    job.timer = setTimeout(() => void this.cancel(jobId), this.opts.idleMs ?? JOB_IDLE_MS);
  }

  private async builtin(): Promise<{ index: CorpusIndex; keys: DuplicateKeys } | null> {
    const index = await this.opts.builtin();
    if (!index) return null;
    if (this.builtinKeys?.index !== index) this.builtinKeys = { index, keys: DuplicateKeys.of(index.articleIds().flatMap((id) => index.getArticle(id) ?? [])) };
    return this.builtinKeys;
  }

  private freeId(id: string, corpus: UserCorpus, job: Job): string {
    const taken = (x: string) => corpus.hasId(x) || job.entries.has(x) || this.builtinKeys?.index.getArticle(x) !== undefined;
    if (!taken(id)) return id;
    let n = 2;
    while (taken(`${id}-${n}`)) n++;
    return `${id}-${n}`;
  }

  private describe(twin: Duplicate, corpus: UserCorpus, job: Job): string {
    const article = corpus.index.getArticle(twin.id) ?? this.builtinKeys?.index.getArticle(twin.id) ?? job.entries.get(twin.id)?.article;
    return `same ${twin.by} as "${article?.title ?? twin.id}"`;
  }
}

function readItem(item: unknown, n: number): { label: string; article: Article | null; error: string | null } {
  const record = (typeof item === 'object' && item !== null ? item : {}) as { article?: unknown; label?: unknown };
  const label = typeof record.label === 'string' && record.label.trim() !== '' ? record.label : `article ${n + 1} of the batch`;
  const read = readMessageArticle(record.article);
  return read.ok ? { label, article: read.article, error: null } : { label, article: null, error: read.error };
}

function unknownJob(jobId: string): CallResult<never> {
  return { ok: false, error: `no import job "${jobId}" (it finished, was cancelled, or had no call for ${JOB_IDLE_MS / 1000} s): start the import again` };
}

/** What a person reads when a commit failed: nothing was added either way. */
export function failureMessage(failure: ChangeFailure): string {
  if (failure.quota) {
    return 'Storage is full: nothing was added, your corpus is as it was. Remove articles you no longer need, or import fewer at a time, and try again.';
  }
  return `Could not save the import (${failure.error}): nothing was added, your corpus is as it was. Try again; if it keeps failing, export your corpus and reload the extension.`;
}
