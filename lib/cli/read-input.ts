import { readFile } from 'node:fs/promises';
import { sizeText } from '../corpus/files/decode';
import { regularFile } from './file-checks';
import type { InputResult } from './page-input';

/** Reads a whole stream (standard input) into bytes, stopping as soon as it passes `maxBytes`
 *  (the rest is not read: the answer says the input is too large). */
export async function readAll(stream: AsyncIterable<Uint8Array | string>, maxBytes = Infinity): Promise<InputResult<Uint8Array>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += bytes.length;
    if (size > maxBytes) return { ok: false, error: `standard input is over ${sizeText(maxBytes)}: pass one article page, not more` };
    chunks.push(bytes);
  }
  return { ok: true, value: Buffer.concat(chunks) };
}

/** Reads a regular file's bytes (a link is followed; a FIFO, device or socket is refused
 *  before it is opened, so nothing hangs); a file over `maxBytes` is refused unread. Failures
 *  become one line naming the file and the reason. */
export async function readFileBytes(path: string, maxBytes = Infinity): Promise<InputResult<Uint8Array>> {
  const file = await regularFile(path);
  if (!file.ok) return file;
  if (file.info.size > maxBytes) return { ok: false, error: `${path} is ${sizeText(file.info.size)}, over the ${sizeText(maxBytes)} limit for a page: pass one article page` };
  try {
    return { ok: true, value: await readFile(path) };
  } catch (error) {
    return { ok: false, error: describeReadError(path, error) };
  }
}

/** A person-readable reason for a failed read (no stack). */
export function describeReadError(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `no such file: ${path}`;
  if (code === 'EISDIR') return `${path} is a folder: pass one .txt or .html article as the page`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${path}: permission denied`;
  const message = error instanceof Error ? error.message : String(error);
  return `cannot read ${path}: ${message}`;
}
