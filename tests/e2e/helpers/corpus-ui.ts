/** The options page and the background as the corpus e2e tests drive them: importing files,
 *  reading the listing and a tab's report, stopping the service worker for real. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import type { CorpusListing, TabState } from '../../../lib/ext/messaging/messages';
import type { Report } from '../../../lib/report/types';
import type { E2eSession } from './session';

/** The options page in a tab, loaded with its corpus listing shown. */
export async function openOptions(session: E2eSession): Promise<Page> {
  const page = await session.open(`chrome-extension://${session.browser.extensionId}/options.html`);
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.locator('.corpus-counts').waitFor({ timeout: 15_000 });
  return page;
}

/** A file for setInputFiles: a path, or a name with its content. */
export type InputFile = string | { name: string; mimeType: string; buffer: Buffer };

/** Chooses `files` in the options page's import field; answers the result's text once the
 *  import has ended (or the progress bar while `waitForEnd` is false). */
export async function chooseImportFiles(options: Page, files: InputFile[], waitForEnd = true): Promise<string> {
  await options.bringToFront(); // a background tab's animation frames are throttled: slow clicks
  const previous = await options.locator('.import-panel .import-result').count();
  // Playwright takes paths or buffers, not both at once: read the paths.
  const payloads = files.map((f) => (typeof f === 'string' ? { name: basename(f), mimeType: 'application/octet-stream', buffer: readFileSync(f) } : f));
  await options.locator('#import-files').setInputFiles(payloads);
  if (!waitForEnd) return '';
  if (previous > 0) await options.locator('.import-progress, .import-panel .import-result').first().waitFor();
  await options.locator('.import-progress').waitFor({ state: 'detached', timeout: 60_000 });
  return options.locator('.import-panel .import-result').innerText();
}

const WORDS = ('committee council district village survey proposal harbour market school river bridge road '
  + 'budget minister report tenant farmer station museum library clinic factory festival orchard quarry '
  + 'ferry tunnel canal meadow chapel granary mill brewery bakery foundry tannery pottery').split(' ');

/** A JSONL file of `n` made-up articles of `outlet`, `paragraphs` paragraphs each. The words
 *  come from a seeded generator, so no two articles share a sentence (nor with the fixture
 *  pages) and the text compresses about as badly as prose does (IndexedDB compresses values). */
export function syntheticJsonl(name: string, n: number, outlet = 'Synthetic Wire', paragraphs = 3): InputFile {
  let seed = [...outlet].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const word = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return WORDS[seed % WORDS.length]!;
  };
  const sentence = (i: number) => `The ${word()} of ${word()} ${i} asked the ${word()} about the ${word()} and the ${word()} near the ${word()} ${seed % 1000}.`;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = Array.from({ length: paragraphs }, () => [sentence(i), sentence(i), sentence(i)].join(' ')).join('\n\n');
    lines.push(JSON.stringify({ id: `syn-${outlet.replace(/\W+/g, '-').toLowerCase()}-${i}`, outlet, url: `https://synthetic.test/${encodeURIComponent(outlet)}/${i}`, title: `Synthetic report ${i}`, text }));
  }
  return { name, mimeType: 'application/x-ndjson', buffer: Buffer.from(`${lines.join('\n')}\n`) };
}

/** The corpus listing, from the background. */
export async function listing(session: E2eSession): Promise<CorpusListing> {
  const answer = await session.callBackground<CorpusListing>('listCorpus', {});
  if (!answer.ok) throw new Error(`listCorpus failed: ${answer.error}`);
  return answer.value;
}

/** The report the background holds for tab `tabId`, once it has one (polls while pending). */
export async function tabReport(session: E2eSession, tabId: number, timeoutMs = 15_000): Promise<Report> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const answer = await session.callBackground<TabState>('getTabState', { tabId });
    if (answer.ok && answer.value.state === 'ok') return answer.value.report;
    if (Date.now() > end) throw new Error(`tab ${tabId} has no report: ${JSON.stringify(answer)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** What a report says, without offsets: each echoed sentence (whitespace squashed) with the
 *  articles and kinds that echo it, sorted — for comparing reports of the same page. */
export function reportMatches(report: Report): string[] {
  return report.sentences
    .filter((s) => s.matches.length > 0)
    .map((s) => `${s.text.replace(/\s+/g, ' ').trim()} <= ${s.matches.map((m) => `${m.articleId}:${m.kind}`).sort().join(', ')}`)
    .sort();
}

interface WorkerVersion { versionId: string; scriptURL: string; runningStatus: string }

/** Stops the extension's service worker for real (DevTools' ServiceWorker.stopWorker, as the
 *  "Stop" button of chrome://serviceworker-internals does) and waits until it has stopped.
 *  Answers a probe that tells whether a worker is a fresh one: a marker set before the stop is
 *  gone from the worker that the next message wakes. */
export async function stopServiceWorker(session: E2eSession): Promise<{ restarted(): Promise<boolean> }> {
  const { context, extensionId } = session.browser;
  await (await session.worker()).evaluate(() => { (globalThis as { echoesE2eAlive?: boolean }).echoesE2eAlive = true; });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?tabId=999999999`);
  const cdp = await context.newCDPSession(page);
  const versions = new Map<string, WorkerVersion>();
  let changed: () => void = () => {};
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
    for (const v of event.versions) versions.set(v.versionId, v);
    changed();
  });
  const ours = () => [...versions.values()].find((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'running');
  const waitFor = async (test: () => boolean, what: string) => {
    const end = Date.now() + 10_000;
    while (!test()) {
      if (Date.now() > end) throw new Error(`service worker: timed out waiting for ${what}`);
      await new Promise<void>((r) => { changed = r; setTimeout(r, 200); });
    }
  };
  try {
    await cdp.send('ServiceWorker.enable');
    await waitFor(() => ours() !== undefined, 'the running version');
    const { versionId } = ours()!;
    await cdp.send('ServiceWorker.stopWorker', { versionId });
    await waitFor(() => versions.get(versionId)?.runningStatus === 'stopped', 'the worker to stop');
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
  return {
    restarted: async () => !(await (await session.worker()).evaluate(() => (globalThis as { echoesE2eAlive?: boolean }).echoesE2eAlive === true)),
  };
}
