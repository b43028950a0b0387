/** `npm run corpus -- import`: corpus files (the --corpus formats) into the newsroom database.
 *  Every file is read and checked first, so a malformed file is reported before anything is
 *  written; then the articles go in batches of one transaction each, with progress and rate,
 *  and a rerun after a crash adds only what is missing (see store-articles.ts). JSONL files are
 *  streamed line by line (lib/corpus streamJsonlArticles), so an export of any size fits. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Pool } from 'pg';
import type { Article } from '../corpus/article';
import { streamJsonlArticles } from '../corpus/files/jsonl-stream';
import { corpusFilesIn, loadCorpusPath } from '../cli/corpus-files';
import { regularFile } from '../cli/file-checks';
import { htmlToArticleNode } from '../cli/html-article';
import { identify, prepareBatch, storeArticles, storedAlready, type StoreCounts } from './store-articles';

/** Articles per transaction: large enough that a statement's overhead is small and that a
 *  key's list is rewritten once for many of its sentences (20,000 generated articles: 6.4 million
 *  rows written in batches of 2,000, 5.3 million in batches of 5,000, a fifth less of the
 *  backend's CPU), small enough that a batch's arrays stay a few hundred MB (~5 million
 *  postings; the import peaked at 1.0 GB resident against 0.65 GB with 2,000). */
export const IMPORT_BATCH = 5_000;

/** One article read, or the error that stops reading. */
type Read = { ok: true; article: Article } | { ok: false; error: string };

/** Every article of the paths, in order (a folder's files in name order). */
export async function* readArticles(paths: readonly string[]): AsyncGenerator<Read> {
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) return yield { ok: false, error: `${path} not found: give corpus folders or files` };
    const files = info.isDirectory() ? (await corpusFilesIn(path)).map((name) => join(path, name)) : [path];
    if (files.length === 0) return yield { ok: false, error: `no corpus files in ${path}` };
    for (const file of files) {
      // A FIFO or device given as a path would block the stream forever: refused like xref does.
      const regular = await regularFile(file, 'corpus file');
      if (!regular.ok) return yield regular;
      if (extname(file).toLowerCase() === '.jsonl') {
        for await (const read of streamJsonlArticles(basename(file), createReadStream(file))) {
          if (!read.ok) return yield read;
          yield { ok: true, article: read.article };
        }
        continue;
      }
      const loaded = await loadCorpusPath(file, { htmlToArticle: htmlToArticleNode });
      if (!loaded.ok) return yield loaded;
      for (const article of loaded.articles) yield { ok: true, article };
    }
  }
}

/** Progress of an import, reported after every batch. */
export interface ImportProgress extends StoreCounts { read: number; seconds: number }

/** Checks every path, then stores their articles; an error (a malformed file) answers before
 *  anything is written. A database failure mid-way throws: the batches before it are stored,
 *  the failing one is not, and a rerun adds the rest. */
export async function importPaths(
  pool: Pool, paths: readonly string[], progress: (p: ImportProgress) => void, now = () => performance.now(),
): Promise<{ ok: true; totals: ImportProgress } | { ok: false; error: string }> {
  let checked = 0;
  for await (const read of readArticles(paths)) {
    if (!read.ok) return { ok: false, error: `${read.error} (nothing was imported)` };
    checked++;
  }
  if (checked === 0) return { ok: false, error: 'no articles in the given paths' };
  const started = now();
  const totals: ImportProgress = { read: 0, added: 0, skipped: 0, sentences: 0, postings: 0, seconds: 0 };
  let batch: Article[] = [];
  // One batch is written while the next is read and hashed: the hashing is this process's
  // work, the writing PostgreSQL's, and the two then share the machine's cores.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const articles = batch;
    batch = [];
    // Articles stored already (a rerun) are counted as skipped without being split and hashed.
    const identity = identify(articles);
    const known = await storedAlready(pool, articles, identity);
    const keep = (_: unknown, i: number) => !known.has(i);
    const prepared = prepareBatch(articles.filter(keep), { urlKeys: identity.urlKeys.filter(keep), textKeys: identity.textKeys.filter(keep) });
    await writing;
    const stored = prepared.articles.length > 0 ? storeArticles(pool, prepared) : Promise.resolve({ added: 0, skipped: 0, sentences: 0, postings: 0 });
    writing = stored.then((counts) => {
      totals.read += articles.length, totals.added += counts.added, totals.skipped += counts.skipped + known.size;
      totals.sentences += counts.sentences, totals.postings += counts.postings;
      totals.seconds = (now() - started) / 1000;
      progress({ ...totals });
    });
    // A failed write is thrown at the next flush or at the end, not left unhandled meanwhile.
    writing.catch(() => undefined);
  };
  for await (const read of readArticles(paths)) {
    if (!read.ok) {
      await writing;
      return { ok: false, error: `${read.error} (a file changed while it was imported)` };
    }
    batch.push(read.article);
    if (batch.length >= IMPORT_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  await writing;
  // Appending to a list leaves its old version behind: a vacuum makes the space reusable.
  await pool.query('vacuum (analyze) echoes_postings');
  return { ok: true, totals };
}
