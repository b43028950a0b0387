/** What the extension-side bench feeds the browser: the synthetic corpus as .jsonl files a user
 *  would import (each under the per-file limit), and a long article that shares sentences with
 *  that corpus, served on 127.0.0.1 like any news page. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Article } from '../../../lib/corpus/article';
import { MAX_CORPUS_FILE_BYTES } from '../../../lib/corpus/files/decode';
import { articleToJsonLine } from '../../../lib/corpus/files/export';
import { splitSentences } from '../../../lib/text/sentences';
import { longPageParagraphs, renderLongPage } from '../../demo-site/long-page';

/** Writes `articles` as JSONL files of at most `maxBytes` each (default: three quarters of the
 *  import limit) into `dir`; answers their paths in order. */
export function writeCorpusFiles(articles: readonly Article[], dir: string, maxBytes = Math.floor(MAX_CORPUS_FILE_BYTES * 0.75)): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  let lines: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (lines.length === 0) return;
    const path = join(dir, `corpus-${String(paths.length + 1).padStart(2, '0')}.jsonl`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    paths.push(path);
    lines = [];
    bytes = 0;
  };
  for (const article of articles) {
    const line = articleToJsonLine(article);
    const size = Buffer.byteLength(line) + 1;
    if (bytes + size > maxBytes) flush();
    lines.push(line);
    bytes += size;
  }
  flush();
  return paths;
}

/** `count` sentences of at least `minWords` words, one from each of `count` articles spread
 *  evenly over the corpus (so the page echoes old and new articles alike). */
export function echoedSentences(articles: readonly Article[], count: number, minWords = 12): string[] {
  const picked: string[] = [];
  const step = Math.max(1, Math.floor(articles.length / count));
  for (let i = 0; i < articles.length && picked.length < count; i += step) {
    const article = articles[i];
    if (!article) continue;
    const spans = splitSentences(article.text, article.blocks.map((b) => b.start));
    const span = spans.find((s) => s.text.split(/\s+/).length >= minWords);
    if (span) picked.push(span.text);
  }
  return picked;
}

/** The demo site's ~10,000-word long read, with `echoed` placed in every other paragraph. */
export function longArticleHtml(echoed: readonly string[], targetWords = 10_000): string {
  return renderLongPage(longPageParagraphs(echoed, targetWords));
}

/** A server for one page on 127.0.0.1 (a free port): `url` is the page's address. */
export async function servePage(html: string, path = '/long-read.html'): Promise<{ url: string; close(): Promise<void> }> {
  const body = Buffer.from(html);
  const server = createServer((req, res) => {
    const found = new URL(req.url ?? '/', 'http://x').pathname === path;
    res.writeHead(found ? 200 : 404, { 'Content-Type': found ? 'text/html; charset=utf-8' : 'text/plain', 'Cache-Control': 'no-store' });
    res.end(found ? body : 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${path}`, close: () => new Promise((done) => server.close(() => done())) };
}
