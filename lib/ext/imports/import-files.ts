/** The options page's file reading for an import: bytes -> text -> articles with lib/corpus,
 *  each article labelled with where it came from ("feed.jsonl line 12"). No extension APIs:
 *  the import runner sends what this reads. */
import type { Article } from '../../corpus/article';
import { corpusFileSizeError, decodeCorpusBytes, MAX_CORPUS_FILE_BYTES } from '../../corpus/files/decode';
import type { HtmlToText } from '../../corpus/feeds/item-article';
import { ingestFile, type HtmlArticle } from '../../corpus/files/ingest';
import { streamJsonlArticles } from '../../corpus/files/jsonl-stream';

/** An article to import and the label naming where it came from (lib/ext/messaging/messages ImportArticle). */
export interface LabelledArticle { article: Article; label: string }

/** A file to read: a DOM File fits (name, size, arrayBuffer, stream). */
export interface ImportSource { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer>; stream?(): ReadableStream<Uint8Array> }

/** How one file went: its articles (0 when it was refused), and the refusal naming the file. */
export interface FileReading { name: string; articles: LabelledArticle[]; error: string | null }

/** Parses a file's bytes somewhere else (the options page's ingest worker); answers what
 *  parseImportBytes would. */
export type ParseBytes = (name: string, bytes: Uint8Array, maxFileBytes: number) => Promise<FileReading>;

/** What reading needs: the HTML reader (lib/page's, over DOMParser), the reader of feed items'
 *  markup (feed files: .xml, .rss, .atom, a JSON Feed .json), the size limit in bytes (default
 *  MAX_CORPUS_FILE_BYTES, as the CLI), and optionally where files that need no page DOM
 *  (.txt, .json, .jsonl, feeds) are parsed, so a big file does not hold up the page. */
export interface ReadOptions {
  htmlToArticle: (html: string) => HtmlArticle | null;
  htmlToText?: HtmlToText;
  maxFileBytes?: number;
  parseElsewhere?: ParseBytes;
}

/** True for the files only the page can parse (HTML needs DOMParser). */
export function needsDom(fileName: string): boolean {
  return /\.html?$/i.test(fileName);
}

/** Reads one file: bytes -> parseImportBytes (here, or through `parseElsewhere` for files that
 *  need no DOM). A file over the limit is refused before its bytes are read. */
export async function readImportFile(source: ImportSource, opts: ReadOptions): Promise<FileReading> {
  const { name } = source;
  const limit = opts.maxFileBytes ?? MAX_CORPUS_FILE_BYTES;
  // A JSONL collection past the whole-file limit is read a line at a time, never as one buffer.
  if (source.size > limit && source.stream && /\.jsonl$/i.test(name)) return readJsonlStreamed(name, source.stream(), limit);
  const tooLarge = corpusFileSizeError(name, source.size, limit);
  if (tooLarge) return { name, articles: [], error: tooLarge };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await source.arrayBuffer());
  } catch (error) {
    return { name, articles: [], error: `${name} could not be read (${error instanceof Error ? error.message : String(error)}): choose it again` };
  }
  if (opts.parseElsewhere && !needsDom(name)) return opts.parseElsewhere(name, bytes, limit);
  return parseImportBytes(name, bytes, { htmlToArticle: opts.htmlToArticle, htmlToText: opts.htmlToText, maxFileBytes: limit });
}

/** A .jsonl file read from its stream by lib/corpus streamJsonlArticles: chunks are read as
 *  they come (the page gets its turns between them), only one line (at most `maxLineBytes`)
 *  is held as text, and the first bad line refuses the file as the whole-file reading would. */
export async function readJsonlStreamed(name: string, stream: ReadableStream<Uint8Array>, maxLineBytes = MAX_CORPUS_FILE_BYTES): Promise<FileReading> {
  const articles: LabelledArticle[] = [];
  try {
    for await (const read of streamJsonlArticles(name, chunksOf(stream), { maxLineBytes })) {
      if (!read.ok) return { name, articles: [], error: read.error };
      articles.push({ article: read.article, label: read.label });
    }
  } catch (error) {
    return { name, articles: [], error: `${name} could not be read (${error instanceof Error ? error.message : String(error)}): choose it again` };
  }
  return { name, articles, error: null };
}

/** A ReadableStream's chunks as an async iterable (a reader loop: async iteration of streams
 *  is newer than the browsers Echoes supports). The reader is released however it ends. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/** A file's bytes -> lib/corpus decodeCorpusBytes -> ingestFile -> labelled articles, or the
 *  refusal naming the file. Pure and DOM-free unless `htmlToArticle` is (a worker runs it). */
export function parseImportBytes(name: string, bytes: Uint8Array, opts: Partial<Pick<ReadOptions, 'htmlToArticle' | 'htmlToText' | 'maxFileBytes'>> = {}): FileReading {
  const text = decodeCorpusBytes(name, bytes, opts.maxFileBytes ?? MAX_CORPUS_FILE_BYTES);
  if (!text.ok) return { name, articles: [], error: text.error };
  const result = ingestFile(name, text.text, { htmlToArticle: opts.htmlToArticle, htmlToText: opts.htmlToText });
  if (!result.ok) return { name, articles: [], error: result.error };
  const labels = articleLabels(name, text.text, result.articles.length);
  return { name, articles: result.articles.map((article, i) => ({ article, label: labels[i] ?? name })), error: null };
}

/** Labels of the `count` articles ingestFile made from `content`, in order: "x.jsonl line N"
 *  (the Nth line, blank lines counted, as in its errors), "x.json article N", or the name. */
export function articleLabels(fileName: string, content: string, count: number): string[] {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'jsonl') {
    const lines: string[] = [];
    content.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() !== '') lines.push(`${fileName} line ${i + 1}`);
    });
    return lines.slice(0, count);
  }
  if (ext === 'json' && count > 1) return Array.from({ length: count }, (_, i) => `${fileName} article ${i + 1}`);
  return Array.from({ length: count }, () => fileName);
}

/** The fields of the paste form. Empty strings mean "not given". */
export interface PastedFields { outlet: string; url: string; published: string; title: string; text: string }

/** A pasted article through the same ingestion as a file (a one-article JSON record), so it
 *  gets the same checks (date, boilerplate) and id rules. Errors speak of "the pasted article". */
export function readPastedArticle(fields: PastedFields): { ok: true; article: LabelledArticle } | { ok: false; error: string } {
  const given = (value: string) => (value.trim() === '' ? undefined : value.trim());
  if (!given(fields.text)) return { ok: false, error: 'Paste the article’s text: it is empty.' };
  if (!given(fields.outlet)) return { ok: false, error: 'Give the outlet that published the article (e.g. “Reuters”).' };
  const record = {
    outlet: given(fields.outlet), url: given(fields.url), published: given(fields.published),
    title: given(fields.title), text: fields.text,
  };
  const name = 'pasted article.json';
  const result = ingestFile(name, JSON.stringify(record));
  if (!result.ok) return { ok: false, error: result.error.replace(`article 1 in ${name}`, 'the pasted article') };
  const article = result.articles[0];
  if (!article) return { ok: false, error: 'the pasted article has no text left after removing boilerplate' };
  return { ok: true, article: { article, label: 'pasted article' } };
}
