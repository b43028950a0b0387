/** Serves the e2e fixture pages (tests/e2e/fixtures/pages) on 127.0.0.1, each at /<file name>. */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the fixtures live. */
export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');
/** The pages served. */
export const PAGES_DIR = join(FIXTURES_DIR, 'pages');
/** A corpus folder (.jsonl, .json, .html) sharing sentences with pages/northern-daily-velden.html. */
export const VELDEN_CORPUS_DIR = join(FIXTURES_DIR, 'velden');

/** The running server: `url(name)` is a page's address. */
export interface FixtureSite { url(name: string): string; close(): Promise<void> }

/** Starts the server on a free port. */
export async function startFixtureSite(): Promise<FixtureSite> {
  const pages = new Map(readdirSync(PAGES_DIR).map((name) => [`/${name}`, readFileSync(join(PAGES_DIR, name))]));
  const server = createServer((req, res) => {
    const body = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(body ? 200 : 404, { 'Content-Type': body ? 'text/html; charset=utf-8' : 'text/plain', 'Cache-Control': 'no-store' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections(); // Chromium keeps connections alive; don't wait for them to time out
    }),
  };
}

/** The files of a corpus folder, as paths for setInputFiles (name order, as the CLI reads them). */
export function corpusFiles(dir: string = VELDEN_CORPUS_DIR): string[] {
  return readdirSync(dir).filter((n) => /\.(txt|html?|jsonl?)$/i.test(n) && n !== 'sources.json').sort().map((n) => join(dir, n));
}
