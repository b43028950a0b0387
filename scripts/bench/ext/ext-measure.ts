/** Figures read from the running extension: storage used, and the content script's own timing
 *  line on a page (cold or warm worker). The import is timed in ext-import.ts. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Diagnostics } from '../../../lib/ext/messaging/messages';
import { callBackground, openMessenger, stopWorker, type BenchBrowser } from './ext-browser';

/** Storage of the extension's origin: navigator.storage.estimate() (total and its IndexedDB
 *  part) and the IndexedDB folder's size on disk, in bytes. */
export async function storageFigures(bench: BenchBrowser): Promise<{ usageBytes: number; indexedDbBytes: number | null; onDiskBytes: number }> {
  const page = await openMessenger(bench);
  try {
    const estimate = await page.evaluate(async () => {
      const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
      return { usage: e.usage ?? 0, indexedDB: e.usageDetails?.indexedDB ?? null };
    });
    const root = join(bench.profileDir, 'Default', 'IndexedDB');
    const ours = safeList(root).filter((name) => name.includes(bench.extensionId));
    return { usageBytes: estimate.usage, indexedDbBytes: estimate.indexedDB, onDiskBytes: ours.reduce((n, name) => n + folderBytes(join(root, name)), 0) };
  } finally {
    await page.close();
  }
}

function safeList(dir: string): string[] {
  try { return readdirSync(dir); } catch { return []; }
}

function folderBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return safeList(path).reduce((n, name) => n + folderBytes(join(path, name)), 0);
}

/** The content script's "[echoes] highlighted N sentences in X ms (find F ms, match M ms, mark K ms…)". */
export interface HighlightTiming { sentences: number; totalMs: number; findMs: number; matchMs: number; markMs: number }

const TIMING = /\[echoes\] highlighted (\d+) sentences? in (\d+) ms \(find (\d+) ms, match (\d+) ms, mark (\d+) ms/;

/** The timing lines of one page, in order: `next()` answers the next one (or throws after
 *  `timeoutMs`). Attach before the page loads to catch the first. */
export function timingLines(page: Page): { next(timeoutMs?: number): Promise<HighlightTiming> } {
  const lines: HighlightTiming[] = [];
  let wake: () => void = () => {};
  page.on('console', (msg) => {
    const m = TIMING.exec(msg.text());
    if (!m) return;
    lines.push({ sentences: Number(m[1]), totalMs: Number(m[2]), findMs: Number(m[3]), matchMs: Number(m[4]), markMs: Number(m[5]) });
    wake();
  });
  return {
    async next(timeoutMs = 60_000) {
      const end = Date.now() + timeoutMs;
      while (lines.length === 0) {
        if (Date.now() > end) throw new Error(`no "[echoes] highlighted" line from ${page.url()} within ${timeoutMs} ms`);
        await new Promise<void>((r) => { wake = r; setTimeout(r, 250); });
      }
      return lines.shift()!;
    },
  };
}

/** Opens `url` in a new tab and answers the content script's first timing line (then closes the tab). */
export async function openAndTime(context: BrowserContext, url: string): Promise<HighlightTiming> {
  const page = await context.newPage();
  try {
    const lines = timingLines(page);
    await page.goto(url, { waitUntil: 'load' });
    return await lines.next();
  } finally {
    await page.close();
  }
}

/** A cold start, two ways, each after the worker was stopped for real:
 *  - `woken`: the page is open and highlighted; its article then changes (a paragraph added),
 *    so the content script's matchPage is the message that wakes the worker: its match time is
 *    wake-up message to answer, and `diagnostics` are the woken worker's own figures;
 *  - `navigated`: a new tab opens the page (navigation events may wake the worker first), as
 *    when the browser starts a worker for a page being loaded. */
export async function coldStart(bench: BenchBrowser, url: string, round: number): Promise<{ woken: HighlightTiming; navigated: HighlightTiming; diagnostics: Diagnostics }> {
  for (const open of bench.context.pages()) if (open !== bench.control) await open.close();
  const page = await bench.context.newPage();
  try {
    const lines = timingLines(page);
    await page.goto(url, { waitUntil: 'load' });
    await lines.next();
    await stopWorker(bench);
    await page.evaluate((n) => {
      const p = document.createElement('p');
      p.textContent = `An update was added to this report at the desk ${n} minutes after it first appeared online.`;
      document.querySelector('article')?.append(p);
    }, round);
    const woken = await lines.next();
    const diagnostics = await withMessenger(bench, (m) => callBackground<Diagnostics>(m, 'getDiagnostics', {}));
    await page.close();
    await stopWorker(bench);
    const navigated = await openAndTime(bench.context, url);
    return { woken, navigated, diagnostics };
  } finally {
    if (!page.isClosed()) await page.close();
  }
}

async function withMessenger<T>(bench: BenchBrowser, use: (page: Page) => Promise<T>): Promise<T> {
  const messenger = await openMessenger(bench);
  try {
    return await use(messenger);
  } finally {
    await messenger.close();
  }
}
