import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, ID, loadSeedIndex, POPUP } from '../../helpers/ext-service';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '../../../lib/corpus/article';
import { createBackgroundService, matchOptionsOf, type BackgroundService } from '../../../lib/ext/background/background-service';
import type { Sender } from '../../../lib/ext/messaging/messaging';
import { disabledSitesItem } from '../../../lib/ext/settings/storage';
import { loadCorpusIndex, type SerializedCorpusIndex } from '../../../lib/match/index/corpus-index';

let seeds: Article[];
let snapshot: SerializedCorpusIndex;
beforeAll(async () => ({ seeds, snapshot } = await loadSeedIndex()));

/** A page on another host carrying the first seed's text: the other seeds echo it. */
function pageOf(url: string) {
  const article = seeds[0]!;
  return { url, title: article.title, outlet: 'Page News', text: article.text, blockStarts: article.blocks.map((b) => b.start) };
}

async function openTab(url: string): Promise<{ tabId: number; sender: Sender }> {
  const tab = await fakeBrowser.tabs.create({ url });
  return { tabId: tab.id!, sender: { id: ID, url, tab } };
}


const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

describe('background service', () => {
  let service: BackgroundService;
  beforeEach(() => {
    fakeBrowser.reset();
    service = createBackgroundService({ loadIndex: async () => loadCorpusIndex(snapshot), log: () => {} });
  });

  it('answers matchPage with a report, stores it for the tab and sets the badge', async () => {
    const { tabId, sender } = await openTab('https://page.example/news/kazakhstan');
    const answer = await call(service, 'matchPage', pageOf('https://page.example/news/kazakhstan'), sender);
    if (!answer.ok) throw new Error(answer.error);
    const report = answer.value;
    expect(report.summary.echoed).toBeGreaterThan(0);
    expect(report.sentences.every((s) => s.matches.every((m) => m.articleId !== seeds[0]!.id))).toBe(true);
    expect(await badge(tabId)).toBe(String(report.summary.echoed));
    expect(await call(service, 'getTabState', { tabId }, POPUP)).toEqual({ ok: true, value: { state: 'ok', report } });
    const diag = service.diagnostics();
    expect(diag.indexReadyMs).not.toBeNull();
    expect(diag.firstAnswerMs).toBeGreaterThanOrEqual(diag.indexReadyMs!);
    expect(diag.index).toEqual({ articles: seeds.length, sentences: expect.any(Number) });
    expect(diag.indexFetchMs).toBeNull();
    expect(diag.serviceStartMs).toBe(0);
    expect(diag.firstCall).toEqual({ name: 'matchPage', ms: expect.any(Number) });
  });

  it('reports provenance from what the page says of itself, and ignores odd provenance fields', async () => {
    const url = 'https://page.example/news/kazakhstan';
    const { sender } = await openTab(url);
    const credited = await call(service, 'matchPage', { ...pageOf(url), published: '2022-01-11', credits: ['By AFP'] }, sender);
    if (!credited.ok) throw new Error(credited.error);
    const echoed = credited.value.sentences.filter((s) => s.matches.some((m) => m.outlet === 'The Moscow Times'));
    expect(echoed.length).toBeGreaterThan(0);
    for (const s of echoed) expect(s.provenance).toMatchObject({ origin: 'AFP', credited: true });
    const odd = await call(service, 'matchPage', { ...pageOf(url), published: 42, credits: [{ x: 1 }, 'x'.repeat(5000)], sourceLinks: 'no' }, sender);
    if (!odd.ok) throw new Error(odd.error);
    const late = await call(service, 'matchPage', { ...pageOf(url), published: '2022-01-21' }, sender);
    if (!late.ok) throw new Error(late.error);
    expect(late.value.summary.uncredited).toBeGreaterThan(0);
    const traced = late.value.sentences.find((s) => s.provenance?.origin === 'AFP');
    expect(traced?.provenance).toMatchObject({ credited: false, first: { outlet: 'The Moscow Times', published: '2022-01-11' } });
  });

  it('switching the site off from the popup clears the badge and refuses matchPage; on again rescans', async () => {
    const url = 'https://www.page.example/news/kazakhstan';
    const { tabId, sender } = await openTab(url);
    await call(service, 'matchPage', pageOf(url), sender);
    expect(await badge(tabId)).not.toBe('');

    const off = await call(service, 'setSiteEnabled', { site: 'page.example', enabled: false }, POPUP);
    expect(off).toMatchObject({ ok: true, value: { disabledSites: ['page.example'] } });
    expect(await badge(tabId)).toBe('');
    expect(await call(service, 'getTabState', { tabId }, POPUP)).toEqual({ ok: true, value: { state: 'off', site: 'page.example' } });
    expect(await call(service, 'matchPage', pageOf(url), sender)).toEqual({ ok: false, error: 'Echoes is switched off for page.example' });

    await call(service, 'setSiteEnabled', { site: 'page.example', enabled: true }, POPUP);
    expect(await call(service, 'getTabState', { tabId }, POPUP)).toEqual({ ok: true, value: { state: 'pending' } });
    const again = await call(service, 'matchPage', pageOf(url), sender);
    expect(again.ok && (await badge(tabId)) === String(again.value.summary.echoed)).toBe(true);
  });

  it('the global switch turns every tab off', async () => {
    const { tabId, sender } = await openTab('https://page.example/a');
    await call(service, 'matchPage', pageOf('https://page.example/a'), sender);
    await call(service, 'setGlobalEnabled', { enabled: false }, POPUP);
    expect(await badge(tabId)).toBe('');
    expect((await call(service, 'getSettings', {}, POPUP)).ok && (await call(service, 'getTabState', { tabId }, POPUP))).toEqual({
      ok: true,
      value: { state: 'off', site: 'page.example' },
    });
  });

  it('a content script cannot change settings through the service', async () => {
    const { sender } = await openTab('https://page.example/a');
    const answer = await call(service, 'setSiteEnabled', { site: 'page.example', enabled: false }, sender);
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/refused/) });
    expect(await disabledSitesItem.getValue()).toEqual([]);
    expect(await call(service, 'getTabState', { tabId: 1 }, sender)).toMatchObject({ ok: false });
  });

  it('rejects a bad site from an extension page with a message', async () => {
    const answer = await call(service, 'setSiteEnabled', { site: 'not a site', enabled: false }, POPUP);
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/not a site name/) });
  });

  it('clears the badge on navigation and forgets a closed tab', async () => {
    const stop = service.start();
    const { tabId, sender } = await openTab('https://page.example/a');
    await call(service, 'matchPage', pageOf('https://page.example/a'), sender);
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading', url: 'https://page.example/b' }, {} as never);
    await new Promise((r) => setTimeout(r, 0));
    expect(await badge(tabId)).toBe('');
    expect(await service.tabs.get(tabId)).toEqual({ state: 'pending' });
    await call(service, 'matchPage', pageOf('https://page.example/b'), sender);
    expect(await badge(tabId)).not.toBe('');
    // fakeBrowser.tabs.remove looks the tab id up as a window id, so fire the event itself.
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(await service.tabs.get(tabId)).toBeUndefined();
    expect(await badge(tabId)).toBe('');
    stop();
  });

  it('keeps tab states for a restarted worker, and tells unsupported pages apart', async () => {
    const { tabId, sender } = await openTab('https://page.example/a');
    await call(service, 'pageState', { state: 'no-article' }, sender);
    const restarted = createBackgroundService({ loadIndex: async () => loadCorpusIndex(snapshot), log: () => {} });
    expect(await call(restarted, 'getTabState', { tabId }, POPUP)).toEqual({ ok: true, value: { state: 'no-article' } });
    const store = await openTab('https://chromewebstore.google.com/detail/x');
    expect(await call(restarted, 'getTabState', { tabId: store.tabId }, POPUP)).toEqual({ ok: true, value: { state: 'unsupported' } });
    expect(await call(restarted, 'getTabState', { tabId: 424242 }, POPUP)).toEqual({ ok: true, value: { state: 'unsupported' } });
  });

  it('lists and searches the corpus', async () => {
    const listing = await call(service, 'listCorpus', {}, POPUP);
    if (!listing.ok) throw new Error(listing.error);
    expect(listing.value.articles).toHaveLength(seeds.length);
    expect(listing.value.articles.every((a) => a.sentences > 0)).toBe(true);
    const hits = await call(service, 'searchCorpus', { query: 'Tokayev' }, POPUP);
    expect(hits.ok && hits.value.length).toBeGreaterThan(0);
    expect(hits.ok && hits.value[0]!.sentence).toMatch(/Tokayev/);
    expect(await call(service, 'searchCorpus', { query: '  ' }, POPUP)).toEqual({ ok: true, value: [] });
  });

  it('reports an index that failed to load as an error value', async () => {
    const broken = createBackgroundService({ loadIndex: async () => { throw new Error('seed-index.json answered 404'); }, log: () => {} });
    const { sender } = await openTab('https://page.example/a');
    expect(await call(broken, 'matchPage', pageOf('https://page.example/a'), sender)).toEqual({
      ok: false,
      error: 'the corpus index is not available (seed-index.json answered 404)',
    });
  });
});

describe('matchOptionsOf', () => {
  it('adds paraphrases only when switched on and passes strictness through', () => {
    expect(matchOptionsOf({ showParaphrase: false, strictness: 0.5, hideQuotes: false })).toEqual({ kinds: ['verbatim', 'reworded'], strictness: 0.5 });
    expect(matchOptionsOf({ showParaphrase: true, strictness: 0.75, hideQuotes: false })).toEqual({ kinds: ['verbatim', 'reworded', 'paraphrase'], strictness: 0.75 });
  });
  it('leaves shared quotations out when the user hid them', () => {
    expect(matchOptionsOf({ showParaphrase: false, strictness: 0.5, hideQuotes: true })).toEqual({ kinds: ['verbatim', 'reworded'], strictness: 0.5, hideQuotes: true });
  });
});
