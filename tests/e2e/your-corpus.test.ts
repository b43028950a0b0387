/** Issue 4 in real Chromium: the user's own corpus. Import a folder's articles through the
 *  options page, see a page's shared sentences highlighted and the new outlets in the popup,
 *  stop the service worker and see the same, export / clear / import the export for the same
 *  report, hide the built-in articles, and "Add this page" from the popup. The tests run in
 *  order on one browser. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../lib/ext/messaging/messages';
import type { Report } from '../../lib/report/types';
import { chooseImportFiles, listing, openOptions, reportMatches, stopServiceWorker, tabReport } from './helpers/corpus-ui';
import { corpusFiles, startFixtureSite, type FixtureSite } from './helpers/fixture-site';
import { markCount, waitForMarks } from './helpers/page-probes';
import { startSession, type E2eSession } from './helpers/session';

const PAGE = 'northern-daily-velden.html';
const NEW_OUTLETS = ['Coastal Times', 'Harbour Gazette', 'Port Wire', 'River News'];
/** Sentences of the page the imported articles share (6 of its 8). */
const ECHOED = 6;

let session: E2eSession;
let fixtures: FixtureSite;
let options: Page;
let page: Page;
let tabId: number;
let firstMatches: string[];

async function popupOutlets(): Promise<string[]> {
  const popup = await session.openPopup(tabId);
  await popup.locator('.outlets .outlet-name').first().waitFor({ timeout: 15_000 });
  const names = await popup.locator('.outlets .outlet-name').allInnerTexts();
  await popup.close();
  return names.sort();
}

/** Reloads the page; answers its fresh report (the background holds 'pending' from the reload
 *  until the content script asked again) once the page shows its highlights. */
async function reloadPage(target: Page = page, tab: number = tabId): Promise<Report> {
  await target.bringToFront(); // a background tab's animation frames (the highlighter's) are throttled
  await target.reload({ waitUntil: 'load' });
  const report = await tabReport(session, tab);
  if (report.summary.echoed > 0) await waitForMarks(target, report.summary.echoed);
  else expect(await markCount(target)).toBe(0);
  return report;
}

beforeAll(async () => {
  [session, fixtures] = await Promise.all([startSession(), startFixtureSite()]);
  options = await openOptions(session);
});

afterAll(async () => {
  await fixtures?.close();
  await session?.close();
});

describe('your own corpus', () => {
  it('imports a folder of articles (.jsonl, .json, .html) through the options page', async () => {
    const result = await chooseImportFiles(options, corpusFiles());
    expect(result).toContain('Added 4 articles.');
    expect(result).toMatch(/wires\.jsonl: 2 articles added/);
    // .json/.jsonl were parsed in the options page's ingest worker, not on its main thread.
    expect(options.workers().map((w) => w.url())).toEqual([expect.stringContaining('ingest-worker')]);
    const corpus = await listing(session);
    expect(corpus.userArticles).toBe(4);
    expect(corpus.outlets.map((o) => o.outlet)).toEqual(expect.arrayContaining(NEW_OUTLETS));
    await options.locator('.article-list', { hasText: 'Crane collapses onto quay at Velden' }).waitFor();
    await session.screenshot(options, 'corpus-options-imported', { fullPage: true });
  });

  it('highlights the sentences a page shares with them, and the popup lists the new outlets', async () => {
    page = await session.open(fixtures.url(PAGE));
    expect(await waitForMarks(page, ECHOED)).toBeGreaterThanOrEqual(ECHOED);
    tabId = await session.tabIdOf(page);
    const report = await tabReport(session, tabId);
    expect(report.summary.echoed).toBe(ECHOED);
    expect([...report.summary.outlets].sort()).toEqual(NEW_OUTLETS);
    firstMatches = reportMatches(report);
    expect(await popupOutlets()).toEqual(NEW_OUTLETS);
    await session.screenshot(page, 'corpus-page-highlighted', { fullPage: true });
    const popup = await session.openPopup(tabId);
    await popup.setViewportSize({ width: 420, height: 760 });
    await popup.locator('.outlets .outlet-name').first().waitFor();
    await session.screenshot(popup, 'corpus-popup-outlets', { fullPage: true });
    await popup.close();
  });

  it('still has them after the service worker was stopped (revived from IndexedDB)', async () => {
    const probe = await stopServiceWorker(session);
    const report = await reloadPage();
    expect(await probe.restarted()).toBe(true);
    expect(reportMatches(report)).toEqual(firstMatches);
    expect(await markCount(page)).toBeGreaterThanOrEqual(ECHOED);
    expect(await popupOutlets()).toEqual(NEW_OUTLETS);
    const diagnostics = await session.callBackground<Diagnostics>('getDiagnostics', {});
    expect(diagnostics.ok && diagnostics.value.userArticles).toBe(4);
    expect(diagnostics.ok && diagnostics.value.userIndexSource).toBe('snapshot');
  });

  it('exports, clears, and imports the export again to the same report', async () => {
    await options.bringToFront();
    await options.reload();
    await options.locator('.corpus-counts').waitFor();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export my articles (JSONL)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('echoes-corpus.jsonl');
    const exported = readFileSync((await download.path())!, 'utf8');
    const lines = exported.trim().split('\n').map((line) => JSON.parse(line) as { id: string; outlet: string; blocks: unknown[] });
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.id)).toEqual(expect.arrayContaining(['coastal-velden-pier', 'gazette-velden-crane', 'portwire-velden-crane']));
    expect(lines.every((l) => Array.isArray(l.blocks) && l.blocks.length > 0)).toBe(true);

    await options.getByRole('button', { name: 'Clear my articles' }).click();
    await options.getByRole('button', { name: 'Remove all' }).click();
    await options.locator('.corpus-counts', { hasText: '0 articles of your own' }).waitFor();
    expect((await listing(session)).userArticles).toBe(0);
    expect((await reloadPage()).summary.echoed).toBe(0);

    const result = await chooseImportFiles(options, [{ name: 'echoes-corpus.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(exported) }]);
    expect(result).toContain('Added 4 articles.');
    expect(reportMatches(await reloadPage())).toEqual(firstMatches);
    // The same file again: every article is a duplicate, nothing changes.
    const again = await chooseImportFiles(options, [{ name: 'echoes-corpus.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(exported) }]);
    expect(again).toContain('Added 0 articles; skipped 4 duplicates.');
    expect((await listing(session)).userArticles).toBe(4);
  });

  it('removes one outlet’s articles, and hides the built-in articles without deleting them', async () => {
    await options.bringToFront();
    await options.getByRole('button', { name: 'Remove my River News articles' }).click();
    await options.getByRole('button', { name: 'Remove them' }).click();
    await options.locator('.corpus-counts', { hasText: '3 articles of your own' }).waitFor();
    const report = await reloadPage();
    expect(report.summary.outlets).not.toContain('River News');
    expect(report.summary.echoed).toBe(ECHOED - 1);

    // The switch's checkbox is visually hidden under its track: click its label, as a person would.
    const builtinSwitch = options.locator('.switch', { hasText: 'Match against the built-in articles' });
    const demo = await session.open(session.site.outlets[0]!.url);
    const demoTab = await session.tabIdOf(demo);
    expect((await tabReport(session, demoTab)).summary.echoed).toBeGreaterThan(0);
    await builtinSwitch.click();
    await options.locator('.corpus-counts', { hasText: '(hidden)' }).waitFor();
    expect((await reloadPage(demo, demoTab)).summary.echoed).toBe(0);
    expect((await listing(session)).builtinArticles).toBeGreaterThan(0);
    await options.bringToFront();
    await session.screenshot(options, 'corpus-options-builtin-hidden', { fullPage: true });
    await builtinSwitch.click();
    await options.locator('.corpus-counts', { hasText: '(hidden)' }).waitFor({ state: 'detached' });
    expect((await reloadPage(demo, demoTab)).summary.echoed).toBeGreaterThan(0);
    await demo.close();
  });

  it('imports one pasted article, and says so when it is pasted again', async () => {
    await options.bringToFront();
    const form = options.locator('.paste-form');
    const paste = async () => {
      await form.locator('[name="outlet"]').fill('Quayside Weekly');
      await form.locator('[name="url"]').fill('https://quayside.test/velden-fishermen');
      await form.locator('[name="published"]').fill('9 May 2024');
      await form.locator('[name="title"]').fill('Fishermen <b>move</b> their boats');
      await form.locator('[name="text"]').fill('Fishermen who moor their boats near the quay were asked to move them to the marina. '
        + 'Several of them said the marina was already full and that they had tied up along the old ferry landing instead.');
      await form.getByRole('button', { name: 'Add to my corpus' }).click();
    };
    await paste();
    const section = options.locator('section', { has: options.locator('#paste-heading') });
    await section.locator('.added-article').waitFor();
    expect(await section.locator('.added-article dd').allInnerTexts())
      .toEqual(['Quayside Weekly', 'Fishermen <b>move</b> their boats', '2024-05-09', 'https://quayside.test/velden-fishermen']);
    expect((await listing(session)).outlets.map((o) => o.outlet)).toContain('Quayside Weekly');
    await paste();
    await section.locator('.import-summary', { hasText: 'skipped 1 duplicate' }).waitFor();
    await session.screenshot(options, 'corpus-options-pasted');
  });

  it('"Add this page to my corpus" in the popup adds the page with its outlet, title, date and URL', async () => {
    const options = await openOptions(session); // open beside the popup: it must list the page without a reload
    expect(await options.getByText('Northern Daily').count()).toBe(0);
    const popup = await session.openPopup(tabId);
    await popup.setViewportSize({ width: 420, height: 700 });
    await popup.getByRole('button', { name: 'Add this page to my corpus' }).click();
    const added = popup.locator('.added-article');
    await added.waitFor({ timeout: 15_000 });
    expect(await added.locator('dd').allInnerTexts()).toEqual([
      'Northern Daily', 'Velden pier closed after crane collapse', '2024-05-07', fixtures.url(PAGE),
    ]);
    await session.screenshot(popup, 'corpus-popup-added-page', { fullPage: true });
    await popup.close();
    expect((await listing(session)).outlets.map((o) => o.outlet)).toContain('Northern Daily');
    await options.getByText('Northern Daily').first().waitFor({ timeout: 10_000 });
    await options.close();

    const again = await session.openPopup(tabId);
    await again.getByRole('button', { name: 'Add this page to my corpus' }).click();
    await again.locator('.add-page-title', { hasText: 'Not added' }).waitFor({ timeout: 15_000 });
    expect(await again.locator('.add-page-title').innerText()).toMatch(/^Not added: same (URL|text) as "Velden pier closed after crane collapse"\.$/);
    await again.close();
    // The page's own article is never reported as an echo of itself.
    const report = await reloadPage();
    expect(report.summary.outlets).not.toContain('Northern Daily');
    expect(report.summary.echoed).toBe(ECHOED - 1);
  });
});
