/** Turning a corpus file's bytes into text: the one set of rules the CLI and the extension's
 *  import share (size limit, UTF-8 only, no binary data). Pure: no file system, no DOM. */

/** Largest corpus file read, in bytes (20 MB): bigger files are refused, not truncated. */
export const MAX_CORPUS_FILE_BYTES = 20 * 1024 * 1024;

/** The text of a file, or one line naming the file, what is wrong and what to do. */
export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

/** How much of the start of a file the binary check reads (characters). */
const BINARY_SAMPLE = 8192;

/** Why a file of `byteLength` bytes is too large, or null when it is within `limit`. Callers
 *  that know the size before reading (a File, a stat) check it first and skip the read. */
export function corpusFileSizeError(fileName: string, byteLength: number, limit = MAX_CORPUS_FILE_BYTES): string | null {
  if (byteLength <= limit) return null;
  return `${fileName} is ${sizeText(byteLength)}, over the ${sizeText(limit).replace('.0 ', ' ')} limit: split it into smaller files`;
}

/** A corpus file's bytes -> its text. Refuses, in this order: more than `limit` bytes; a
 *  UTF-16 or UTF-32 byte order mark (says to save as UTF-8); binary data (see looksBinary);
 *  bytes that are not valid UTF-8. A UTF-8 byte order mark is dropped. Empty input is ok:
 *  ingestFile says it is empty. */
export function decodeCorpusBytes(fileName: string, bytes: Uint8Array, limit = MAX_CORPUS_FILE_BYTES): DecodeResult {
  const tooLarge = corpusFileSizeError(fileName, bytes.length, limit);
  if (tooLarge) return { ok: false, error: tooLarge };
  const wide = wideEncoding(bytes);
  if (wide) return { ok: false, error: `${fileName} is ${wide} text, not UTF-8: save it as UTF-8 (in most editors: Save As, encoding UTF-8) and load it again` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a UTF-8 BOM itself
  } catch {
    // Judge binary on the raw bytes: an image is usually invalid UTF-8 as well, and "binary" is the better reason.
    if (looksBinary(String.fromCharCode(...bytes.subarray(0, BINARY_SAMPLE)))) return binary(fileName);
    return { ok: false, error: `${fileName} is not valid UTF-8 text: save it as UTF-8` };
  }
  return looksBinary(text) ? binary(fileName) : { ok: true, text };
}

/** True when text is binary data rather than writing: a NUL character, or more than 10%
 *  control characters (other than tab, line feed, vertical tab, form feed, carriage return),
 *  in the first 8192 characters. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, BINARY_SAMPLE);
  if (head.includes('\0')) return true;
  const controls = head.match(/[\x01-\x08\x0e-\x1f\x7f]/g)?.length ?? 0;
  return controls > head.length * 0.1;
}

function binary(fileName: string): DecodeResult {
  return { ok: false, error: `${fileName} looks like a binary file, not text: corpus files must be UTF-8 text` };
}

/** The encoding a UTF-16/UTF-32 byte order mark at the start of `bytes` announces, or null.
 *  UTF-32 LE starts with the UTF-16 LE mark, so it is tested first. */
export function wideEncoding(bytes: Uint8Array): string | null {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  return null;
}

/** A byte count for people: "20.0 MB" (1 MB = 1,048,576 bytes), "3.5 KB", "12 bytes". */
export function sizeText(bytes: number): string {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
