/** Feeds end to end, in Chromium and Firefox: subscribe through the options page to feeds on a
 *  site served from 127.0.0.1 (RSS with full content, Atom with summaries so the pages are
 *  fetched, one of them paywalled, JSON Feed, a broken feed, a 304 on refresh), see the
 *  articles arrive and a page sharing their sentences highlighted with the feed's outlet in the
 *  popup; every request the site saw was one Echoes was asked to make, without cookies. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachBrowser } from './helpers/browsers/for-each-browser';
import { pollUntil } from './helpers/browsers/poll';
import { click } from './helpers/browsers/pointer';
import type { E2eBrowser, E2ePage } from './helpers/browsers/types';
import { listing } from './helpers/corpus-ui';
import { texts, waitForSelector } from './helpers/dom-probes';
import { startFeedSite, type FeedSite } from './helpers/feed-site';
import { waitForMarks } from './helpers/page-probes';

const ROOT = join(__dirname, '../..');
/** This file's own builds (`wxt build --mode feeds-e2e`): the test site's host granted at install. */
const BUILDS = {
  chromium: { dir: join(ROOT, '.output/chrome-mv3-feeds-e2e'), command: 'npx wxt build --mode feeds-e2e' },
  firefox: { dir: join(ROOT, '.output/firefox-mv2-feeds-e2e'), command: 'npx wxt build -b firefox --mode feeds-e2e' },
};
let built = false;
function buildOnce() {
  if (built) return;
  for (const args of [['wxt', 'build', '--mode', 'feeds-e2e'], ['wxt', 'build', '-b', 'firefox', '--mode', 'feeds-e2e']]) {
    execFileSync('npx', args, { cwd: ROOT, stdio: 'ignore' });
  }
  built = true;
}

let site: FeedSite;
beforeAll(async () => {
  buildOnce();
  site = await startFeedSite();
}, 180_000);
afterAll(() => site?.close());

/** Types `url` into the subscribe form and clicks Subscribe, as a person would. */
async function subscribe(options: E2ePage, url: string): Promise<void> {
  await options.evaluate((value) => {
    const input = document.querySelector<HTMLInputElement>('#feed-url')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, url);
  await click(options, { selector: 'form.feed-subscribe button', hasText: 'Subscribe' });
}

/** The feed list's rows as "outlet | status | count | error". */
function feedRows(options: E2ePage): Promise<string[]> {
  return options.evaluate(() => [...document.querySelectorAll('li.feed')].map((li) =>
    ['.feed-outlet', '.feed-status', '.feed-count', '.feed-error'].map((s) => li.querySelector(s)?.textContent?.trim() ?? '').join(' | ')));
}

async function waitForRow(options: E2ePage, outlet: string, has: string): Promise<string> {
  let last: string[] = [];
  const ok = await pollUntil(async () => (last = await feedRows(options)).some((r) => r.startsWith(outlet) && r.includes(has)), 60_000, 250);
  if (!ok) throw new Error(`no feed row "${outlet}" with "${has}"; rows: ${JSON.stringify(last)}`);
  return last.find((r) => r.startsWith(outlet))!;
}

forEachBrowser('feeds', (ctx) => {
  let session: E2eBrowser;
  let options: E2ePage;
  beforeAll(async () => {
    session = ctx.session;
    site.requests.length = 0;
    options = await session.openOptions();
  });

  it('subscribing on the options page brings the feeds\' articles in, in plain words on the list', async () => {
    await subscribe(options, site.url('/rss.xml'));
    expect(await waitForRow(options, 'River Post', '3 articles in your corpus')).toContain('3 new articles');
    await subscribe(options, site.url('/site.html')); // a site address: its page names the Atom feed
    expect(await waitForRow(options, 'Ostmark Courier', '3 articles in your corpus')).toContain('(1 only the feed\'s summary');
    await subscribe(options, site.url('/feed.json'));
    await waitForRow(options, 'Lindau Daily', '3 articles in your corpus');
    await subscribe(options, site.url('/broken.xml')); // refused, saying why
    expect(await pollUntil(async () => (await texts(options, '.feeds-panel > .field-error')).some((t) => /not well-formed XML \(line 1, column \d+/.test(t)), 15_000)).toBe(true);
    await subscribe(options, site.url(`/flaky.xml?run=${ctx.name}`));
    await waitForRow(options, 'Flaky Wire', '0 articles');
    await session.screenshot(options, 'feeds-options', { fullPage: true });
  }, 180_000);

  it('a page sharing sentences with a feed article is highlighted, the feed\'s outlet in the popup', async () => {
    // On another host name than the feeds' articles: an outlet's own articles never echo its page.
    const page = await session.open(site.url('/reader/story.html').replace('127.0.0.1', 'localhost'));
    const marks = await waitForMarks(page, 3, 30_000);
    const popup = await session.openPopup(await session.tabIdOf(page));
    expect(marks).toBeGreaterThanOrEqual(3);
    const found = await pollUntil(async () => (await popup.evaluate(() => document.body.textContent ?? '')).includes('River Post'), 15_000);
    expect(found).toBe(true);
    expect(await popup.evaluate(() => document.body.textContent ?? '')).toContain('Lindau Daily');
    await session.screenshot(popup, 'feeds-popup');
    // "Keep this article" on River Post's version pins it; "Unpin" lets it go again.
    await click(popup, { selector: '.sentence-toggle', hasText: 'River Post' });
    await click(popup, { selector: '.version .keep', hasText: 'Keep this article from River Post' });
    await waitForSelector(popup, '.version .keep', 'Unpin from River Post');
    const pinned = (await listing(session)).articles.filter((a) => a.retention === 'pinned');
    expect(pinned.map((a) => a.outlet)).toEqual(['River Post']);
    await session.screenshot(popup, 'feeds-popup-kept');
    await click(popup, { selector: '.version .keep', hasText: 'Unpin from River Post' });
    await waitForSelector(popup, '.version .keep', 'Keep this article from River Post');
    expect((await listing(session)).articles.filter((a) => a.retention === 'pinned')).toEqual([]);
  }, 120_000);

  it('"Refresh all now": a 304 (asked with the ETag) adds nothing; a feed that now fails says so', async () => {
    const from = site.requests.length;
    await click(options, { selector: '.feed-list > button', hasText: 'Refresh all now' });
    expect(await waitForRow(options, 'Flaky Wire', 'Problem: the site answered 500 (a server error)')).toContain('0 articles');
    const rss = site.requests.slice(from).filter((r) => r.path === '/rss.xml');
    expect(rss).toEqual([{ method: 'GET', path: '/rss.xml', ifNoneMatch: '"rss-v1"', cookie: null }]);
    expect(await waitForRow(options, 'River Post', 'nothing new')).toContain('3 articles in your corpus');
    await session.screenshot(options, 'feeds-refreshed', { fullPage: true });
  }, 120_000);

  it('the site saw only the feeds and the pages Echoes was asked to read, as plain GETs without cookies', () => {
    const asked = new Set(site.requests.map((r) => r.path));
    const expected = new Set(['/rss.xml', '/site.html', '/atom.xml', '/feed.json', '/broken.xml', '/flaky.xml', '/reader/story.html',
      ...site.stories.atom.map((s) => new URL(s.url).pathname)]);
    expect([...asked].filter((p) => !expected.has(p) && p !== '/favicon.ico')).toEqual([]);
    expect(site.requests.every((r) => r.method === 'GET' && r.cookie === null)).toBe(true);
    // Full-content feeds need no page: River Post's and Lindau Daily's pages were never asked for.
    expect([...asked].filter((p) => p.startsWith('/rss/') || p.startsWith('/json/'))).toEqual([]);
  });

  it('the list shows outlet names and errors as text', async () => {
    expect(await texts(options, 'li.feed .feed-outlet')).toEqual(['River Post', 'Ostmark Courier', 'Lindau Daily', 'Flaky Wire']);
    expect(session.console.echoesProblems()).toEqual([]);
  });

  it('retention removes what it should: an article pinned on the options page stays, the unpinned feed articles go', async () => {
    const feedArticles = (await listing(session)).articles.filter((a) => a.origin === 'user');
    expect(feedArticles.length).toBe(9);
    expect(feedArticles.every((a) => a.retention === 'expires')).toBe(true);
    // Found through the corpus search, as a person would in a corpus of thousands, then pinned.
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#corpus-search')!;
      input.value = 'Grau school';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitForSelector(options, '.article-line .pin', 'Pin Grau school update 2');
    await click(options, { selector: '.article-line .pin', hasText: 'Pin Grau school update 2' });
    await waitForSelector(options, '.article-line', 'pinnedUnpin Grau school update 2');
    // Stories of Dec 1: a one-day bound expires every feed article but the pinned one.
    await options.evaluate(() => {
      const days = document.querySelector<HTMLInputElement>('#retention-days')!;
      days.value = '1';
      days.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(options, { selector: 'form.retention button', hasText: 'Save' });
    await waitForSelector(options, 'form.retention [role="status"]', 'Saved. 8 older feed articles removed.');
    const left = (await listing(session)).articles.filter((a) => a.origin === 'user');
    expect(left.map((a) => [a.outlet, a.title, a.retention])).toEqual([['River Post', 'Grau school update 2', 'pinned']]);
    expect(await texts(options, '.article-line .pinned-tag')).toEqual(['pinned']);
    await session.screenshot(options, 'feeds-pinned-after-retention', { fullPage: true });
    expect(session.console.echoesProblems()).toEqual([]);
  }, 120_000);
}, { builds: BUILDS });
