// Pinned articles in the background: a person pins a feed article from an extension page and
// retention (by age, on refresh, on removing its feed) keeps it; content scripts and other
// extensions may not pin; imported articles need no pin; the pins survive a worker restart.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundService } from '../../../lib/ext/background/background-service';
import { htmlToArticleNode } from '../../../lib/cli/html-article';
import { migratePinnedIds, pinnedArticlesItem, readPinnedIds } from '../../../lib/ext/feeds/pinned-articles';
import { PoliteFetcher } from '../../../lib/ext/feeds/polite-fetch';
import type { Sender } from '../../../lib/ext/messaging/messaging';
import { startFeedSite, type FeedSite } from '../../e2e/helpers/feed-site';
import { call, ID, importAll, startService, USER, value } from '../corpus/corpus-helpers';

let site: FeedSite;
let service: BackgroundService;
beforeAll(async () => void (site = await startFeedSite()));
afterAll(() => site.close());

// Dec 3: the feed's stories (Dec 1) are past a one-day bound.
const clock = Date.UTC(2026, 11, 3, 12);
function start(db = new IDBFactory()) {
  const readPage = async (html: string) => ({ article: htmlToArticleNode(html), error: null });
  ({ service } = startService(db, { feeds: { fetcher: new PoliteFetcher({ spacingMs: 0 }), readPage, now: () => clock, mayFetch: async (url) => url.startsWith(site.origin) } }));
  return db;
}
beforeEach(() => fakeBrowser.reset());

/** Subscribes to the RSS feed (3 stories) and answers its id and its articles' ids, by title. */
async function subscribeRss(): Promise<{ feedId: string; ids: Map<string, string> }> {
  const view = await value(service, 'subscribeFeed', { feedUrl: site.url('/rss.xml'), outlet: 'River Post' });
  await service.feeds.refresh([view.id]);
  const listing = await value(service, 'listCorpus', {});
  return { feedId: view.id, ids: new Map(listing.articles.filter((a) => a.outlet === 'River Post').map((a) => [a.title ?? '', a.id])) };
}

async function userListing() {
  return (await value(service, 'listCorpus', {})).articles.filter((a) => a.origin === 'user').map((a) => [a.title, a.retention ?? 'stays']).sort();
}

const contentScript = (url = 'https://news.example/a'): Sender => ({ id: ID, url, tab: { id: 4 } as Sender['tab'] });

describe('pinned articles', { timeout: 60_000 }, () => {
  it('a pinned feed article stays when retention removes the others, listed as pinned, and the pin survives a restart', async () => {
    const db = start();
    await importAll(service, USER.slice(0, 1));
    const { ids } = await subscribeRss();
    const [first, second, third] = [...ids.values()];
    expect((await value(service, 'listCorpus', {})).articles.find((a) => a.id === first)?.retention).toBe('expires');
    expect(await value(service, 'setArticlePinned', { id: first, pinned: true })).toEqual({ id: first, retention: 'pinned' });
    expect(await value(service, 'getArticleRetention', { ids: [first, second, USER[0]!.id, 'nope', '__proto__'] }))
      .toEqual({ [first!]: 'pinned', [second!]: 'expires' });
    expect(await value(service, 'setRetention', { maxAgeDays: 1, maxArticles: 100 })).toMatchObject({ removed: 2 });
    const left = (await value(service, 'listCorpus', {})).articles.filter((a) => a.origin === 'user');
    expect(left.map((a) => [a.id, a.retention]).sort()).toEqual([[first, 'pinned'], [USER[0]!.id, undefined]].sort());
    expect(left.some((a) => a.id === second || a.id === third)).toBe(false);
    // The refresh's own retention run keeps it too, and so does a woken worker.
    await service.feeds.refresh();
    start(db);
    await service.feeds.refresh();
    expect((await value(service, 'listCorpus', {})).articles.find((a) => a.id === first)?.retention).toBe('pinned');
    expect([...(await readPinnedIds())]).toEqual([first]);
  });

  it('unpinned, it goes at the next run; removing a feed with its articles keeps the pinned ones', async () => {
    start();
    const { feedId, ids } = await subscribeRss();
    const [first, second] = [...ids.values()];
    await value(service, 'setArticlePinned', { id: first, pinned: true });
    await value(service, 'setArticlePinned', { id: second, pinned: true });
    expect(await value(service, 'setArticlePinned', { id: second, pinned: false })).toEqual({ id: second, retention: 'expires' });
    expect(await value(service, 'unsubscribeFeed', { id: feedId, removeArticles: true })).toEqual({ removed: 2 });
    expect(await userListing()).toEqual([[[...ids.keys()][0], 'pinned']]);
    // Its feed gone, an unpinned article is listed by nothing: like an imported one, it stays.
    expect(await value(service, 'setArticlePinned', { id: first, pinned: false })).toEqual({ id: first, retention: null });
    expect(await value(service, 'setRetention', { maxAgeDays: 1, maxArticles: 100 })).toMatchObject({ removed: 0 });
    expect(await userListing()).toEqual([[[...ids.keys()][0], 'stays']]);
  });

  it('only the extension\'s own pages may pin: a content script or another extension is refused and nothing is stored', async () => {
    start();
    const { ids } = await subscribeRss();
    const id = [...ids.values()][0]!;
    for (const sender of [contentScript(), { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' }]) {
      const answer = await call(service, 'setArticlePinned', { id, pinned: true }, sender);
      expect(answer).toEqual({ ok: false, error: expect.stringMatching(/refused: "setArticlePinned" may be called only from the extension's own pages/) });
      expect((await call(service, 'getArticleRetention', { ids: [id] }, sender)).ok).toBe(false);
    }
    expect(await pinnedArticlesItem.getValue()).toEqual([]);
    expect(await value(service, 'setRetention', { maxAgeDays: 1, maxArticles: 100 })).toMatchObject({ removed: 3 });
  });

  it.each([
    [{ id: 'no-such-article', pinned: true }, /not in your corpus/],
    [{ id: USER[1]!.id, pinned: true }, /imported or added that article yourself, so it always stays/],
    [{ id: 7, pinned: true }, /setArticlePinned needs \{ id: an article id, pinned: true or false \}/],
    [{ id: USER[1]!.id, pinned: 'yes' }, /setArticlePinned needs/],
  ])('refuses %j, saying why', async (data, error) => {
    start();
    await importAll(service, USER);
    expect(await call(service, 'setArticlePinned', data)).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(await pinnedArticlesItem.getValue()).toEqual([]);
  });

  it('getArticleRetention refuses anything but a short list of ids', async () => {
    start();
    expect((await call(service, 'getArticleRetention', { ids: 'a' })).ok).toBe(false);
    expect((await call(service, 'getArticleRetention', { ids: Array.from({ length: 501 }, (_, i) => `a${i}`) })).ok).toBe(false);
  });

  it('a pinned article removed by hand leaves the pins at the next change', async () => {
    start();
    const { ids } = await subscribeRss();
    const [first, second] = [...ids.values()];
    await value(service, 'setArticlePinned', { id: first, pinned: true });
    await value(service, 'removeArticles', { ids: [first] });
    await value(service, 'setArticlePinned', { id: second, pinned: true });
    expect(await pinnedArticlesItem.getValue()).toEqual([second]);
  });
});

describe('migratePinnedIds', () => {
  it.each([
    [null, []],
    ['a', []],
    [['a', 'b', 'a', '', 3, null, 'x'.repeat(301), 'c'], ['a', 'b', 'c']],
  ])('%j -> %j', (raw, ids) => expect(migratePinnedIds(raw)).toEqual(ids));
});
