/** Issue 14 in real browsers: a newsroom server (the real API over a throw-away PostgreSQL)
 *  added on the options page. A page whose sentences only the server holds is highlighted, and
 *  the popup names the server's outlets; the local corpus knows none of them.
 *  No test can click a browser's permission prompt, so each browser is given the answer a
 *  person would give, and the options page still asks in the click that adds the server:
 *  - Chromium runs this file's own build (`--mode newsroom-e2e`), which grants 127.0.0.1 at
 *    install, as the feeds e2e's does; the request is then answered at once.
 *  - Firefox runs the shipped build, unchanged, in a profile where
 *    `extensions.webextOptionalPermissionPrompts` is off: Firefox grants an optional request
 *    instead of showing its prompt. The click still has to ask for both the server's origin and
 *    the "website content" data-collection consent (without the pref the prompt is never
 *    answered and the server is not added: checked), and the page is matched only once both
 *    are held (mayReach checks them again on every page). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../lib/server/import-files';
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom';
import { postgresAvailable, usePostgres } from '../helpers/postgres';
import { forEachBrowser } from './helpers/browsers/for-each-browser';
import { pollUntil } from './helpers/browsers/poll';
import { click } from './helpers/browsers/pointer';
import type { E2ePage } from './helpers/browsers/types';
import { tabReport } from './helpers/corpus-ui';
import { startFixtureSite, VELDEN_CORPUS_DIR, type FixtureSite } from './helpers/fixture-site';
import { waitForMarks } from './helpers/page-probes';

const ROOT = join(__dirname, '../..');
const BUILDS = { chromium: { dir: join(ROOT, '.output/chrome-mv3-newsroom-e2e'), command: 'npx wxt build --mode newsroom-e2e' } };
const PAGE = 'northern-daily-velden.html';
/** The velden articles' outlets, which only the server holds; 6 of the page's sentences echo them. */
const SERVER_OUTLETS = ['Coastal Times', 'Harbour Gazette', 'Port Wire', 'River News'];
const ECHOED = 6;

describe.runIf(postgresAvailable)('newsroom server', () => {
  const db = usePostgres();
  let server: TestNewsroom;
  let fixtures: FixtureSite;

  beforeAll(async () => {
    execFileSync('npx', ['wxt', 'build', '--mode', 'newsroom-e2e'], { cwd: ROOT, stdio: 'ignore' });
    server = await startNewsroom(db.url());
    const imported = await importPaths(server.pool, [VELDEN_CORPUS_DIR], () => undefined);
    if (!imported.ok || imported.totals.added !== 4) throw new Error(`velden corpus not imported: ${JSON.stringify(imported)}`);
    fixtures = await startFixtureSite();
  }, 300_000);
  afterAll(async () => {
    await fixtures?.close();
    await server?.close();
  });

  forEachBrowser('added on the options page', (ctx) => {
    let options: E2ePage;
    const outletsOf = async (page: E2ePage) => {
      const report = await tabReport(ctx.session, await ctx.session.tabIdOf(page));
      return { report, outlets: [...report.summary.outlets].sort() };
    };

    it('without a server, the page echoes none of the server\'s outlets', async () => {
      options = await ctx.session.openOptions();
      const page = await ctx.session.open(fixtures.url(PAGE));
      const { report, outlets } = await outletsOf(page);
      expect(outlets.filter((o) => SERVER_OUTLETS.includes(o))).toEqual([]);
      expect(report.newsroom).toBeUndefined();
      await page.close();
    }, 60_000);

    it('added on the options page, the server\'s sentences are highlighted and the popup names its outlets', async () => {
      const { session } = ctx;
      await options.evaluate(({ url, token }) => {
        const [address, secret] = [...document.querySelectorAll<HTMLInputElement>('.newsroom-form form input')];
        for (const [input, value] of [[address, url], [secret, token]] as const) {
          input!.value = value;
          input!.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }, { url: server.url, token: server.token });
      await click(options, { selector: '.newsroom-form button[type=submit]', hasText: 'Add server' });
      const using = await pollUntil(async () => (await options.evaluate(() => document.querySelector('.newsroom-form strong')?.textContent ?? '')) === server.url, 15_000);
      expect(using).toBe(true);
      await session.screenshot(options, 'newsroom-options', { fullPage: true });

      const page = await session.open(fixtures.url(PAGE));
      expect(await waitForMarks(page, ECHOED, 30_000)).toBeGreaterThanOrEqual(ECHOED);
      const { report, outlets } = await outletsOf(page);
      expect(report.summary.echoed).toBe(ECHOED);
      expect(outlets).toEqual(expect.arrayContaining(SERVER_OUTLETS));
      expect([...(report.newsroom?.outlets ?? [])].sort()).toEqual(SERVER_OUTLETS);
      const popup = await session.openPopup(await session.tabIdOf(page));
      const note = await pollUntil(async () => (await popup.evaluate(() => document.querySelector('.newsroom-note')?.textContent ?? '')).startsWith('From your newsroom server:'), 15_000);
      expect(note).toBe(true);
      const text = await popup.evaluate(() => document.querySelector('.newsroom-note')?.textContent ?? '');
      for (const outlet of SERVER_OUTLETS) expect(text).toContain(outlet);
      await session.screenshot(page, 'newsroom-page', { fullPage: true });
      await session.screenshot(popup, 'newsroom-popup', { fullPage: true });
    }, 120_000);
  }, { builds: BUILDS, firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } });
});
