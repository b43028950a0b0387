/** "Remember what I read" end to end, in Chromium and Firefox: switched on with one site
 *  (127.0.0.1) on the options page, two outlets' articles read there join the corpus, and a
 *  third outlet's page on another site (localhost), sharing their sentences, is highlighted
 *  with both outlets in the popup; that page, its site not listed, is not remembered. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { articlePage } from '../unit/corpus/feeds/feed-samples';
import { forEachBrowser } from './helpers/browsers/for-each-browser';
import { pollUntil } from './helpers/browsers/poll';
import { click } from './helpers/browsers/pointer';
import type { E2eBrowser, E2ePage } from './helpers/browsers/types';
import { PAGES_DIR, VELDEN_CORPUS_DIR } from './helpers/fixture-site';
import { waitForSelector } from './helpers/dom-probes';
import { waitForMarks } from './helpers/page-probes';

interface Listed { origin: string; outlet: string; url: string | null }

/** The two wires' Velden reports as their outlets' pages, dated today (older ones would be past
 *  the 30 days the corpus keeps), and the Northern Daily's report that shares their sentences. */
function readingPages(): Map<string, string> {
  const wires = readFileSync(join(VELDEN_CORPUS_DIR, 'wires.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; outlet: string; title: string; text: string });
  const today = new Date().toISOString();
  const pages = new Map(wires.map((w) => [`/${w.id}.html`, articlePage(w.outlet, {
    id: w.id, url: '', title: w.title, published: today, paragraphs: w.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
  })]));
  // Dated today too, so only its site keeps it out of the corpus, not its age.
  pages.set('/reader/story.html', readFileSync(join(PAGES_DIR, 'northern-daily-velden.html'), 'utf8').replace('2024-05-07T08:15:00Z', today));
  return pages;
}

let origin = '';
const asked: string[] = [];
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  asked.push(path);
  const body = pages.get(path);
  res.writeHead(body ? 200 : 404, { 'Content-Type': body ? 'text/html; charset=utf-8' : 'text/plain', 'Cache-Control': 'no-store' }).end(body ?? 'not found');
});
const pages = readingPages();
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => {
  server.close(() => done());
  server.closeAllConnections();
}));

async function userArticles(session: E2eBrowser): Promise<Listed[]> {
  const listing = await session.callBackground<{ articles: Listed[] }>('listCorpus', {});
  if (!listing.ok) throw new Error(listing.error);
  return listing.value.articles.filter((a) => a.origin === 'user');
}

async function waitForArticles(session: E2eBrowser, count: number): Promise<Listed[]> {
  let last: Listed[] = [];
  const ok = await pollUntil(async () => (last = await userArticles(session)).length >= count, 30_000, 250);
  if (!ok) throw new Error(`expected ${count} remembered articles; the corpus has ${JSON.stringify(last)}`);
  return last;
}

forEachBrowser('remember what I read', (ctx) => {
  let session: E2eBrowser;
  let options: E2ePage;
  beforeAll(async () => {
    session = ctx.session;
    options = await session.openOptions();
  });

  it('is switched on with a site on the options page', async () => {
    expect(await session.callBackground('getReadingMemory', {})).toEqual({ ok: true, value: { enabled: false, sites: [] } });
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#reading-site-input')!;
      input.value = '127.0.0.1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(options, { selector: 'form.add-reading-site button', hasText: 'Add' });
    await waitForSelector(options, '.reading-sites li', '127.0.0.1');
    await click(options, { selector: '.reading-memory label.switch', hasText: 'Add the articles I read' });
    const stored = await pollUntil(async () => {
      const memory = await session.callBackground<{ enabled: boolean; sites: string[] }>('getReadingMemory', {});
      return memory.ok && memory.value.enabled && memory.value.sites.join() === '127.0.0.1';
    }, 10_000);
    expect(stored).toBe(true);
    expect(await options.evaluate(() => document.querySelector('.reading-sites')?.textContent ?? '')).toContain('127.0.0.1');
    await session.screenshot(options, 'reading-options', { fullPage: true });
  }, 60_000);

  it('two outlets\' pages read on the listed site join the corpus', async () => {
    const port = await session.open(`${origin}/portwire-velden-crane.html`);
    expect((await waitForArticles(session, 1)).map((a) => a.outlet)).toEqual(['Port Wire']);
    const gazette = await session.open(`${origin}/gazette-velden-crane.html`);
    const remembered = await waitForArticles(session, 2);
    expect(remembered.map((a) => [a.outlet, a.url]).sort()).toEqual([
      ['Harbour Gazette', `${origin}/gazette-velden-crane.html`], ['Port Wire', `${origin}/portwire-velden-crane.html`],
    ]);
    await port.close();
    await gazette.close();
  }, 90_000);

  it('a third outlet\'s page sharing their sentences is highlighted, both outlets in the popup; its site, not listed, is not remembered', async () => {
    const reader = await session.open(`${origin}/reader/story.html`.replace('127.0.0.1', 'localhost'));
    expect(await waitForMarks(reader, 3, 30_000)).toBeGreaterThanOrEqual(3);
    await session.screenshot(reader, 'reading-highlighted');
    const popup = await session.openPopup(await session.tabIdOf(reader));
    const text = () => popup.evaluate(() => document.body.textContent ?? '');
    expect(await pollUntil(async () => /Port Wire/.test(await text()) && /Harbour Gazette/.test(await text()), 15_000)).toBe(true);
    await session.screenshot(popup, 'reading-popup');
    // Given time to say it was read, the unlisted page is still not in the corpus.
    await new Promise((done) => setTimeout(done, 1_500));
    expect((await userArticles(session)).map((a) => a.outlet).sort()).toEqual(['Harbour Gazette', 'Port Wire']);
    expect(session.console.echoesProblems()).toEqual([]);
  }, 90_000);

  it('Echoes asked the site for nothing: only the browser\'s own page loads reached it', () => {
    expect(new Set(asked.filter((p) => p !== '/favicon.ico'))).toEqual(new Set(['/portwire-velden-crane.html', '/gazette-velden-crane.html', '/reader/story.html']));
  });
});
