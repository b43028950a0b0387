import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../corpus/article';
import { CORPUS_EXTENSIONS, ingestFile, type IngestOptions, type IngestResult, type SourcesManifest } from '../corpus/files/ingest';
import { corpusFileSizeError, decodeCorpusBytes, MAX_CORPUS_FILE_BYTES, type DecodeResult } from '../corpus/files/decode';
import { parseSourcesManifest } from '../corpus/files/manifest';
import { streamJsonlArticles } from '../corpus/files/jsonl-stream';
import { nonRegularKind, regularFile } from './file-checks';
import { htmlToTextNode } from './html-article';

export { MAX_CORPUS_FILE_BYTES };

/** The manifest file read beside corpus files. */
export const MANIFEST_NAME = 'sources.json';

/** Reads a folder (its .txt/.json/.jsonl/.html and feed files, not recursive, in name order) or one
 *  file into articles, with sources.json beside them as the manifest. Errors are values naming
 *  the file: missing path, too large, not UTF-8, bad manifest, duplicate ids across files. */
export async function loadCorpusPath(path: string, opts: Pick<IngestOptions, 'htmlToArticle' | 'htmlToText'> = {}): Promise<IngestResult> {
  const info = await stat(path).catch(() => null);
  if (!info) return { ok: false, error: `${path} not found: give a corpus folder or file` };
  const kind = info.isDirectory() ? null : nonRegularKind(info);
  if (kind) return { ok: false, error: `${path} is ${kind}, not a corpus folder or file: give one saved on disk` };
  const dir = info.isDirectory() ? path : dirname(path);
  if (!info.isDirectory() && basename(path) === MANIFEST_NAME) {
    return { ok: false, error: `${path} is the manifest, not articles: give its folder instead` };
  }
  const files = info.isDirectory() ? await corpusFilesIn(dir) : [basename(path)];
  if (info.isDirectory() && files.length === 0) {
    return { ok: false, error: `no corpus files in ${path}: add .txt, .json, .jsonl, .html or feed (.xml, .rss, .atom) files` };
  }
  const manifest = await readManifest(dir);
  if (!manifest.ok) return manifest;
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const result = await readCorpusFile(dir, name, { htmlToText: htmlToTextNode, ...opts, manifest: manifest.manifest });
    if (!result.ok) return result;
    for (const article of result.articles) {
      const first = seen.get(article.id);
      if (first) return { ok: false, error: `article id "${article.id}" is in both ${first} and ${name}: ids must be unique` };
      seen.set(article.id, name);
      articles.push(article);
    }
  }
  return { ok: true, articles };
}

/** The embedded seeds (the repo's seeds/ folder, found relative to this module).
 *  Throws if they cannot be read: that is a broken install, not a user error. */
export async function loadSeedCorpus(): Promise<Article[]> {
  const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
  const result = await loadCorpusPath(seedsDir);
  if (!result.ok) throw new Error(`embedded seeds unreadable: ${result.error}`);
  return result.articles;
}

/** Names of the corpus files in a folder (not recursive, manifest left out), in name order:
 *  every entry with a corpus extension that is not a folder, links included, so that a link,
 *  FIFO or device among them is read or refused by name, never skipped without a word. */
export async function corpusFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const named = entries.filter((e) => e.name !== MANIFEST_NAME && CORPUS_EXTENSIONS.includes(extname(e.name).slice(1).toLowerCase()));
  const kept = await Promise.all(named.map(async (e) => {
    if (e.isDirectory()) return null;
    // A link to a folder named like a file ("old.json/") is a folder: left out like one.
    if (e.isSymbolicLink() && (await stat(join(dir, e.name)).catch(() => null))?.isDirectory()) return null;
    return e.name;
  }));
  return kept.filter((name): name is string => name !== null).sort();
}

/** One corpus file's articles: a .jsonl collection over the per-file limit streamed a line at
 *  a time (any size; the limit is for whole-file formats), any other file read whole by
 *  readCorpusText (quicker for the many small files of a folder). */
async function readCorpusFile(dir: string, name: string, opts: IngestOptions): Promise<IngestResult> {
  const path = join(dir, name);
  const file = await regularFile(path, 'corpus file');
  if (!file.ok) return file;
  if (extname(name).toLowerCase() !== '.jsonl' || file.info.size <= MAX_CORPUS_FILE_BYTES) {
    const content = await readCorpusText(path);
    return content.ok ? ingestFile(name, content.text, opts) : content;
  }
  const articles: Article[] = [];
  for await (const read of streamJsonlArticles(name, createReadStream(path), { manifest: opts.manifest })) {
    if (!read.ok) return read;
    articles.push(read.article);
  }
  return { ok: true, articles };
}

async function readManifest(dir: string): Promise<{ ok: true; manifest: SourcesManifest } | { ok: false; error: string }> {
  const path = join(dir, MANIFEST_NAME);
  if (!(await stat(path).catch(() => null))) return { ok: true, manifest: {} };
  const content = await readCorpusText(path);
  return content.ok ? parseSourcesManifest(content.text, path) : content;
}

/** A file's bytes as text by lib/corpus's decodeCorpusBytes (UTF-8 only, BOM dropped, no
 *  binary data); a file over MAX_CORPUS_FILE_BYTES is refused before it is read. */
export async function readCorpusText(path: string): Promise<DecodeResult> {
  const file = await regularFile(path, 'corpus file');
  if (!file.ok) return file;
  const tooLarge = corpusFileSizeError(path, file.info.size);
  if (tooLarge) return { ok: false, error: tooLarge };
  return decodeCorpusBytes(path, await readFile(path));
}
