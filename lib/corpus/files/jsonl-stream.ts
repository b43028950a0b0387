/** A JSONL collection of any size, read line by line: chunks of bytes in (a file stream, a
 *  File's stream(), a database export), articles out. Only one line is held at a time, so a
 *  newsroom's export of hundreds of MB is read in the memory of its longest line. The same
 *  rules as a whole .jsonl file (lib/corpus/files/ingest): UTF-8 only, no binary data, one article
 *  object per line, ids unique in the file. Pure: no file system, no DOM. */
import type { Article } from '../article';
import { looksBinary, MAX_CORPUS_FILE_BYTES, sizeText, wideEncoding } from './decode';
import { articleOfRecord, type SourcesManifest } from './ingest';
import { readJsonlLine } from './json-articles';

/** One line of text and its 1-based number, or why the stream cannot be read as text. */
export type StreamLine = { ok: true; line: string; number: number } | { ok: false; error: string };

/** One article of the stream with the label naming its line ("x.jsonl line 12"), or the one
 *  error that ends the stream. */
export type StreamArticle = { ok: true; article: Article; label: string } | { ok: false; error: string };

/** Options of the readers: the longest line accepted in bytes (default MAX_CORPUS_FILE_BYTES,
 *  the whole-file limit: one article bigger than a whole file is refused) and the manifest. */
export interface JsonlStreamOptions {
  maxLineBytes?: number;
  manifest?: SourcesManifest;
}

/** The lines of a UTF-8 byte stream (\n or \r\n; a UTF-8 byte order mark dropped). Ends with
 *  one error, naming the file, on a UTF-16/32 byte order mark, binary data at the start,
 *  bytes that are not UTF-8, or a line over `maxLineBytes` (counted in UTF-16 units, an
 *  upper bound for what it held in bytes only for ASCII: close enough for a guard). */
export async function* utf8Lines(
  fileName: string, chunks: AsyncIterable<Uint8Array | string>, maxLineBytes = MAX_CORPUS_FILE_BYTES,
): AsyncGenerator<StreamLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let number = 0;
  let first = true;
  for await (const chunk of chunks) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      if (first) {
        const wide = wideEncoding(chunk);
        if (wide) return yield { ok: false, error: `${fileName} is ${wide} text, not UTF-8: save it as UTF-8 and load it again` };
      }
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        return yield { ok: false, error: `${fileName} is not valid UTF-8 text (line ${number + 1}): save it as UTF-8` };
      }
    }
    if (first && text !== '') {
      if (looksBinary(text)) return yield { ok: false, error: `${fileName} looks like a binary file, not text: corpus files must be UTF-8 text` };
      first = false;
    }
    // Look for line ends in the new text only: a long line arriving in many chunks is not rescanned.
    let from = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
      const line = pending + text.slice(from, end);
      pending = '';
      from = end + 1;
      number += 1;
      if (line.length > maxLineBytes) return yield tooLong(fileName, number, maxLineBytes);
      yield { ok: true, line: line.endsWith('\r') ? line.slice(0, -1) : line, number };
    }
    pending += text.slice(from);
    if (pending.length > maxLineBytes) return yield tooLong(fileName, number + 1, maxLineBytes);
  }
  try {
    pending += decoder.decode();
  } catch {
    return yield { ok: false, error: `${fileName} is not valid UTF-8 text (it ends in the middle of a character): save it as UTF-8` };
  }
  if (pending !== '') yield { ok: true, line: pending, number: number + 1 };
}

function tooLong(fileName: string, number: number, limit: number): StreamLine {
  return { ok: false, error: `line ${number} of ${fileName} is over ${sizeText(limit)}: one article per line, each under ${sizeText(limit)}` };
}

/** The articles of a JSONL stream, in order. Stops after the first error (a bad line, a
 *  repeated id, an undecodable stream), which names the file and line; a stream with no
 *  article at all ends with "is empty". Ids are checked against a set: linear in the lines. */
export async function* streamJsonlArticles(
  fileName: string, chunks: AsyncIterable<Uint8Array | string>, opts: JsonlStreamOptions = {},
): AsyncGenerator<StreamArticle> {
  const seen = new Set<string>();
  const manifest = opts.manifest ?? {};
  for await (const read of utf8Lines(fileName, chunks, opts.maxLineBytes)) {
    if (!read.ok) return yield read;
    const record = readJsonlLine(fileName, read.line, read.number);
    if (!record.ok) return yield record;
    if (!record.value) continue;
    const made = articleOfRecord(record.value, fileName, manifest, seen);
    if (!made.ok) return yield made;
    yield { ok: true, article: made.article, label: `${fileName} line ${read.number}` };
  }
  if (seen.size === 0) yield { ok: false, error: `${fileName} is empty: put one article object on each line` };
}
