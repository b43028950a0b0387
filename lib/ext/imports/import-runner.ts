/** The options page's import driver: reads files (lib/ext/imports/import-files), then runs one import
 *  job in the background — beginImport, importBatch per batch, finishImport — reporting
 *  progress, and cancelImport when the signal aborts or a step fails, so the corpus is then
 *  exactly as before. */
import { readImportFile, type FileReading, type ImportSource, type LabelledArticle, type ReadOptions } from './import-files';
import type { CallResult, CorpusArticleInfo, ImportSkip, ImportSummary } from '../messaging/messages';

/** The background's import calls (sendToBackground in the extension, fakes in tests). */
export interface ImportCalls {
  beginImport(data: { total: number }): Promise<CallResult<{ jobId: string }>>;
  importBatch(data: { jobId: string; articles: LabelledArticle[] }): Promise<CallResult<{ accepted: number; skipped: ImportSkip[] }>>;
  finishImport(data: { jobId: string }): Promise<CallResult<ImportSummary>>;
  cancelImport(data: { jobId: string }): Promise<CallResult<null>>;
}

/** Where an import is: reading files (done/total files), sending articles (done/total
 *  articles), or saving (the background's one commit). */
export interface ImportProgress { stage: 'reading' | 'sending' | 'saving'; done: number; total: number }

/** One file's result: articles found, added, skipped as duplicates; or why it was refused. */
export interface FileReport { name: string; found: number; added: number; skipped: number; error: string | null }

/** How an import job ended. `done`: committed (possibly nothing to add; `skipped` are the
 *  duplicates); `failed`: the background refused or could not store it, so nothing was added;
 *  `cancelled`: nothing was added. */
export type JobOutcome =
  | { state: 'done'; added: CorpusArticleInfo[]; skipped: ImportSkip[] }
  | { state: 'failed'; error: string }
  | { state: 'cancelled' };

/** How a file import ended: the job's outcome and each file's result. */
export type ImportOutcome = JobOutcome & { files: FileReport[] };

/** Batch limits: at most this many articles and about this many bytes of JSON per message. */
export const BATCH_LIMITS = { articles: 200, bytes: 2_000_000 } as const;

/** Options of an import run. */
export interface RunOptions {
  calls: ImportCalls;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  limits?: { articles: number; bytes: number };
  /** Lets the page paint between files (default: a zero timeout). */
  yieldToPage?: () => Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reads every file (bad ones are reported, not fatal), then imports the good ones' articles
 *  as one job. Files are read one at a time, yielding between them. */
export async function importFiles(sources: readonly ImportSource[], read: ReadOptions, opts: RunOptions): Promise<ImportOutcome> {
  const readings: FileReading[] = [];
  for (const [i, source] of sources.entries()) {
    opts.onProgress?.({ stage: 'reading', done: i, total: sources.length });
    if (opts.signal?.aborted) return { state: 'cancelled', files: readings.map((r) => fileReport(r, new Set(), false)) };
    readings.push(await readImportFile(source, read));
    await (opts.yieldToPage ?? nextTask)();
  }
  const articles = readings.flatMap((r) => r.articles);
  const outcome = await importArticles(articles, opts);
  const skippedLabels = new Set(outcome.state === 'done' ? outcome.skipped.map((s) => s.label) : []);
  return { ...outcome, files: readings.map((r) => fileReport(r, skippedLabels, outcome.state === 'done')) };
}

function fileReport(reading: FileReading, skipped: Set<string>, added: boolean): FileReport {
  const skippedHere = reading.articles.filter((a) => skipped.has(a.label)).length;
  return {
    name: reading.name, found: reading.articles.length, error: reading.error,
    skipped: skippedHere, added: added ? reading.articles.length - skippedHere : 0,
  };
}

/** Imports `articles` as one job; with none, answers done at once without a job. */
export async function importArticles(articles: readonly LabelledArticle[], opts: RunOptions): Promise<JobOutcome> {
  if (articles.length === 0) return { state: 'done', added: [], skipped: [] };
  if (opts.signal?.aborted) return { state: 'cancelled' };
  const { calls } = opts;
  const begun = await calls.beginImport({ total: articles.length });
  if (!begun.ok) return { state: 'failed', error: begun.error };
  const { jobId } = begun.value;
  const stop = async (outcome: JobOutcome): Promise<JobOutcome> => {
    await calls.cancelImport({ jobId });
    return outcome;
  };
  const skipped: ImportSkip[] = [];
  let sent = 0;
  for (const batch of batches(articles, opts.limits ?? BATCH_LIMITS)) {
    opts.onProgress?.({ stage: 'sending', done: sent, total: articles.length });
    if (opts.signal?.aborted) return stop({ state: 'cancelled' });
    const answer = await calls.importBatch({ jobId, articles: batch });
    if (!answer.ok) return stop({ state: 'failed', error: answer.error });
    skipped.push(...answer.value.skipped);
    sent += batch.length;
  }
  if (opts.signal?.aborted) return stop({ state: 'cancelled' });
  opts.onProgress?.({ stage: 'saving', done: sent, total: articles.length });
  const finished = await calls.finishImport({ jobId });
  if (!finished.ok) return { state: 'failed', error: finished.error };
  return { state: 'done', added: finished.value.added, skipped: uniqueSkips([...skipped, ...finished.value.skipped]) };
}

/** `articles` cut into batches of at most `limits.articles` and about `limits.bytes` of JSON
 *  (one article over the byte limit travels alone). */
export function batches<T>(articles: readonly T[], limits: { articles: number; bytes: number }): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const article of articles) {
    const size = JSON.stringify(article).length;
    if (current.length > 0 && (current.length >= limits.articles || bytes + size > limits.bytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(article);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function uniqueSkips(skips: ImportSkip[]): ImportSkip[] {
  const seen = new Set<string>();
  return skips.filter((s) => {
    const key = `${s.label}\n${s.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
