/** Chrome's offscreen document (reason DOM_PARSER): the service worker has no DOMParser, so
 *  article finding runs in a hidden extension page, off every web page's thread. Opened on
 *  first use, closed after a while without work so it holds no memory between pages. */
import { browser } from 'wxt/browser';
import type { ExtractOutcome } from '../../page/find/article-extract';
import type { CallResult } from '../messaging/messages';
import { sendToOffscreen } from '../messaging/messaging';

/** The offscreen page's path in the build (entrypoints/offscreen/index.html). */
export const OFFSCREEN_PATH = '/offscreen.html';
/** Idle time after which the document is closed. */
export const OFFSCREEN_IDLE_MS = 60_000;

let opening: Promise<void> | null = null;
let idle: ReturnType<typeof setTimeout> | undefined;

/** Opens the document unless it is open (one opening at a time: createDocument refuses a
 *  second document). */
async function ensureOpen(): Promise<void> {
  const offscreen = browser.offscreen;
  if (!offscreen) throw new Error('this browser has neither DOMParser nor offscreen documents in the background');
  if (await offscreen.hasDocument?.()) return;
  opening ??= offscreen.createDocument({
    url: OFFSCREEN_PATH, reasons: ['DOM_PARSER'],
    justification: 'Finds the article text of a page with Readability, away from the page itself.',
  }).finally(() => {
    opening = null;
  });
  await opening;
}

function closeLater(): void {
  clearTimeout(idle);
  idle = setTimeout(() => void browser.offscreen?.closeDocument().catch(() => undefined), OFFSCREEN_IDLE_MS);
}

/** lib/page/find/article-extract.ts extractFromHtml run in the offscreen document. */
export async function extractInOffscreen(html: string): Promise<CallResult<ExtractOutcome>> {
  try {
    await ensureOpen();
  } catch (error) {
    return { ok: false, error: `could not open the offscreen document: ${error instanceof Error ? error.message : String(error)}` };
  }
  clearTimeout(idle);
  const answer = await sendToOffscreen('extractInDocument', { html });
  closeLater();
  return answer;
}
