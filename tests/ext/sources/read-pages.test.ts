// "Remember what I read" in the background: a content script's pageRead adds the tab's
// article only when the reading memory is on and lists the page's site; read articles then
// echo other pages and leave with the feeds' articles under retention; imported ones stay.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundService } from '../../../lib/ext/background/background-service';
import { readReadRecords } from '../../../lib/ext/feeds/read-records';
import type { CallResult, PageArticle } from '../../../lib/ext/messaging/messages';
import type { Sender } from '../../../lib/ext/messaging/messaging';
import { readingMemoryItem } from '../../../lib/ext/settings/storage';
import { call, ID, importAll, matchedIds, matchPage, seeds, startService, USER, value } from '../corpus/corpus-helpers';

const DAY = 86_400_000;
let clock = Date.UTC(2026, 11, 3, 12);
let service: BackgroundService;
/** What each tab's content script answers to pageArticle, by tab id; `asked` logs the calls. */
let pages: Map<number, PageArticle | null>;
let asked: number[];

beforeEach(() => {
  fakeBrowser.reset();
  clock = Date.UTC(2026, 11, 3, 12);
  pages = new Map();
  asked = [];
  const askPage = async (tabId: number): Promise<CallResult<PageArticle | null>> => (asked.push(tabId), { ok: true, value: pages.get(tabId) ?? null });
  ({ service } = startService(undefined, { askPage, feeds: { now: () => clock } }));
});

/** A tab at `url` whose article is seed `seed`'s text under `outlet`, published `published`. */
async function readTab(url: string, seed: number, outlet: string, published: string | null = '2026-12-02'): Promise<Sender> {
  const tab = await fakeBrowser.tabs.create({ url });
  const article = seeds[seed]!;
  pages.set(tab.id!, { url, title: article.title, outlet, published, text: article.text, blockStarts: article.blocks.map((b) => b.start) });
  return { id: ID, url, tab };
}

async function remember(sites: string[], enabled = true) {
  return value(service, 'setReadingMemory', { enabled, sites });
}

describe('remember what I read', () => {
  it('is off by default: a page read adds nothing and the tab is not even asked', async () => {
    expect(await value(service, 'getReadingMemory', {})).toEqual({ enabled: false, sites: [] });
    const tab = await readTab('https://read.example/a', 3, 'Read Outlet');
    expect(await value(service, 'pageRead', {}, tab)).toMatchObject({ added: false });
    expect(asked).toEqual([]);
    expect((await value(service, 'listCorpus', {})).userArticles).toBe(0);
  });

  it('adds a page read on a listed site (or a subdomain), once, as a read article that echoes another outlet\'s page', async () => {
    expect(await remember(['WWW.Read.example', 'not a site'])).toEqual({ enabled: true, sites: ['read.example'] });
    const first = await readTab('https://news.read.example/story?utm_source=x', 3, 'Read Outlet');
    const outcome = await value(service, 'pageRead', {}, first);
    expect(outcome).toMatchObject({ added: true, reason: null });
    // The same page again (another scan, a reload) is not added twice.
    expect(await value(service, 'pageRead', {}, first)).toMatchObject({ added: false, reason: 'already in the corpus' });
    const listing = await value(service, 'listCorpus', {});
    const mine = listing.articles.filter((a) => a.origin === 'user');
    expect(mine.map((a) => [a.outlet, a.title, a.published, a.url])).toEqual([['Read Outlet', seeds[3]!.title, '2026-12-02', 'https://news.read.example/story?utm_source=x']]);
    expect((await readReadRecords()).map((r) => [r.articleId, r.readMs])).toEqual([[outcome.articleId, clock]]);
    // Seed 000's page on its own host: seed 003, now a read article, echoes it.
    expect(matchedIds(await matchPage(service))).toContain(outcome.articleId);
  });

  it('does not add pages of sites not listed, of sites Echoes is off for, or of a tab that moved to another page, even on the same site', async () => {
    await remember(['read.example', 'off.example']);
    expect(await value(service, 'pageRead', {}, await readTab('https://elsewhere.example/a', 3, 'Elsewhere'))).toMatchObject({ added: false });
    expect(await value(service, 'pageRead', {}, await readTab('https://read.example.evil.org/a', 3, 'Evil'))).toMatchObject({ added: false });
    await value(service, 'setSiteEnabled', { site: 'off.example', enabled: false });
    expect(await value(service, 'pageRead', {}, await readTab('https://off.example/a', 3, 'Off'))).toMatchObject({ added: false });
    expect(asked).toEqual([]);
    const moved = await readTab('https://read.example/a', 3, 'Moved');
    pages.set(moved.tab!.id!, { ...pages.get(moved.tab!.id!)!, url: 'https://elsewhere.example/b' });
    expect(await value(service, 'pageRead', {}, moved)).toMatchObject({ added: false, reason: 'the tab moved to another page meanwhile' });
    const next = await readTab('https://read.example/c', 4, 'Next');
    pages.set(next.tab!.id!, { ...pages.get(next.tab!.id!)!, url: 'https://read.example/d' }); // the same site, a later article
    expect(await value(service, 'pageRead', {}, next)).toMatchObject({ added: false, reason: 'the tab moved to another page meanwhile' });
    await remember(['read.example'], false);
    expect(await value(service, 'pageRead', {}, await readTab('https://read.example/c', 4, 'Read'))).toMatchObject({ added: false });
    expect((await value(service, 'listCorpus', {})).userArticles).toBe(0);
  });

  it('a page with no article, or older than the corpus keeps, is not added', async () => {
    await remember(['read.example']);
    const empty = await readTab('https://read.example/front', 3, 'Read');
    pages.set(empty.tab!.id!, null);
    expect(await value(service, 'pageRead', {}, empty)).toMatchObject({ added: false, reason: 'no article on this page' });
    const old = await readTab('https://read.example/old', 3, 'Read', '2022-01-11');
    expect(await value(service, 'pageRead', {}, old)).toMatchObject({ added: false, reason: 'older than the 30 days the corpus keeps' });
    expect((await value(service, 'listCorpus', {})).userArticles).toBe(0);
  });

  it('only a content script says a page was read; only extension pages read or change the setting', async () => {
    const tab = await readTab('https://read.example/a', 3, 'Read');
    expect((await call(service, 'pageRead', {})).ok).toBe(false); // from the options page
    expect((await call(service, 'setReadingMemory', { enabled: true, sites: ['read.example'] }, tab)).ok).toBe(false);
    expect((await call(service, 'getReadingMemory', {}, tab)).ok).toBe(false);
    expect(await readingMemoryItem.getValue()).toEqual({ enabled: false, sites: [] });
  });

  it('retention: read articles leave with the oldest feed articles; imported ones stay', async () => {
    await importAll(service, USER.slice(1));
    await remember(['read.example']);
    const read = await value(service, 'pageRead', {}, await readTab('https://read.example/a', 3, 'Read', null));
    expect(read.added).toBe(true);
    clock += 2 * DAY;
    // Undated: it dates from when it was read, two days ago; a one-day bound removes it.
    expect(await value(service, 'setRetention', { maxAgeDays: 1, maxArticles: 100 })).toMatchObject({ removed: 1 });
    const left = (await value(service, 'listCorpus', {})).articles.filter((a) => a.origin === 'user').map((a) => a.id);
    expect(left).toEqual(USER.slice(1).map((a) => a.id));
    expect(await readReadRecords()).toEqual([]);
  });

  it('retention: a pinned read article stays past the bound; unpinned, it goes at the next run', async () => {
    await remember(['read.example']);
    const read = await value(service, 'pageRead', {}, await readTab('https://read.example/a', 3, 'Read', null));
    expect((await value(service, 'listCorpus', {})).articles.find((a) => a.id === read.articleId)?.retention).toBe('expires');
    expect(await value(service, 'setArticlePinned', { id: read.articleId, pinned: true })).toEqual({ id: read.articleId, retention: 'pinned' });
    clock += 2 * DAY;
    expect(await value(service, 'setRetention', { maxAgeDays: 1, maxArticles: 100 })).toMatchObject({ removed: 0 });
    expect((await readReadRecords()).map((r) => r.articleId)).toEqual([read.articleId]);
    await value(service, 'setArticlePinned', { id: read.articleId, pinned: false });
    expect(await value(service, 'setRetention', { maxAgeDays: 1, maxArticles: 100 })).toMatchObject({ removed: 1 });
    expect((await value(service, 'listCorpus', {})).userArticles).toBe(0);
  });
});
