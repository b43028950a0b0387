// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { extractArticle, htmlArticleOf } from '../../../lib/ext/extract/extract-article';
import { createExtractHandlers } from '../../../lib/ext/extract/extract-handlers';
import { onOffscreenCall } from '../../../lib/ext/messaging/messaging';
import { extractFromHtml } from '../../../lib/page/find/article-extract';
import { MAX_PAGE_HTML_CHARS } from '../../../lib/report/limits';

const article = readFileSync(resolve(__dirname, '../../fixtures/page-kinds/short-paragraphs.html'), 'utf8');
const home = readFileSync(resolve(__dirname, '../../fixtures/page-kinds/home.html'), 'utf8');

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.unstubAllGlobals());

describe('extractArticle (background)', () => {
  it('finds the article with the DOMParser it has (Firefox background page)', async () => {
    const answer = await extractArticle(article);
    expect(answer.ok && answer.value.found && answer.value.extract.article.text).toContain('electrical fault in a cold store');
    const { article: found, error } = await htmlArticleOf(home);
    expect(found).toBeNull();
    expect(error).toMatch(/list of links/);
  });

  it('refuses HTML past the limit without parsing it', async () => {
    const answer = await extractArticle('<p>x</p>'.repeat(Math.ceil(MAX_PAGE_HTML_CHARS / 8) + 1));
    expect(answer).toMatchObject({ ok: true, value: { found: false, reason: expect.stringMatching(/too large.*MB of HTML/) } });
  });

  it('without DOMParser (Chrome service worker) opens the offscreen document once and asks it', async () => {
    const parser = DOMParser;
    let open = false;
    const createDocument = vi.fn(async (opts: { reasons: string[] }) => {
      expect(opts.reasons).toEqual(['DOM_PARSER']);
      open = true;
    });
    (browser as unknown as { offscreen: unknown }).offscreen = {
      hasDocument: async () => open, createDocument, closeDocument: async () => { open = false; },
    };
    // the offscreen page's own listener, on the fake runtime, with the parser it has there
    const stop = onOffscreenCall({ extractInDocument: ({ html }) => ({ ok: true, value: extractFromHtml(html, (t) => new parser().parseFromString(t, 'text/html')) }) });
    const fromWorker = { id: browser.runtime.id, url: browser.runtime.getURL('/background.js') };
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((message: unknown) => new Promise((answer) => {
      void (fakeBrowser.runtime.onMessage as unknown as { trigger(...a: unknown[]): Promise<unknown> }).trigger(message, fromWorker, answer);
    }));
    vi.stubGlobal('DOMParser', undefined);
    const [a, b] = await Promise.all([extractArticle(article), extractArticle(home)]);
    stop();
    expect(createDocument).toHaveBeenCalledTimes(1);
    expect(a.ok && a.value.found).toBe(true);
    expect(b.ok && !b.value.found && b.value.reason).toMatch(/list of links/);
  });

  it('the handler refuses data without an html string', async () => {
    const { extractArticle: handler } = createExtractHandlers(async () => ({ ok: false, error: 'not called' }));
    expect(await handler({ html: 42 } as unknown as { html: string })).toEqual({ ok: false, error: 'extractArticle takes { html: string }' });
  });
});
