// @vitest-environment happy-dom
// The scanner's answer to ContentCalls.pageArticle: the article "Add this page" imports.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScanner, type MatchPageData, type ScannerDeps } from '../../../lib/page/scan/scanner';
import type { Report } from '../../../lib/report/types';
import { immediate } from '../helpers';

const PARAS = [
  'The harbour authority closed the northern pier on Monday after a crane collapsed onto the quay.',
  'Nobody was hurt, the authority said, but two container ships were sent to other berths overnight.',
  'Inspectors from the ministry arrived in the afternoon and began questioning the crane operator.',
  'Dock workers said the crane had been making unusual noises for weeks before it finally gave way.',
];

function loadPage(): void {
  document.title = 'Pier closed after crane collapse';
  document.head.innerHTML = `<meta property="og:site_name" content="Harbour Gazette">
    <meta property="article:published_time" content="2024-05-06T09:30:00Z">`;
  document.body.innerHTML = `<nav><a href="/">Home</a></nav>
    <article><h1>Pier closed after crane collapse</h1>${PARAS.map((p) => `<p>${p} ${p}</p>`).join('')}</article>
    <footer>Copyright Harbour Gazette.</footer>`;
}

const emptyReport = (data: MatchPageData): Report => ({
  page: { source: data.url, title: data.title, outlet: data.outlet, url: data.url },
  sentences: [], summary: { sentences: 0, echoed: 0, outlets: [] },
});

function deps(over: Partial<ScannerDeps> = {}, sent: MatchPageData[] = []): ScannerDeps {
  return {
    doc: document, url: () => 'https://gazette.test/pier', isEnabled: async () => true,
    matchPage: async (data) => { sent.push(data); return { ok: true, value: emptyReport(data) }; },
    pageState: vi.fn(async () => null), schedule: immediate, log: () => {},
    ...over,
  };
}

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
  for (const host of document.querySelectorAll('echoes-card')) host.remove();
});

describe('scanner.pageArticle', () => {
  it('answers the article it matched, with the outlet and date the page states', async () => {
    loadPage();
    const sent: MatchPageData[] = [];
    const scanner = createScanner(deps({}, sent));
    await scanner.scan();
    const article = await scanner.pageArticle();
    expect(article).toMatchObject({
      url: 'https://gazette.test/pier', title: 'Pier closed after crane collapse',
      outlet: 'Harbour Gazette', published: '2024-05-06',
    });
    expect(article?.text).toBe(sent[0]!.text);
    expect(article?.blockStarts).toEqual(sent[0]!.blockStarts);
    expect(article?.text).not.toMatch(/Home|Copyright/);
    expect(sent[0]).toHaveProperty('published', '2024-05-06'); // matchPage carries the page's date now: the report's provenance needs it
  });

  it('finds the article on demand when the site is switched off (nothing was matched)', async () => {
    loadPage();
    const scanner = createScanner(deps({ isEnabled: async () => false }));
    expect(await scanner.scan()).toEqual({ state: 'off' });
    const article = await scanner.pageArticle();
    expect(article?.text).toContain(PARAS[2]);
    expect(article?.outlet).toBe('Harbour Gazette');
  });

  it('answers null for a page without an article and after destroy', async () => {
    document.body.innerHTML = '<p>Too short.</p>';
    const scanner = createScanner(deps());
    expect(await scanner.pageArticle()).toBeNull();
    loadPage();
    await scanner.scan();
    expect(await scanner.pageArticle()).not.toBeNull();
    scanner.destroy();
    expect(await scanner.pageArticle()).toBeNull();
  });
});
