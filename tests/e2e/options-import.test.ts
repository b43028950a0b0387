/** Importing the user's own articles through the options page, in Chromium and Firefox: a
 *  folder of .jsonl, .json and .html files adds its outlets, a 127.0.0.1 page that shares
 *  sentences with them is highlighted, the popup lists them and adds the page itself (the
 *  background reads the article out of the page's HTML: Firefox's background page, Chrome's
 *  offscreen document); no errors from our scripts. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssFeed, storyParagraphs } from '../unit/corpus/feeds/feed-samples';
import { forEachBrowser } from './helpers/browsers/for-each-browser';
import { pollUntil } from './helpers/browsers/poll';
import { click } from './helpers/browsers/pointer';
import type { E2eBrowser, E2ePage } from './helpers/browsers/types';
import { chooseImportFiles, listing, tabReport } from './helpers/corpus-ui';
import { texts, waitForSelector } from './helpers/dom-probes';
import { corpusFiles, startFixtureSite, type FixtureSite } from './helpers/fixture-site';
import { waitForMarks } from './helpers/page-probes';

const PAGE = 'northern-daily-velden.html';
const NEW_OUTLETS = ['Coastal Times', 'Harbour Gazette', 'Port Wire', 'River News'];
/** Sentences of the page the imported articles share (6 of its 8). */
const ECHOED = 6;

let fixtures: FixtureSite;

beforeAll(async () => {
  fixtures = await startFixtureSite();
});

afterAll(async () => {
  await fixtures?.close();
});

forEachBrowser('importing through the options page', (ctx) => {
  let session: E2eBrowser;
  let options: E2ePage;
  let tabId: number;

  beforeAll(async () => {
    session = ctx.session;
    options = await session.openOptions();
  });

  describe('a folder of articles', () => {
    it('is imported, and the options page lists its outlets and articles', async () => {
      const result = await chooseImportFiles(options, corpusFiles());
      expect(result).toContain('Added 4 articles.');
      expect(result).toMatch(/wires\.jsonl: 2 articles added/);
      const corpus = await listing(session);
      expect(corpus.userArticles).toBe(4);
      expect(corpus.outlets.map((o) => o.outlet)).toEqual(expect.arrayContaining(NEW_OUTLETS));
      await waitForSelector(options, '.article-list', 'Crane collapses onto quay at Velden');
      await session.screenshot(options, 'options-imported', { fullPage: true });
    });

    it('stored its index snapshot as Blobs that this browser\'s IndexedDB gives back whole (what a restarted background reads)', async () => {
      const stored = await options.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('echoes');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const record = await new Promise<any>((resolve) => {
          const get = db.transaction('state').objectStore('state').get('snapshot');
          get.onsuccess = () => resolve(get.result);
        });
        db.close();
        const columns = await Promise.all(record.columns.map(async (c: { blob: Blob; places: Array<{ offset: number; length: number; kind: string }> }) => ({
          isBlob: c.blob instanceof Blob,
          bytes: (await c.blob.arrayBuffer()).byteLength,
          needed: Math.max(...c.places.map((p) => p.offset + p.length * ({ u8: 1, u16: 2, u32: 4 } as Record<string, number>)[p.kind]!)),
        })));
        const text = new TextDecoder().decode(await (record.strings.blob as Blob).arrayBuffer());
        const meta = JSON.parse(text.slice(0, record.strings.ends[0])) as unknown[];
        return { columns, rows: meta.filter((row) => row !== null).length };
      });
      expect(stored.columns).toHaveLength(2);
      for (const c of stored.columns) expect(c.isBlob && c.bytes >= c.needed && c.needed > 0).toBe(true);
      expect(stored.rows).toBe(4);
    });

    it('echoes on a page that shares their sentences, and the popup lists the new outlets', async () => {
      const page = await session.open(fixtures.url(PAGE));
      expect(await waitForMarks(page, ECHOED)).toBeGreaterThanOrEqual(ECHOED);
      tabId = await session.tabIdOf(page);
      const report = await tabReport(session, tabId);
      expect(report.summary.echoed).toBe(ECHOED);
      expect([...report.summary.outlets].sort()).toEqual(NEW_OUTLETS);
      const popup = await session.openPopup(tabId);
      await popup.setViewportSize({ width: 420, height: 760 });
      await waitForSelector(popup, '.outlets .outlet-name');
      expect((await texts(popup, '.outlets .outlet-name')).sort()).toEqual(NEW_OUTLETS);
      await session.screenshot(popup, 'options-import-popup', { fullPage: true });
      await popup.close();
    });

    it('"Add this page to my corpus" in the popup adds the page with its outlet, title, date and URL', async () => {
      const popup = await session.openPopup(tabId);
      await popup.setViewportSize({ width: 420, height: 700 });
      await waitForSelector(popup, '.add-page-button');
      await click(popup, '.add-page-button');
      await waitForSelector(popup, '.added-article dd');
      expect(await texts(popup, '.added-article dd')).toEqual([
        'Northern Daily', 'Velden pier closed after crane collapse', '2024-05-07', fixtures.url(PAGE),
      ]);
      await session.screenshot(popup, 'popup-added-page', { fullPage: true });
      await popup.close();
      expect((await listing(session)).outlets.map((o) => o.outlet)).toContain('Northern Daily');
    });

    it('left no errors from our scripts (pages, content scripts, background)', () => {
      expect(session.console.echoesProblems()).toEqual([]);
    });

    it('would have seen one: an error thrown in an extension page reaches the console watch', async () => {
      await options.evaluate(() => { setTimeout(() => { throw new Error('a deliberate e2e error'); }, 0); });
      const seen = await pollUntil(() => session.console.echoesProblems().some((e) => e.text.includes('a deliberate e2e error')), 10_000);
      expect(seen, JSON.stringify(session.console.entries.slice(-5))).toBe(true);
    });
  });

  describe('a saved feed file', () => {
    it('is read one article per item (in the ingest worker), its outlet the feed\'s title', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'echoes-feed-file-'));
      const stories = [1, 2].map((n) => ({ id: `g${n}`, url: `https://grau.example/${n}.html`, title: `Grau <b>council</b> ${n}`, published: `2026-12-0${n}T06:00:00Z`, paragraphs: storyParagraphs('Grau', 20 + n, 6) }));
      const path = join(dir, 'grau-post.rss');
      writeFileSync(path, rssFeed('Grau Post', 'https://grau.example/', stories));
      const result = await chooseImportFiles(options, [path]);
      expect(result).toContain('Added 2 articles.');
      const corpus = await listing(session);
      expect(corpus.articles.filter((a) => a.outlet === 'Grau Post').map((a) => a.title).sort()).toEqual(['Grau council 1', 'Grau council 2']);
    });
  });
});
