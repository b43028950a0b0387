/** Asking a newsroom server for a page's candidates: the one client the CLI and the extension
 *  share. `fetch` is passed in (Node's, or the extension's), so this stays pure. */
import { checkMatchResponse, type MatchRequest, type MatchResponse } from './newsroom-protocol';

/** A server's address and the reader's token. */
export interface NewsroomServer { url: string; token: string }

/** The answer, or one line saying what went wrong and what to do. */
export type NewsroomAnswer = { ok: true; value: MatchResponse } | { ok: false; error: string };

/** Gives up on a server that has not answered in this long (a page must not wait for it). */
export const NEWSROOM_TIMEOUT_MS = 10_000;

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** The server's /v1/match URL for a base address; null when it is not an http(s) URL. */
export function matchUrlOf(base: string): string | null {
  try {
    const url = new URL(base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return new URL('v1/match', url.href.endsWith('/') ? url.href : `${url.href}/`).href;
  } catch {
    return null;
  }
}

/** POSTs the request; every failure (unreachable, refused token, bad answer, timeout) is a value. */
export async function askNewsroom(server: NewsroomServer, request: MatchRequest, fetchFn: Fetch, timeoutMs = NEWSROOM_TIMEOUT_MS): Promise<NewsroomAnswer> {
  const url = matchUrlOf(server.url);
  if (!url) return { ok: false, error: `${server.url} is not an http(s) address: give the server's address, e.g. http://127.0.0.1:8787` };
  const where = new URL(url).host;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchFn(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: controller.signal,
    });
    const body = await res.json().catch(() => null);
    if (!res.ok) return { ok: false, error: `the newsroom server at ${where} refused the request (${res.status}): ${serverError(body)}` };
    const checked = checkMatchResponse(body);
    return 'error' in checked ? { ok: false, error: `${checked.error} (${where})` } : { ok: true, value: checked };
  } catch {
    const why = controller.signal.aborted ? `did not answer within ${timeoutMs / 1000} s` : 'could not be reached';
    return { ok: false, error: `the newsroom server at ${where} ${why}: is it running, and is the address right?` };
  } finally {
    clearTimeout(timer);
  }
}

/** The server's own error message (truncated), or a note that it gave none. */
function serverError(body: unknown): string {
  const error = (body as { error?: unknown } | null)?.error;
  // Printed to terminals and shown on pages: a server's text gets no control characters through.
  return typeof error === 'string' ? error.slice(0, 300).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ') : 'no reason given';
}
