/** The 24 saved real news pages (../shared), in Chromium and Firefox, each with three seed
 *  sentences put into its article paragraphs: nothing of ours throws, the seed sentences get highlighted, and
 *  highlight-then-switch-off leaves the page's markup exactly as a fresh load with Echoes off. */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRealPages, REAL_PAGES_DIR } from '../../scripts/demo-site/real-pages';
import { forEachBrowser } from './helpers/browsers/for-each-browser';
import type { E2eBrowser } from './helpers/browsers/types';
import { bodySnapshot, firstDifference, markedSentences, MARK, sentenceWith, waitForNoMarks } from './helpers/page-probes';

const present = existsSync(REAL_PAGES_DIR);
if (!present) console.warn(`real-pages e2e skipped: ${REAL_PAGES_DIR} is absent (it comes with ../shared).`);

type TabState = { state: string; report?: { summary: { echoed: number; sentences: number } } };

type Row = { site: string; sentences: number; echoed: number; inserted: number; highlighted: number; ms: number | null; findTaskMs: number | null; bytes: number; csp: number };

/** Polls the background until the tab's scan is over (anything but pending); the last state. */
async function settledState(session: E2eBrowser, tabId: number, timeoutMs = 30_000): Promise<TabState | null> {
  const end = Date.now() + timeoutMs;
  let last: TabState | null = null;
  while (Date.now() < end) {
    const answer = await session.callBackground<TabState>('getTabState', { tabId });
    last = answer.ok ? answer.value : null;
    if (last && last.state !== 'pending') return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  return last;
}

async function setSite(session: E2eBrowser, enabled: boolean): Promise<void> {
  const answer = await session.callBackground('setSiteEnabled', { site: new URL(session.site.indexUrl).host.replace(/:\d+$/, ''), enabled });
  expect(answer.ok, answer.ok ? '' : answer.error).toBe(true);
}

/** Prints what each page took, as the content script logged it. */
function printSummary(browserName: string, summary: Row[]): void {
  if (summary.length === 0) return;
  console.log(`[e2e timing] real pages in ${browserName} (content script's "[echoes] highlighted N sentences in X ms"):`);
  for (const row of summary) {
    console.log(`  ${row.site.padEnd(15)} ${String(row.bytes).padStart(8)} bytes  ${row.sentences} sentences, ${row.echoed} echoed, ${row.highlighted}/${row.inserted} inserted highlighted, ${row.ms === null ? 'no timing logged' : `${row.ms} ms`}${row.findTaskMs === null ? '' : ` (longest task of ours finding the article: ${row.findTaskMs} ms)`}, ${row.csp} CSP reports from us`);
  }
  const largest = [...summary].sort((a, b) => b.bytes - a.bytes)[0];
  if (largest) console.log(`[e2e timing] largest real page in ${browserName}: ${largest.site} (${largest.bytes} bytes): ${largest.ms === null ? 'no timing logged' : `${largest.ms} ms`}`);
}

describe.skipIf(!present)('saved real pages', () => {
  forEachBrowser('real pages', (ctx) => {
    const summary: Row[] = [];
    let session: E2eBrowser;

    beforeAll(() => {
      session = ctx.session;
    });

    afterAll(() => {
      printSummary(ctx.name, summary);
    });

    it.each(listRealPages())('%s', async (site) => {
      const entry = session.site.realPages.find((p) => p.site === site)!;
      await setSite(session, true);
      const page = await session.open(entry.echoUrl);
      const tabId = await session.tabIdOf(page);
      const state = await settledState(session, tabId);
      const timing = await session.console.waitForTiming(page.url(), 3_000);
      const marked = await markedSentences(page);
      const highlighted = entry.inserted.filter((s) => sentenceWith(marked, s.slice(0, 60)) !== undefined);
      summary.push({
        site, sentences: state?.report?.summary.sentences ?? 0, echoed: state?.report?.summary.echoed ?? 0,
        inserted: entry.inserted.length, highlighted: highlighted.length, ms: timing?.ms ?? null, findTaskMs: timing?.findTaskMs ?? null,
        bytes: Buffer.byteLength(await (await fetch(entry.echoUrl)).text()), csp: session.console.cspReportsFromUs(page.url()).length,
      });
      if (site === 'cnn' || site === 'lemonde-1') {
        await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), MARK);
        await session.screenshot(page, `real-${site}`);
      }
      expect(state?.state, `tab state of ${site}`).toBe('ok');
      expect(session.console.cspReportsFromUs(page.url()), `${site}: CSP reports caused by Echoes`).toEqual([]);
      expect(highlighted.length, `none of the inserted seed sentences was highlighted on ${site}`).toBeGreaterThan(0);

      await setSite(session, false);
      expect(await waitForNoMarks(page)).toBe(0);
      const cleared = await bodySnapshot(page);
      const pristinePage = await session.open(entry.echoUrl);
      await settledState(session, await session.tabIdOf(pristinePage), 5_000);
      const pristine = await bodySnapshot(pristinePage);
      expect(firstDifference(pristine.html, cleared.html), `${site}: markup differs after switching off`).toBeNull();
      expect(session.console.echoesProblems(page.url())).toEqual([]);
      await pristinePage.close();
      await page.close();
    }, 90_000);
  });
});
