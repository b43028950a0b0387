/** Issue 14 in real Chromium: a newsroom server (the real API over a throw-away PostgreSQL)
 *  added on the options page. A page whose sentences only the server holds is highlighted, and
 *  the popup names the server's outlets; the local corpus knows none of them. Chromium only:
 *  Firefox asks for its data-collection consent in a prompt no test can answer. Its own build
 *  (`--mode newsroom-e2e`) grants 127.0.0.1 at install, as the feeds e2e's does (no test can
 *  click Chromium's permission prompt either; the options page still asks, and is answered at
 *  once). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../lib/server/import-files';
import { startNewsroom, type TestNewsroom } from '../helpers/newsroom';
import { postgresAvailable, usePostgres } from '../helpers/postgres';
import { startE2eBrowser } from './helpers/browsers/e2e-browser';
import { pollUntil } from './helpers/browsers/poll';
import { click } from './helpers/browsers/pointer';
import type { E2eBrowser, E2ePage } from './helpers/browsers/types';
import { tabReport } from './helpers/corpus-ui';
import { startFixtureSite, VELDEN_CORPUS_DIR, type FixtureSite } from './helpers/fixture-site';
import { waitForMarks } from './helpers/page-probes';

const ROOT = join(__dirname, '../..');
const BUILD = { dir: join(ROOT, '.output/chrome-mv3-newsroom-e2e'), command: 'npx wxt build --mode newsroom-e2e' };
const PAGE = 'northern-daily-velden.html';
/** The velden articles' outlets, which only the server holds; 6 of the page's sentences echo them. */
const SERVER_OUTLETS = ['Coastal Times', 'Harbour Gazette', 'Port Wire', 'River News'];
const ECHOED = 6;

describe.runIf(postgresAvailable)('chromium: newsroom server', () => {
  const db = usePostgres();
  let server: TestNewsroom;
  let fixtures: FixtureSite;
  let session: E2eBrowser;
  let options: E2ePage;

  beforeAll(async () => {
    execFileSync('npx', ['wxt', 'build', '--mode', 'newsroom-e2e'], { cwd: ROOT, stdio: 'ignore' });
    server = await startNewsroom(db.url());
    const imported = await importPaths(server.pool, [VELDEN_CORPUS_DIR], () => undefined);
    if (!imported.ok || imported.totals.added !== 4) throw new Error(`velden corpus not imported: ${JSON.stringify(imported)}`);
    fixtures = await startFixtureSite();
    session = await startE2eBrowser('chromium', { chromium: BUILD });
    options = await session.openOptions();
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    await fixtures?.close();
    await server?.close();
  });

  const outletsOf = async (page: E2ePage) => {
    const report = await tabReport(session, await session.tabIdOf(page));
    return { report, outlets: [...report.summary.outlets].sort() };
  };

  it('without a server, the page echoes none of the server\'s outlets', async () => {
    const page = await session.open(fixtures.url(PAGE));
    const { report, outlets } = await outletsOf(page);
    expect(outlets.filter((o) => SERVER_OUTLETS.includes(o))).toEqual([]);
    expect(report.newsroom).toBeUndefined();
    await page.close();
  }, 60_000);

  it('added on the options page, the server\'s sentences are highlighted and the popup names its outlets', async () => {
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
});
