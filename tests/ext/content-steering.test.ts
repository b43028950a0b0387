// @vitest-environment happy-dom
/** The content script as the browser starts it (WXT's ContentScriptContext), against a page
 *  that forges the DOM events WXT uses: none of them may tear it down or make it rescan. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MatchPageData } from '../../lib/page/scan/scanner';
import type { Report } from '../../lib/report/types';
import { simpleSentences } from '../dom/helpers';

const asked: MatchPageData[] = [];
vi.mock('@/lib/ext/messaging/messaging', () => ({
  CARD_PAGE: '/card.html',
  onContentCall: () => () => undefined,
  sendToBackground: async (name: string, data: MatchPageData) => {
    if (name === 'extractArticle') {
      const { extractFromHtml } = await import('../../lib/page/find/article-extract');
      return { ok: true, value: extractFromHtml((data as unknown as { html: string }).html, (t) => new DOMParser().parseFromString(t, 'text/html')) };
    }
    if (name !== 'matchPage') return { ok: true, value: null };
    asked.push(data);
    const model = { text: data.text, blockStarts: data.blockStarts, nodes: [], nodeStarts: [] };
    const sentences = simpleSentences(model);
    const report: Report = { page: { source: data.url, title: data.title, outlet: data.outlet, url: data.url },
      sentences, summary: { sentences: sentences.length, echoed: sentences.length, outlets: [] } };
    return { ok: true, value: report };
  },
}));

const PARAS = [
  'The central bank raised its key interest rate by half a point on Thursday, the third rise this year.',
  'Officials said inflation had stayed far above the target for eleven months in a row.',
  'Markets had expected the move after weeks of signals from the bank governor and her deputies.',
  'Economists warned that the higher cost of borrowing would weigh on households and small firms.',
];
const marks = (): number => document.querySelectorAll('mark.echoes-mark').length;
const until = async (ok: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};
let ctx: ContentScriptContext | null = null;
/** The event name WXT listens for (`<extension id>:content:wxt:content-script-started`). */
const STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;

async function start(): Promise<void> {
  document.body.innerHTML = `<article><h1>Bank raises rates</h1>${PARAS.map((p) => `<p>${p} ${p}</p>`).join('')}</article>`;
  const { default: definition } = await import('../../entrypoints/content/index');
  ctx = new ContentScriptContext('content', definition);
  await definition.main(ctx);
  await until(() => marks() > 0);
  expect(marks()).toBeGreaterThan(0);
}

beforeEach(() => {
  fakeBrowser.reset();
  asked.length = 0;
});
afterEach(() => {
  // the extension goes away, so this instance really ends before the next test starts one
  vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
  ctx?.abort('test over');
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('the page cannot steer the content script', () => {
  it('a forged "content script started" event on document does not tear it down', async () => {
    await start();
    document.dispatchEvent(new CustomEvent(STARTED,
      { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    await new Promise((r) => setTimeout(r, 50));
    expect(marks()).toBeGreaterThan(0);
  });

  it('forged location changes (the URL did not change) start no rescan', async () => {
    await start();
    const sent = asked.length;
    const name = STARTED.replace('content-script-started', 'locationchange');
    for (let i = 0; i < 15; i++) window.dispatchEvent(new Event(name));
    await new Promise((r) => setTimeout(r, 100));
    expect(asked.length).toBe(sent);
    expect(marks()).toBeGreaterThan(0);
  });

  it('posts nothing to the page (the started message carried the extension id)', async () => {
    const posted = vi.fn();
    window.addEventListener('message', posted);
    await start();
    await new Promise((r) => setTimeout(r, 20));
    window.removeEventListener('message', posted);
    expect(posted).not.toHaveBeenCalled();
  });

  it('ends when the extension really went away', async () => {
    await start();
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    document.dispatchEvent(new CustomEvent(STARTED,
      { detail: { contentScriptName: 'content', messageId: 'newer instance' } }));
    await until(() => marks() === 0);
    expect(marks()).toBe(0);
  });
});
