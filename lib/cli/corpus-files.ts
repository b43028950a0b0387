import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../corpus/article';
import { CORPUS_EXTENSIONS, ingestFile, type IngestOptions, type IngestResult, type SourcesManifest } from '../corpus/ingest';
import { parseSourcesManifest } from '../corpus/manifest';

/** Largest corpus file read, in bytes (20 MB): bigger files are refused, not truncated. */
export const MAX_CORPUS_FILE_BYTES = 20 * 1024 * 1024;

/** The manifest file read beside corpus files. */
export const MANIFEST_NAME = 'sources.json';

/** Reads a folder (its .txt/.json/.jsonl/.html files, not recursive, in name order) or one
 *  file into articles, with sources.json beside them as the manifest. Errors are values naming
 *  the file: missing path, too large, not UTF-8, bad manifest, duplicate ids across files. */
export async function loadCorpusPath(path: string, opts: Pick<IngestOptions, 'htmlToArticle'> = {}): Promise<IngestResult> {
  const info = await stat(path).catch(() => null);
  if (!info) return { ok: false, error: `${path} not found: give a corpus folder or file` };
  const dir = info.isDirectory() ? path : dirname(path);
  if (!info.isDirectory() && basename(path) === MANIFEST_NAME) {
    return { ok: false, error: `${path} is the manifest, not articles: give its folder instead` };
  }
  const files = info.isDirectory() ? await corpusFilesIn(dir) : [basename(path)];
  if (info.isDirectory() && files.length === 0) {
    return { ok: false, error: `no corpus files in ${path}: add .txt, .json, .jsonl or .html files` };
  }
  const manifest = await readManifest(dir);
  if (!manifest.ok) return manifest;
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const content = await readCorpusText(join(dir, name));
    if (!content.ok) return content;
    const result = ingestFile(name, content.text, { ...opts, manifest: manifest.manifest });
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

async function corpusFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name !== MANIFEST_NAME && CORPUS_EXTENSIONS.includes(extname(e.name).slice(1).toLowerCase()))
    .map((e) => e.name)
    .sort();
}

async function readManifest(dir: string): Promise<{ ok: true; manifest: SourcesManifest } | { ok: false; error: string }> {
  const path = join(dir, MANIFEST_NAME);
  if (!(await stat(path).catch(() => null))?.isFile()) return { ok: true, manifest: {} };
  const content = await readCorpusText(path);
  return content.ok ? parseSourcesManifest(content.text, path) : content;
}

/** A file's bytes as UTF-8 text (BOM dropped): refuses files over MAX_CORPUS_FILE_BYTES and
 *  bytes that are not valid UTF-8. */
export async function readCorpusText(path: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const size = (await stat(path)).size;
  if (size > MAX_CORPUS_FILE_BYTES) {
    return { ok: false, error: `${path} is ${(size / 1048576).toFixed(1)} MB, over the 20 MB limit: split it into smaller files` };
  }
  const bytes = await readFile(path);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: `${path} is not valid UTF-8 text: save it as UTF-8` };
  }
}
