import { readFile } from 'node:fs/promises';
import type { InputResult } from './page-input';

/** Reads a whole stream (standard input) into bytes. */
export async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Reads a file's bytes; failures become one line naming the file and the reason. */
export async function readFileBytes(path: string): Promise<InputResult<Uint8Array>> {
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
