/** Every request Echoes makes for feeds: a plain GET without cookies or credentials
 *  (`credentials: 'omit'`), one at a time per host with HOST_SPACING_MS between them, a
 *  timeout, a size cap, and the feed's validators (ETag, Last-Modified) for a 304. Failures are
 *  values in plain words, never exceptions. */
import { HOST_SPACING_MS, nextSlotMs } from '../../corpus/feeds/schedule';

/** Longest wait for one answer (ms). */
export const FETCH_TIMEOUT_MS = 20_000;
/** Largest answer read (bytes): a bigger feed or page is refused, not read whole. */
export const MAX_FETCH_BYTES = 5 * 1024 * 1024;

/** What a fetch answered: the text (with the validators for next time), a 304, or why not. */
export type Fetched =
  | { ok: true; status: 200; text: string; url: string; etag: string | null; lastModified: string | null }
  | { ok: true; status: 304 }
  | { ok: false; error: string };

/** How a fetch is made; `fetch`, `now` and `sleep` are injected for tests. */
export interface FetchDeps {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  spacingMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
}

/** One queue per host: requests to a host wait for the previous one and the spacing after it. */
export class PoliteFetcher {
  private readonly lastAt = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Every address asked for, in order (the e2e and the tests check them). */
  readonly log: string[] = [];

  constructor(private readonly deps: FetchDeps = {}) {}

  /** GETs `url`, waiting its turn for its host. `validators`: the last answer's ETag and
   *  Last-Modified, sent as If-None-Match / If-Modified-Since. */
  get(url: string, validators: { etag?: string | null; lastModified?: string | null } = {}): Promise<Fetched> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return Promise.resolve({ ok: false, error: `"${url.slice(0, 200)}" is not a web address` });
    }
    const previous = this.queues.get(host) ?? Promise.resolve();
    const run = previous.then(() => this.waitTurn(host)).then(() => this.request(url, validators));
    this.queues.set(host, run.catch(() => undefined));
    return run;
  }

  private async waitTurn(host: string): Promise<void> {
    const now = this.deps.now ?? Date.now;
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const at = nextSlotMs(this.lastAt.get(host) ?? null, now(), this.deps.spacingMs ?? HOST_SPACING_MS);
    if (at > now()) await sleep(at - now());
    this.lastAt.set(host, now());
  }

  private async request(url: string, validators: { etag?: string | null; lastModified?: string | null }): Promise<Fetched> {
    this.log.push(url);
    const headers: Record<string, string> = {};
    if (validators.etag) headers['If-None-Match'] = validators.etag;
    if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    const timeoutMs = this.deps.timeoutMs ?? FETCH_TIMEOUT_MS;
    let response: Response;
    try {
      response = await (this.deps.fetch ?? fetch)(url, {
        method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'follow', referrerPolicy: 'no-referrer',
        headers, signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { ok: false, error: networkError(error, timeoutMs) };
    }
    if (response.status === 304) return { ok: true, status: 304 };
    if (!response.ok) return { ok: false, error: httpError(response.status) };
    const text = await readCapped(response, this.deps.maxBytes ?? MAX_FETCH_BYTES);
    if (!text.ok) return text;
    return {
      ok: true, status: 200, text: text.text, url: response.url || url,
      etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'),
    };
  }
}

/** The body as text, refused past `maxBytes` (read in pieces, so a huge answer is cut off). */
async function readCapped(response: Response, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const tooBig = { ok: false as const, error: `the answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, so it was not read` };
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return response.body?.cancel(), tooBig;
  if (!response.body) return { ok: true, text: await response.text() };
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) return void reader.cancel().catch(() => undefined), tooBig;
      parts.push(value);
    }
  } catch (error) {
    return { ok: false, error: `the answer broke off while it was read (${error instanceof Error ? error.message : String(error)})` };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) bytes.set(part, at), (at += part.byteLength);
  return { ok: true, text: new TextDecoder().decode(bytes) };
}

function httpError(status: number): string {
  if (status === 404 || status === 410) return `the address answered ${status} (not found): the feed may have moved; check the address on the site`;
  if (status === 401 || status === 403) return `the address answered ${status} (not allowed): the site refuses to give this feed without a login`;
  if (status === 429) return 'the site answered 429 (too many requests): Echoes will wait longer before asking again';
  if (status >= 500) return `the site answered ${status} (a server error): it will be tried again later`;
  return `the address answered ${status} instead of a feed`;
}

function networkError(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000} s: the site may be down; it will be tried again later`;
  // A redirect loop, DNS failure, refused connection and a missing host permission all reach
  // fetch as the same TypeError: say what they have in common.
  return 'the site could not be reached (no connection, a redirect loop, or no permission for the address): check the address, then use "Refresh now"';
}
