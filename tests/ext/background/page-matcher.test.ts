import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, ID, loadSeedIndex, POPUP } from '../../helpers/ext-service';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { Article } from '../../../lib/corpus/article';
import { createBackgroundService, type BackgroundService } from '../../../lib/ext/background/background-service';
import { createTabStateStore, tabStateKey } from '../../../lib/ext/background/tab-states';
import { requestMatch } from '../../../lib/ext/messaging/match-request';
import type { Sender } from '../../../lib/ext/messaging/messaging';
import { loadCorpusIndex, type SerializedCorpusIndex } from '../../../lib/match/index/corpus-index';
import { PAGE_LIMITS, type PageData } from '../../../lib/report/limits';

let seeds: Article[];
let snapshot: SerializedCorpusIndex;
beforeAll(async () => ({ seeds, snapshot } = await loadSeedIndex()));

/** A page carrying seed `n`'s text, `copies` times over (a long page: every copy is matched). */
function pageOf(url: string, n = 0, copies = 1): PageData {
  const article = seeds[n]!;
  const blockStarts: number[] = [];
  let text = '';
  for (let c = 0; c < copies; c++) {
    for (const b of article.blocks) {
      if (text !== '') text += '\n\n';
      blockStarts.push(text.length);
      text += article.text.slice(b.start, b.end);
    }
  }
  return { url, title: article.title, outlet: 'Page News', text, blockStarts };
}

async function openTab(url: string): Promise<{ tabId: number; sender: Sender }> {
  const tab = await fakeBrowser.tabs.create({ url });
  return { tabId: tab.id!, sender: { id: ID, url, tab } };
}


describe('matchPage limits, checked again in the background', () => {
  let service: BackgroundService;
  beforeEach(() => {
    fakeBrowser.reset();
    service = createBackgroundService({ loadIndex: async () => loadCorpusIndex(snapshot), log: () => {} });
  });

  const base = (): PageData => ({ url: 'https://page.example/a', title: 'T', outlet: 'O', text: 'Short text here. And more.', blockStarts: [0] });
  it.each<[string, (p: PageData) => unknown, RegExp]>([
    ['text over the limit', (p) => ({ ...p, text: 'a'.repeat(PAGE_LIMITS.textChars + 1) }), /its article text is 500,001 characters, over the limit of 500,000/],
    ['too many blocks', (p) => ({ ...p, text: 'x'.repeat(30_000), blockStarts: Array.from({ length: 20_001 }, (_, i) => i) }), /it has 20,001 blocks, over the limit of 20,000/],
    ['block starts past the text', (p) => ({ ...p, blockStarts: [0, 9_999] }), /block starts are not offsets into its text/],
    ['block starts that are not numbers', (p) => ({ ...p, blockStarts: ['0'] }), /block starts are not offsets/],
    ['a title over the limit', (p) => ({ ...p, title: 't'.repeat(1_001) }), /its title is 1,001 characters/],
    ['an outlet that is not text', (p) => ({ ...p, outlet: { evil: true } }), /outlet is not text/],
    ['a URL over the limit', (p) => ({ ...p, url: `https://page.example/${'u'.repeat(5_000)}` }), /its url is 5,021 characters/],
    ['too many sentences', (p) => ({ ...p, text: 'Go now. '.repeat(20_001), blockStarts: [0] }), /it has more than 20,000 sentences/],
  ])('refuses %s with a line saying what was too big, and the popup shows it', async (_, make, error) => {
    const { tabId, sender } = await openTab('https://page.example/a');
    const answer = await call(service, 'matchPage', make(base()), sender);
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(error) });
    const state = await call(service, 'getTabState', { tabId }, POPUP);
    expect(state).toEqual({ ok: true, value: { state: 'too-large', reason: expect.stringMatching(error) } });
  });

  it('the content script checks first and sends no text for a page too large', async () => {
    const sent: string[] = [];
    const send = (async (name: string, data: { reason?: string }) => {
      sent.push(`${name} ${data.reason ?? ''}`);
      return { ok: true, value: null };
    }) as unknown as Parameters<typeof requestMatch>[1];
    const answer = await requestMatch({ ...base(), text: 'a'.repeat(PAGE_LIMITS.textChars + 1) }, send);
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/article text is 500,001 characters/) });
    expect(sent).toEqual([expect.stringMatching(/^pageState this page is too large/)]);
    await requestMatch(base(), send);
    expect(sent[1]).toBe('matchPage ');
  });
});

describe('one page cannot stall the others', () => {
  let service: BackgroundService;
  beforeEach(() => {
    fakeBrowser.reset();
    service = createBackgroundService({ loadIndex: async () => loadCorpusIndex(snapshot), log: () => {} });
  });

  it('answers another tab and the popup while a huge page is being matched', async () => {
    await service.ready;
    const huge = await openTab('https://huge.example/a');
    const small = await openTab('https://small.example/b');
    const aloneAsked = performance.now();
    await call(service, 'matchPage', pageOf('https://small.example/b', 1), small.sender);
    const aloneMs = performance.now() - aloneAsked;
    const order: string[] = [];
    const t0 = performance.now();
    const hugeAnswer = call(service, 'matchPage', pageOf('https://huge.example/a', 0, 40), huge.sender).then((a) => {
      order.push('huge');
      return a;
    });
    await new Promise((r) => setTimeout(r, 100)); // the huge page is being matched now
    const smallAsked = performance.now();
    const smallAnswer = await call(service, 'matchPage', pageOf('https://small.example/b', 1), small.sender);
    const smallWait = performance.now() - smallAsked;
    order.push('small');
    const popupAsked = performance.now();
    const popupAnswer = await call(service, 'getTabState', { tabId: small.tabId }, POPUP);
    const popupWait = performance.now() - popupAsked;
    order.push('popup');
    const hugeDone = await hugeAnswer;
    console.info(`[bench] huge page (40 copies) matched in ${Math.round(performance.now() - t0)} ms; meanwhile the other tab waited ${Math.round(smallWait)} ms (${Math.round(aloneMs)} ms alone), the popup ${Math.round(popupWait)} ms`);
    expect(order).toEqual(['small', 'popup', 'huge']);
    expect(smallAnswer.ok && popupAnswer.ok && hugeDone.ok).toBe(true);
    expect(popupAnswer).toMatchObject({ value: { state: 'ok' } });
  });

  it('keeps one match per tab: a newer scan drops the one in progress', async () => {
    await service.ready;
    const { tabId, sender } = await openTab('https://page.example/a');
    const first = call(service, 'matchPage', pageOf('https://page.example/a', 0, 20), sender);
    await new Promise((r) => setTimeout(r, 5));
    expect(service.matcher.inFlight()).toBe(1);
    const second = await call(service, 'matchPage', pageOf('https://page.example/a', 1), sender);
    expect(second.ok).toBe(true);
    expect(await first).toEqual({ ok: false, error: 'a newer scan of this tab replaced this one' });
    expect(service.matcher.inFlight()).toBe(0);
    const state = await service.tabs.get(tabId);
    expect(state?.state === 'ok' && state.report.sentences.length).toBe(second.ok && second.value.sentences.length);
  });

  it('drops the match of a tab that navigates or closes', async () => {
    const stop = service.start();
    await service.ready;
    const { tabId, sender } = await openTab('https://page.example/a');
    const navigating = call(service, 'matchPage', pageOf('https://page.example/a', 0, 20), sender);
    await new Promise((r) => setTimeout(r, 5));
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading', url: 'https://page.example/b' }, {} as never);
    expect(await navigating).toEqual({ ok: false, error: 'a newer scan of this tab replaced this one' });
    expect(await service.tabs.get(tabId)).toEqual({ state: 'pending' });
    const closing = call(service, 'matchPage', pageOf('https://page.example/b', 0, 20), sender);
    await new Promise((r) => setTimeout(r, 5));
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false });
    expect(await closing).toMatchObject({ ok: false });
    expect(await service.tabs.get(tabId)).toBeUndefined();
    stop();
  });
});

describe('tab states', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps at most maxTabs, forgetting the one changed longest ago in memory and session storage', async () => {
    const tabs = createTabStateStore({ maxTabs: 3, log: () => {} });
    for (const id of [1, 2, 3]) await tabs.set(id, { state: 'no-article' });
    await tabs.set(1, { state: 'pending' }); // 1 is now the latest change: 2 goes first
    await tabs.set(4, { state: 'no-article' });
    expect(await browser.storage.session.get(tabStateKey(2))).toEqual({});
    expect(await tabs.get(2)).toBeUndefined();
    expect(await tabs.get(1)).toEqual({ state: 'pending' });
    expect(await tabs.get(4)).toEqual({ state: 'no-article' });
  });

  it('reports a failed session write and still answers from memory', async () => {
    const lines: string[] = [];
    const tabs = createTabStateStore({ log: (line) => lines.push(line) });
    vi.spyOn(browser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await tabs.set(5, { state: 'no-article' });
    expect(lines).toEqual(["[echoes] could not keep tab 5's state in session storage: QUOTA_BYTES quota exceeded"]);
    expect(await tabs.get(5)).toEqual({ state: 'no-article' });
    vi.restoreAllMocks();
  });
});
