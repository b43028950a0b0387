/** A stopped service worker woken by a page: it must answer the page's first matchPage with the
 *  highlights, and the test prints how long that took from the worker's start (a figure, not an
 *  assertion: the machine is shared). The worker is stopped the way Chromium stops an idle one,
 *  through the DevTools protocol's ServiceWorker.stopWorker. */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForMarks } from './helpers/page-probes';
import { startSession, type E2eSession } from './helpers/session';

let session: E2eSession;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

interface Diagnostics {
  serviceStartMs: number | null; indexFetchMs: number | null; indexReviveMs: number | null;
  indexReadyMs: number | null; firstAnswerMs: number | null; lastMatchMs: number | null;
}

/** Our worker's running status as the DevTools protocol reports it ('running', 'stopped', ...). */
function watchWorker(cdp: CDPSession, extensionId: string): { stopNow(): Promise<void>; until(status: string, timeoutMs?: number): Promise<void> } {
  let current = 'unknown';
  let versionId = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
    for (const v of event.versions) {
      if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) [current, versionId] = [v.runningStatus, v.versionId];
    }
  });
  return {
    // stopAllWorkers leaves an extension's worker running; stopping its version works, though
    // a stop sent while the worker handles an event can be ignored: send it again.
    async stopNow() {
      for (let attempt = 0; attempt < 5; attempt++) {
        await cdp.send('ServiceWorker.stopWorker', { versionId });
        if (await this.until('stopped', 2_000).then(() => true, () => false)) return;
      }
      throw new Error('the worker did not stop');
    },
    async until(status, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (current !== status && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      if (current !== status) throw new Error(`the worker stayed ${current}, not ${status}`);
    },
  };
}

it('a stopped worker wakes for a page, answers it, and prints the cold start', async () => {
  const control: Page = await session.browser.context.newPage();
  const cdp = await session.browser.context.newCDPSession(control);
  const worker = watchWorker(cdp, session.browser.extensionId);
  await cdp.send('ServiceWorker.enable');
  const runs: Diagnostics[] = [];
  const trt = session.site.outlets[0]!;
  for (let run = 0; run < 3; run++) {
    await worker.until('running');
    await worker.stopNow();
    const page = await session.open(trt.url);
    const marks = await waitForMarks(page, 1, 15_000);
    const said = session.console.entries.filter((e) => e.pageUrl === page.url()).map((e) => e.text);
    expect(marks, `the woken worker gave no highlights; the page's console: ${JSON.stringify(said)}`).toBeGreaterThan(0);
    const answer = await session.callBackground<Diagnostics>('getDiagnostics', {});
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.value.firstAnswerMs, 'the woken worker did not record its first answer').not.toBeNull();
    runs.push(answer.value);
    await page.close();
  }
  const line = (d: Diagnostics) => `script ${d.serviceStartMs} ms, index ready ${d.indexReadyMs} ms (fetch ${d.indexFetchMs}, revive ${d.indexReviveMs}), first answer ${d.firstAnswerMs} ms (match ${d.lastMatchMs} ms)`;
  console.log(`[e2e timing] cold start on the seed corpus, from the worker's start:\n${runs.map((d, i) => `  run ${i + 1}: ${line(d)}`).join('\n')}`);
  await cdp.detach();
  await control.close();
}, 90_000);
