/** Reading a request body within a size limit: a body past the limit is refused as soon as it
 *  passes it (not read to the end first). */
import type { IncomingMessage } from 'node:http';

/** The body, or the HTTP status and a message saying what was wrong. */
export type BodyResult<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

/** Reads `req`'s body of at most `limitBytes` as UTF-8 text. */
export async function readTextBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult<string>> {
  const tooLarge = { ok: false as const, status: 413, error: `request body over ${limitBytes} bytes: send less at a time` };
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) return tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) return tooLarge;
    chunks.push(chunk);
  }
  return { ok: true, value: Buffer.concat(chunks).toString('utf8') };
}

/** Reads and parses `req`'s JSON body of at most `limitBytes`. */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult<unknown>> {
  const text = await readTextBody(req, limitBytes);
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) };
  } catch {
    return { ok: false, status: 400, error: 'request body is not JSON' };
  }
}
