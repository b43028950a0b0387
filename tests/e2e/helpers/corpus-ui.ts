/** The options page and the background as the corpus e2e tests drive them: importing files,
 *  reading the listing and a tab's report, stopping the service worker for real. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CorpusListing, TabState } from '../../../lib/ext/messaging/messages';
import type { Report } from '../../../lib/report/types';
import { pollUntil } from './browsers/poll';
import type { E2eBrowser, E2ePage } from './browsers/types';
import { texts } from './dom-probes';
import type { E2eSession } from './session';

/** The options page in a tab, loaded with its corpus listing shown. */
export async function openOptions(session: E2eSession): Promise<Page> {
  const page = await session.open(`chrome-extension://${session.browser.extensionId}/options.html`);
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.locator('.corpus-counts').waitFor({ timeout: 15_000 });
  return page;
}

/** A file to choose: a path, or a name with its content (written to a temporary folder under
 *  that name, since Firefox's driver only takes paths). */
export type InputFile = string | { name: string; mimeType: string; buffer: Buffer };

/** An options page in either browser (an E2ePage, or a Playwright Page of startSession). */
export type OptionsPage = Pick<E2ePage, 'evaluate' | 'bringToFront' | 'setInputFiles' | 'url'>;

/** Chooses `files` in the options page's import field; answers the result's text once the
 *  import has ended (or '' at once while `waitForEnd` is false). */
export async function chooseImportFiles(options: OptionsPage, files: InputFile[], waitForEnd = true): Promise<string> {
  await options.bringToFront(); // a background tab's animation frames are throttled: slow clicks
  const previous = await texts(options, '.import-panel .import-result');
  await options.setInputFiles('#import-files', files.map(pathOf));
  if (!waitForEnd) return '';
  const progress = () => texts(options, '.import-progress');
  // A new result, or one that replaced the previous one after a progress bar.
  let sawProgress = false;
  const ended = await pollUntil(async () => {
    if ((await progress()).length > 0) {
      sawProgress = true;
      return false;
    }
    const now = await texts(options, '.import-panel .import-result');
    return now.length > 0 && (sawProgress || now.join('\n') !== previous.join('\n'));
  }, 60_000);
  if (!ended) throw new Error(`the import on ${options.url()} did not end within 60 s`);
  return (await texts(options, '.import-panel .import-result')).join('\n');
}

let tempDir: string | null = null;

function pathOf(file: InputFile): string {
  if (typeof file === 'string') return file;
  tempDir ??= mkdtempSync(join(tmpdir(), 'echoes-e2e-files-'));
  const dir = mkdtempSync(join(tempDir, 'f-')); // one folder per file: two files may share a name
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file.name);
  writeFileSync(path, file.buffer);
  return path;
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

/** Whatever can make background calls: an E2eBrowser, or startSession's E2eSession. */
type Caller = Pick<E2eBrowser, 'callBackground'>;

/** The corpus listing, from the background. */
export async function listing(session: Caller): Promise<CorpusListing> {
  const answer = await session.callBackground<CorpusListing>('listCorpus', {});
  if (!answer.ok) throw new Error(`listCorpus failed: ${answer.error}`);
  return answer.value;
}

/** The report the background holds for tab `tabId`, once it has one (polls while pending). */
export async function tabReport(session: Caller, tabId: number, timeoutMs = 15_000): Promise<Report> {
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
