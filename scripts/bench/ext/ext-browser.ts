/** The built extension in Chromium for the extension-side bench: launched from a private copy
 *  of the build (others may rebuild .output meanwhile), with a browser-level DevTools session
 *  that reaches the service worker (heap, stop) — Playwright's own sessions only reach pages. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { extensionArgs, findChromium } from '../../chromium';

/** Chromium with the extension and a browser-level CDP session. */
export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The browser target's session (Target.*), over a second connection to the same browser. */
  cdp: CDPSession;
  /** A blank tab kept open for the whole run: its page session stops the worker, so stopping
   *  opens and closes no tab (tab events would wake the worker again at once). */
  control: Page;
  controlCdp: CDPSession;
  /** The throw-away profile (its IndexedDB folder is measured on disk). */
  profileDir: string;
  close(): Promise<void>;
}

/** Why the browser part cannot run (no Chromium, no build), or null when it can. */
export function extensionBenchBlocker(buildDir: string): string | null {
  const found = findChromium();
  if (!found.ok) return found.error;
  if (!existsSync(join(buildDir, 'manifest.json'))) return `no built extension in ${buildDir}: run \`npm run build\` first`;
  return null;
}

/** Launches Chromium with a copy of `buildDir` in a fresh profile, DevTools on a free port. */
export async function launchBenchBrowser(buildDir: string): Promise<BenchBrowser> {
  const found = findChromium();
  if (!found.ok) throw new Error(found.error);
  const extensionDir = mkdtempSync(join(tmpdir(), 'echoes-bench-ext-'));
  cpSync(buildDir, extensionDir, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'echoes-bench-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: found.path, headless: true, viewport: { width: 1280, height: 900 },
    args: [...extensionArgs(extensionDir), '--remote-debugging-port=0'],
  });
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await context.close().catch(() => undefined);
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(extensionDir, { recursive: true, force: true });
  };
  try {
    const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 20_000 });
    const port = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const cdp = await browser.newBrowserCDPSession();
    const control = await context.newPage();
    const controlCdp = await context.newCDPSession(control);
    await controlCdp.send('ServiceWorker.enable');
    return { context, extensionId: new URL(worker.url()).host, cdp, control, controlCdp, profileDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

interface TargetInfo { targetId: string; type: string; url: string }

/** The extension's running service-worker target, or null when it is stopped. */
export async function workerTarget(bench: BenchBrowser): Promise<TargetInfo | null> {
  const { targetInfos } = (await bench.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${bench.extensionId}/`)) ?? null;
}

/** A DevTools session on the worker, through the browser session (Target.sendMessageToTarget). */
export interface WorkerSession {
  send<T = unknown>(method: string, params?: object): Promise<T>;
  detach(): Promise<void>;
}

/** Attaches to the running worker (throws when none runs). */
export async function attachWorker(bench: BenchBrowser): Promise<WorkerSession> {
  const target = await workerTarget(bench);
  if (!target) throw new Error('the extension has no running service worker');
  const { sessionId } = (await bench.cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  const pending = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) pending.get(message.id)?.(message);
  };
  bench.cdp.on('Target.receivedMessageFromTarget', onMessage);
  let nextId = 0;
  return {
    async send<T>(method: string, params: object = {}) {
      const id = ++nextId;
      const answer = new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => pending.set(id, resolve));
      await bench.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const { result, error } = await answer;
      pending.delete(id);
      if (error) throw new Error(`${method}: ${error.message}`);
      return result as T;
    },
    async detach() {
      bench.cdp.off('Target.receivedMessageFromTarget', onMessage);
      await bench.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

/** The worker's JS heap after two full collections, in bytes: `used` (V8 heap objects) and
 *  `backing` (ArrayBuffer backing stores: the index's typed arrays live there). */
export async function workerHeap(bench: BenchBrowser): Promise<{ usedBytes: number; backingBytes: number }> {
  const session = await attachWorker(bench);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const heap = await session.send<{ usedSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
    return { usedBytes: heap.usedSize, backingBytes: heap.backingStorageSize ?? 0 };
  } finally {
    await session.detach();
  }
}

/** Stops the extension's service worker for real (ServiceWorker.stopAllWorkers, as
 *  chrome://serviceworker-internals does) and waits until its target is gone. */
export async function stopWorker(bench: BenchBrowser, timeoutMs = 10_000): Promise<void> {
  await bench.controlCdp.send('ServiceWorker.stopAllWorkers');
  const end = Date.now() + timeoutMs;
  while (await workerTarget(bench)) {
    if (Date.now() > end) throw new Error('the service worker did not stop');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An extension page to send background calls from (the popup of no tab: it asks nothing more). */
export async function openMessenger(bench: BenchBrowser): Promise<Page> {
  const page = await bench.context.newPage();
  await page.goto(`chrome-extension://${bench.extensionId}/popup.html?tabId=999999999`);
  return page;
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Sends background call `name` from extension page `page`; answers the value or throws the error. */
export async function callBackground<T>(page: Page, name: string, data: object): Promise<T> {
  const answer = (await page.evaluate(([call, payload]) => chrome.runtime.sendMessage({ echoesCall: call, data: payload }), [name, data] as const)) as
    { ok: true; value: T } | { ok: false; error: string };
  if (!answer.ok) throw new Error(`${name}: ${answer.error}`);
  return answer.value;
}
