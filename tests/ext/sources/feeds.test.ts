// The background's feeds over real HTTP (a site on 127.0.0.1) and fake IndexedDB: subscribe,
// articles arrive and match, 304s, summaries, bad feeds, removal, and a worker restart.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundService } from '../../../lib/ext/background/background-service';
import { readFeedRecords, writeFeedRecords } from '../../../lib/ext/feeds/feed-records';
import { htmlToArticleNode } from '../../../lib/cli/html-article';
import { PoliteFetcher } from '../../../lib/ext/feeds/polite-fetch';
import type { FeedView } from '../../../lib/ext/messaging/messages';
import { startFeedSite, type FeedSite } from '../../e2e/helpers/feed-site';
import { ID, importAll, startService, USER, value } from '../corpus/corpus-helpers';

let site: FeedSite;
let service: BackgroundService;
let factory: IDBFactory;
beforeAll(async () => void (site = await startFeedSite()));
afterAll(() => site.close());

let clock = Date.UTC(2026, 11, 3, 12);
function start(db = new IDBFactory(), allowed = (url: string) => url.startsWith(site.origin)) {
  const fetcher = new PoliteFetcher({ spacingMs: 0 });
  // Node has no DOMParser or offscreen document: pages are read with linkedom, as the CLI reads them.
  const readPage = async (html: string) => ({ article: htmlToArticleNode(html), error: null });
  ({ service, factory } = startService(db, { feeds: { fetcher, readPage, now: () => clock, mayFetch: async (url) => allowed(url) } }));
  return fetcher;
}
beforeEach(() => {
  fakeBrowser.reset();
  site.requests.length = 0;
});

async function subscribe(path: string, outlet?: string): Promise<FeedView> {
  const check = await value(service, 'checkFeed', { url: site.url(path) });
  const view = await value(service, 'subscribeFeed', { feedUrl: check.feedUrl, outlet: outlet ?? check.title });
  await service.feeds.refresh([view.id]);
  return (await value(service, 'listFeeds', {})).find((f) => f.id === view.id)!;
}

async function matchText(text: string, url = 'https://reader.example/story') {
  const tab = await fakeBrowser.tabs.create({ url });
  return value(service, 'matchPage', { url, title: null, outlet: null, text, blockStarts: [0] }, { id: ID, url, tab });
}

// Real HTTP and hundreds of imported articles: slower than a unit test on a loaded machine.
describe('feeds in the background', { timeout: 60_000 }, () => {
  it('RSS with full content: articles arrive without page fetches, match a page, and a 304 adds nothing', async () => {
    start();
    const feed = await subscribe('/rss.xml');
    expect(feed).toMatchObject({ outlet: 'River Post', articles: 3, summaries: 0, lastNew: 3, lastError: null, failures: 0 });
    expect(site.requests.map((r) => r.path)).toEqual(['/rss.xml', '/rss.xml']); // check, then the first read
    expect(site.requests.every((r) => r.method === 'GET' && r.cookie === null)).toBe(true);
    const listing = await value(service, 'listCorpus', {});
    const titles = listing.articles.filter((a) => a.origin === 'user').map((a) => [a.outlet, a.title, a.published, a.credit]);
    expect(titles).toContainEqual(['River Post', 'Grau school update 2', '2026-12-01', 'rss staff']);
    const report = await matchText(site.stories.rss[0]!.paragraphs.slice(0, 2).join(' '));
    expect(new Set(report.sentences.flatMap((s) => s.matches.map((m) => m.outlet)))).toEqual(new Set(['River Post']));

    site.requests.length = 0;
    await value(service, 'refreshFeeds', { id: feed.id });
    await service.feeds.refresh([feed.id]);
    expect(site.requests).toEqual([{ method: 'GET', path: '/rss.xml', ifNoneMatch: '"rss-v1"', cookie: null }]);
    expect((await value(service, 'listFeeds', {}))[0]).toMatchObject({ articles: 3, lastNew: 0, lastError: null });
    expect((await value(service, 'listCorpus', {})).userArticles).toBe(3);
  });

  it('a site address finds its Atom feed; summary-only items are read from their pages, a paywalled one keeps its summary', async () => {
    start();
    const feed = await subscribe('/site.html');
    expect(feed).toMatchObject({ url: site.url('/atom.xml'), outlet: 'Ostmark Courier', articles: 3, summaries: 1 });
    expect(site.requests.map((r) => r.path).filter((p) => p.endsWith('.html'))).toEqual(['/site.html', '/atom/story-3.html', '/atom/story-2.html', '/atom/story-1.html']);
    const records = await readFeedRecords();
    expect(records[0]!.items.find((i) => i.source === 'summary')!.note).toMatch(/only the feed's summary is kept: the page is paywalled or too short/);
  });

  it('JSON Feed works the same', async () => {
    start();
    expect(await subscribe('/feed.json')).toMatchObject({ outlet: 'Lindau Daily', articles: 3, summaries: 0 });
  });

  it.each([
    ['/broken.xml', /not well-formed XML \(line 1/],
    ['/loop.xml', /could not be reached \(no connection, a redirect loop/],
    ['/missing.xml', /answered 404 \(not found\)/],
  ])('%s: a clear error on the feed, a longer wait, nothing added', async (path, error) => {
    start();
    const view = await value(service, 'subscribeFeed', { feedUrl: site.url(path), outlet: 'Bad' });
    await service.feeds.refresh([view.id]);
    const [feed] = await value(service, 'listFeeds', {});
    expect(feed).toMatchObject({ failures: 1, articles: 0, lastError: expect.stringMatching(error) });
    expect(feed!.nextDueMs! - feed!.lastCheckedMs!).toBeGreaterThanOrEqual(30 * 60_000);
    expect((await value(service, 'listCorpus', {})).userArticles).toBe(0);
  });

  it('a 10,000-item feed is read for its newest 500, said so on the list', async () => {
    start();
    const view = await value(service, 'subscribeFeed', { feedUrl: site.url('/many.xml'), outlet: 'Many' });
    await service.feeds.refresh([view.id]);
    const [feed] = await value(service, 'listFeeds', {});
    expect(feed).toMatchObject({ listed: 10_000, lastError: 'the feed lists 10000 items; only the newest 500 are read' });
  });

  it('items without link or text give a reason; HTML in a title is kept as its text; a huge page keeps the summary', async () => {
    start();
    const odd = await value(service, 'subscribeFeed', { feedUrl: site.url('/odd.xml'), outlet: 'Odd' });
    const huge = await value(service, 'subscribeFeed', { feedUrl: site.url('/huge.xml'), outlet: 'Huge' });
    await service.feeds.refresh([odd.id, huge.id]);
    const feeds = await value(service, 'listFeeds', {});
    expect(feeds[0]).toMatchObject({ articles: 1, problems: ['the item has neither a link nor any text'] });
    expect(feeds[1]).toMatchObject({ articles: 1, summaries: 1 });
    expect((await readFeedRecords())[1]!.items[0]!.note).toMatch(/larger than 5 MB/);
    const titles = (await value(service, 'listCorpus', {})).articles.filter((a) => a.origin === 'user').map((a) => a.title);
    expect(titles).toContain('Bold claims');
  });

  it('a host without permission is not requested', async () => {
    start(new IDBFactory(), () => false);
    const answer = await service.handlers.checkFeed({ url: site.url('/rss.xml') }, { id: ID });
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/no permission for 127\.0\.0\.1/) });
    expect(site.requests).toEqual([]);
  });

  it('unsubscribing can remove the feed\'s articles', async () => {
    start();
    const feed = await subscribe('/rss.xml');
    expect(await value(service, 'unsubscribeFeed', { id: feed.id, removeArticles: true })).toEqual({ removed: 3 });
    expect(await value(service, 'listFeeds', {})).toEqual([]);
    expect((await value(service, 'listCorpus', {})).userArticles).toBe(0);
  });

  it('a worker stopped after the commit but before its feed record was stored duplicates nothing and fetches no page again', async () => {
    const db = new IDBFactory();
    start(db);
    const feed = await subscribe('/site.html');
    expect(feed.articles).toBe(3);
    // The record as it was before the read: the items' articles are in the corpus, the record knows nothing.
    const [record] = await readFeedRecords();
    await writeFeedRecords([{ ...record!, items: [], etag: null, timing: { ...record!.timing, nextDueMs: null } }]);
    start(db);
    site.requests.length = 0;
    await service.feeds.refresh([feed.id]);
    expect(site.requests.map((r) => r.path)).toEqual(['/atom.xml']);
    expect((await value(service, 'listCorpus', {})).userArticles).toBe(3);
  });

  it('retention removes the oldest feed articles past the bounds, keeps imported ones, and they are not read again', async () => {
    clock = Date.UTC(2026, 11, 3, 12);
    start();
    await importAll(service, USER);
    const feed = await subscribe('/rss.xml');
    expect(feed.articles).toBe(3);
    expect(await value(service, 'getRetention', {})).toEqual({ maxAgeDays: 30, maxArticles: 50_000 });
    // Stories of Dec 1, 06:00-08:00: a one-day bound at Dec 3 expires all three.
    expect(await value(service, 'setRetention', { maxAgeDays: 1, maxArticles: 100 })).toEqual({ maxAgeDays: 1, maxArticles: 100, removed: 3 });
    const listing = await value(service, 'listCorpus', {});
    expect(listing.articles.filter((a) => a.origin === 'user').map((a) => a.id).sort()).toEqual(USER.map((a) => a.id).sort());
    expect((await value(service, 'listFeeds', {}))[0]).toMatchObject({ articles: 0 });
    site.requests.length = 0;
    await value(service, 'refreshFeeds', { id: feed.id });
    await service.feeds.refresh([feed.id]);
    expect((await value(service, 'listCorpus', {})).userArticles).toBe(USER.length);
  });

  it('items older than the corpus keeps are skipped before any page is fetched, and read once the bound allows them', async () => {
    clock = Date.UTC(2026, 11, 3, 12);
    start();
    // Stories of Dec 1: past a one-day bound on Dec 3.
    await value(service, 'setRetention', { maxAgeDays: 1, maxArticles: 100 });
    const feed = await subscribe('/site.html');
    expect(feed).toMatchObject({ articles: 0, lastNew: 0, lastError: null });
    expect(site.requests.map((r) => r.path)).toEqual(['/site.html', '/atom.xml', '/atom.xml']);
    await value(service, 'setRetention', { maxAgeDays: 30, maxArticles: 50_000 });
    site.requests.length = 0;
    await service.feeds.refresh([feed.id]);
    expect(site.requests.map((r) => r.path).filter((p) => p.startsWith('/atom/')).sort()).toEqual(['/atom/story-1.html', '/atom/story-2.html', '/atom/story-3.html']);
    expect((await value(service, 'listFeeds', {}))[0]).toMatchObject({ articles: 3 });
  });
});
