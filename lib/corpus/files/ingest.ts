import type { Article } from '../article';
import { cleanRawText, type CleanedText } from '../clean/clean';
import { looksBinary } from './decode';
import { preferredCredit } from '../meta/credits';
import { cleanFoundText } from '../clean/found-text';
import { readMoment } from '../meta/moments';
import { FEED_EXTENSIONS, ingestFeedFile } from '../feeds/feed-file';
import type { HtmlToText } from '../feeds/item-article';
import { isJsonFeedValue } from '../feeds/json-feed';
import { readJsonArticles, readJsonlArticles, type ArticleRecord } from './json-articles';
import { resolveArticle, stableId, type ArticleFacts, type SourcesManifest } from './manifest';

export type { SourceEntry, SourcesManifest } from './manifest';

/** What an HTML article finder returns (lib/page provides one; the CLI injects it). */
export interface HtmlArticle {
  title: string | null;
  text: string;
  blockStarts: number[];
  url?: string | null;
  published?: string | null;
  outlet?: string | null;
  /** Who the page credits, most trusted first (lib/corpus readArticleMeta), and its stated
   *  publication time when it gives one. */
  credits?: string[];
  publishedAt?: string | null;
  sourceLinks?: string[];
}

/** Articles of one file, or one line saying what is wrong and what to do. */
export type IngestResult = { ok: true; articles: Article[] } | { ok: false; error: string };

/** Options of ingestFile: the folder's sources.json and the HTML reader, when there are any. */
export interface IngestOptions {
  manifest?: SourcesManifest;
  htmlToArticle?: (html: string) => HtmlArticle | null;
  /** Reads the HTML of feed items (feed files); without it feed files are refused. */
  htmlToText?: HtmlToText;
}

/** File extensions ingestFile reads (lower case, no dot). */
export const CORPUS_EXTENSIONS: readonly string[] = ['txt', 'json', 'jsonl', 'html', 'htm', ...FEED_EXTENSIONS];

/** One corpus file -> articles. `.txt` = one article, id = file name without extension;
 *  `.json` = an array of {id?, outlet, site?, url?, published?, title?, credit?, text, blocks?}
 *  or one such object; `.jsonl` = one per line (articleToJsonLine writes them). A record with
 *  `blocks` keeps its text and blocks exactly; one without is cleaned like a .txt; `.html` through opts.htmlToArticle;
 *  `.xml`/`.rss`/`.atom` and a JSON Feed `.json` = one article per item (lib/corpus/feeds). Empty, binary or malformed
 *  input gives { ok: false, error } naming the file (and line, for JSON/JSONL). */
export function ingestFile(fileName: string, content: string, opts: IngestOptions = {}): IngestResult {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!CORPUS_EXTENSIONS.includes(ext)) {
    return fail(`${fileName}: unsupported file type; use .txt, .json, .jsonl, .html or a feed (.xml, .rss, .atom)`);
  }
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail(`${fileName} is empty: add article text or remove the file`);
  if (looksBinary(text)) return fail(`${fileName} looks like a binary file, not text: corpus files must be UTF-8 text`);
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const base = fileName.replace(/^.*[\\/]/, '');
  const manifest = opts.manifest ?? {};
  if (ext === 'txt') {
    return single(fileName, stem, cleanRawText(text), {}, manifest[base] ?? manifest[stem]);
  }
  if (ext === 'html' || ext === 'htm') return fromHtml(fileName, stem, text, opts);
  if (FEED_EXTENSIONS.includes(ext) || (ext === 'json' && looksLikeJsonFeed(text))) {
    return ingestFeedFile(fileName, text, { htmlToText: opts.htmlToText, entry: manifest[base] ?? manifest[stem] });
  }
  const records = ext === 'json' ? readJsonArticles(base, text) : readJsonlArticles(base, text);
  return records.ok ? fromRecords(records.value, base, manifest) : records;
}

/** A .json file that is a JSON Feed (its "version" says so), not a list of articles. */
function looksLikeJsonFeed(text: string): boolean {
  if (!/"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(text.slice(0, 4096))) return false;
  try {
    return isJsonFeedValue(JSON.parse(text));
  } catch {
    return true; // a broken JSON Feed: its parser says where it breaks
  }
}

function fromHtml(fileName: string, stem: string, html: string, opts: IngestOptions): IngestResult {
  if (!opts.htmlToArticle) return fail(`${fileName}: HTML files need an HTML reader here; convert the page to .txt or load it with the CLI`);
  const found = opts.htmlToArticle(html);
  if (!found || found.text.trim() === '') return fail(`no article text found in ${fileName}: is it an article page?`);
  const cleaned = cleanFoundText(found);
  const facts: ArticleFacts = {
    url: found.url ?? undefined, published: found.published ?? undefined, outlet: found.outlet ?? undefined,
    credit: preferredCredit(found.credits ?? []) ?? undefined,
  };
  const manifest = opts.manifest ?? {};
  const made = single(fileName, stem, cleaned, facts, manifest[fileName.replace(/^.*[\\/]/, '')] ?? manifest[stem]);
  return made.ok && found.publishedAt ? { ok: true, articles: made.articles.map((a) => withTime(a, found.publishedAt!)) } : made;
}

/** `article` with the page's stated time, when it is on the article's date (a manifest may
 *  have set another date: then the time is not this date's). */
function withTime(article: Article, publishedAt: string): Article {
  return readMoment(publishedAt)?.date === article.published ? { ...article, publishedAt } : article;
}

function single(fileName: string, id: string, cleaned: CleanedText, facts: ArticleFacts, entry?: SourcesManifest[string]): IngestResult {
  if (cleaned.text.trim() === '') return fail(`${fileName} has no article text left after removing boilerplate`);
  return { ok: true, articles: [resolveArticle({ id, fallbackName: fileName.replace(/^.*[\\/]/, ''), cleaned, facts, entry })] };
}

function fromRecords(records: ArticleRecord[], fileName: string, manifest: SourcesManifest): IngestResult {
  const articles: Article[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const made = articleOfRecord(record, fileName, manifest, seen);
    if (!made.ok) return made;
    articles.push(made.article);
  }
  return { ok: true, articles };
}

/** One JSON/JSONL record -> its article (id from the record, else a hash of its url or text),
 *  refusing an id already in `seen` (which it then joins) or a text that is all boilerplate. */
export function articleOfRecord(
  record: ArticleRecord, fileName: string, manifest: SourcesManifest, seen: Set<string>,
): { ok: true; article: Article } | { ok: false; error: string } {
  const { id: givenId, text, blocks, label, publishedAt, ...facts } = record;
  const id = givenId ?? stableId(facts.url ?? text);
  if (seen.has(id)) return fail(`${label} repeats the id "${id}": give each article its own "id" (or url)`);
  seen.add(id);
  // With blocks (an export of ours) the text is already clean: cleaning it again could move them.
  const cleaned = blocks ? { title: null, text, blocks, sourceOffsets: [], clues: {} } : cleanRawText(text);
  if (cleaned.text.trim() === '') return fail(`${label} has no article text left after removing boilerplate`);
  const article = resolveArticle({ id, fallbackName: fileName, cleaned, facts, entry: manifest[id] });
  return { ok: true, article: publishedAt ? withTime(article, publishedAt) : article };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
