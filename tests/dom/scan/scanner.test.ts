// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findArticle } from '../../../lib/page/find/article';
import { MARK_SELECTOR } from '../../../lib/page/mark/highlighter';
import { createScanner, type MatchPageData, type ScannerDeps } from '../../../lib/page/scan/scanner';
import { buildTextModel } from '../../../lib/page/model/text-model';
import type { Report } from '../../../lib/report/types';
import { immediate, simpleSentences } from '../helpers';

const PARAS = [
  'The central bank raised its key interest rate by half a point on Thursday, the third rise this year.',
  'Officials said inflation had stayed far above the target for eleven months in a row.',
  'Markets had expected the move after weeks of signals from the bank governor and her deputies.',
  'Economists warned that the higher cost of borrowing would weigh on households and small firms.',
];

function loadPage(): void {
  document.title = 'Bank raises rates';
  document.head.innerHTML = '<meta property="og:site_name" content="Daily Test">';
  document.body.innerHTML = `<nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article id="story"><h1>Bank raises rates</h1>${PARAS.map((p) => `<p>${p} ${p}</p>`).join('')}</article>
    <footer>Copyright Daily Test. All rights reserved.</footer>`;
}

/** A fake background: every second sentence echoes elsewhere. */
function fakeMatch(sent: MatchPageData[]) {
  return async (data: MatchPageData) => {
    sent.push(data);
    const model = { text: data.text, blockStarts: data.blockStarts, nodes: [], nodeStarts: [] };
    const sentences = simpleSentences(model).map((s, i) => (i % 2 === 0 ? s : { ...s, matches: [] }));
    const report: Report = { page: { source: data.url, title: data.title, outlet: data.outlet, url: data.url },
      sentences, summary: { sentences: sentences.length, echoed: 0, outlets: [] } };
    return { ok: true as const, value: report };
  };
}

function deps(over: Partial<ScannerDeps> = {}, sent: MatchPageData[] = []): ScannerDeps {
  return {
    doc: document, url: () => 'https://daily.test/bank', isEnabled: async () => true,
    matchPage: fakeMatch(sent), pageState: vi.fn(async () => null), schedule: immediate, log: () => {},
    ...over,
  };
}

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
  for (const host of document.querySelectorAll('echoes-card')) host.remove();
});

describe('scanner', () => {
  it('sends the article text model (not the nav or footer) and highlights the echoed sentences', async () => {
    loadPage();
    const sent: MatchPageData[] = [];
    const scanner = createScanner(deps({}, sent));
    const outcome = await scanner.scan();
    const total = simpleSentences({ text: sent[0]!.text, blockStarts: sent[0]!.blockStarts, nodes: [], nodeStarts: [] }).length;
    expect(outcome).toMatchObject({ state: 'highlighted', sentences: Math.ceil(total / 2) });
    expect(sent[0]!.outlet).toBe('Daily Test');
    expect(sent[0]!.text).toContain(PARAS[0]);
    expect(sent[0]!.text).not.toMatch(/Home|Copyright/);
    const marked = [...document.querySelectorAll(MARK_SELECTOR)].map((m) => m.textContent);
    expect(marked).toContain(PARAS[0]);
    expect(scanner.reveal(0)).toBe(true);
    expect(document.querySelector(`${MARK_SELECTOR}.echoes-flash`)).not.toBeNull();
    expect(scanner.reveal(1)).toBe(false);
  });

  it('keeps highlights when the article did not change, redoes them when forced, clears to the same page', async () => {
    loadPage();
    const before = document.body.innerHTML;
    const sent: MatchPageData[] = [];
    const scanner = createScanner(deps({}, sent));
    await scanner.scan();
    expect(await scanner.scan()).toEqual({ state: 'unchanged' });
    expect(await scanner.scan({ force: true })).toMatchObject({ state: 'highlighted' });
    expect(sent.length).toBe(2);
    expect(sent[1]!.text).toBe(sent[0]!.text);
    await scanner.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('echoes-card')).toBeNull();
  });

  it('reports off and no-article through pageState, clearing what was shown', async () => {
    loadPage();
    let enabled = true;
    const pageState = vi.fn(async () => null);
    const scanner = createScanner(deps({ isEnabled: async () => enabled, pageState }));
    await scanner.scan();
    enabled = false;
    expect(await scanner.refresh()).toEqual({ state: 'off' });
    expect(pageState).toHaveBeenLastCalledWith('off');
    expect(document.querySelector(MARK_SELECTOR)).toBeNull();
    expect(await scanner.refresh()).toEqual({ state: 'unchanged' });
    enabled = true;
    expect(await scanner.refresh()).toMatchObject({ state: 'highlighted' });
    document.body.innerHTML = '<p>Too short.</p>';
    expect(await scanner.scan()).toEqual({ state: 'no-article' });
    expect(pageState).toHaveBeenLastCalledWith('no-article', expect.stringMatching(/too little running text/));
  });

  it('drops an answer that arrives after a newer scan or destroy, and never throws', async () => {
    loadPage();
    let release: () => void = () => {};
    const slow = fakeMatch([]);
    const scanner = createScanner(deps({
      matchPage: (d) => new Promise((resolve) => { release = () => void slow(d).then(resolve); }),
    }));
    const first = scanner.scan();
    scanner.destroy();
    release();
    expect(await first).toEqual({ state: 'stale' });
    expect(document.querySelector(MARK_SELECTOR)).toBeNull();
    const broken = createScanner(deps({ matchPage: async () => { throw new Error('port closed'); } }));
    expect(await broken.scan()).toMatchObject({ state: 'error' });
    const refused = createScanner(deps({ matchPage: async () => ({ ok: false, error: 'no index' }) }));
    expect(await refused.scan()).toEqual({ state: 'error', error: 'no index' });
  });

  it('logs the time from script start to highlights shown', async () => {
    loadPage();
    const lines: string[] = [];
    let clock = 100;
    const scanner = createScanner(deps({ log: (m) => lines.push(m), now: () => (clock += 5), startedAt: 50 }));
    await scanner.scan();
    expect(lines[0]).toMatch(/^highlighted \d+ sentences in \d+ ms \(find \d+ ms, match \d+ ms, mark \d+ ms; longest task: finding the article \d+ ms, marking in chunks of at most \d+ ms\)$/);
    const model = buildTextModel(findArticle(document)!.root);
    expect(model.text.length).toBeGreaterThan(0);
  });
});
