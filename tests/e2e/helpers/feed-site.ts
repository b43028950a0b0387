/** A small news site on 127.0.0.1 for the feed tests (ext and e2e): outlets' feeds in each
 *  format and their article pages, plus the bad cases (a broken feed, a failing one, a
 *  redirect loop, a paywalled page, a huge page, a 10,000-item feed). Every request is logged
 *  with its method and the headers that matter, so tests can check what Echoes asked for. */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PAGES_DIR, VELDEN_CORPUS_DIR } from './fixture-site';
import { articlePage, atomFeed, jsonFeed, rssFeed, storyParagraphs, type SampleStory } from '../../unit/corpus/feeds/feed-samples';

/** One request as the server saw it. */
export interface LoggedRequest { method: string; path: string; ifNoneMatch: string | null; cookie: string | null }

/** The running site. */
export interface FeedSite {
  origin: string;
  url(path: string): string;
  requests: LoggedRequest[];
  /** The stories of each outlet, to build pages that share their sentences. */
  stories: Record<'rss' | 'atom' | 'json', SampleStory[]>;
  close(): Promise<void>;
}

const ETAG = '"rss-v1"';

/** Three stories per outlet: first one of the Velden reports (tests/e2e/fixtures/velden, which
 *  the Northern Daily's page shares sentences with), then two of its own on other topics. */
function storiesOf(outlet: string, origin: string, velden: { title: string; text: string }, topics: string[]): SampleStory[] {
  const at = (i: number) => ({ id: `${outlet}-${i + 1}`, url: `${origin}/${outlet}/story-${i + 1}.html`, published: new Date(Date.UTC(2026, 11, 1, 6 + i)).toISOString(), author: `${outlet} staff` });
  return [
    { ...at(0), title: velden.title, paragraphs: velden.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) },
    ...topics.map((topic, i) => ({ ...at(i + 1), title: `${topic} <em>update</em> ${i + 2}`, paragraphs: storyParagraphs(topic, i + 2, 8) })),
  ];
}

/** The Velden reports by id: Port Wire's and Harbour Gazette's (wires.jsonl), Coastal Times'. */
function veldenReports(): Record<string, { title: string; text: string }> {
  const wires = readFileSync(join(VELDEN_CORPUS_DIR, 'wires.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string; text: string });
  const coastal = JSON.parse(readFileSync(join(VELDEN_CORPUS_DIR, 'coastal-times.json'), 'utf8')) as { id: string; title: string; text: string };
  return Object.fromEntries([...wires, coastal].map((a) => [a.id, a]));
}

/** Starts the site on a free port. */
export async function startFeedSite(): Promise<FeedSite> {
  const requests: LoggedRequest[] = [];
  const flakyCounts = new Map<string, number>();
  let routes = new Map<string, { type: string; body: string | (() => string); etag?: string } | { redirect: string }>();
  const server = createServer((req: IncomingMessage, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? '', path, ifNoneMatch: header(req, 'if-none-match'), cookie: header(req, 'cookie') });
    // A feed that answers twice (the check and the first read), then fails with a server error.
    // Counted per address (a query names the run), so each browser's run sees the same feed.
    const flaky = (flakyCounts.get(req.url ?? '') ?? 0) + 1;
    if (path === '/flaky.xml') flakyCounts.set(req.url ?? '', flaky);
    if (path === '/flaky.xml' && flaky > 2) return void res.writeHead(500, { 'Content-Type': 'text/plain' }).end('oops');
    const route = routes.get(path === '/flaky.xml' ? '/flaky-ok.xml' : path);
    if (!route) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    if ('redirect' in route) return void res.writeHead(302, { Location: route.redirect }).end();
    if (route.etag && req.headers['if-none-match'] === route.etag) return void res.writeHead(304, { ETag: route.etag }).end();
    res.writeHead(200, { 'Content-Type': route.type, 'Cache-Control': 'no-store', ...(route.etag ? { ETag: route.etag } : {}) });
    res.end(typeof route.body === 'function' ? route.body() : route.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const velden = veldenReports();
  const stories = {
    rss: storiesOf('rss', origin, velden['portwire-velden-crane']!, ['Grau school', 'Grau railway']),
    atom: storiesOf('atom', origin, velden['gazette-velden-crane']!, ['Ostmark hospital', 'Ostmark bridge']),
    json: storiesOf('json', origin, velden['coastal-velden-pier']!, ['Lindau museum', 'Lindau tram']),
  };
  routes = siteRoutes(origin, stories, ETAG);
  return {
    origin, url: (path) => `${origin}${path}`, requests, stories,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}

function siteRoutes(origin: string, stories: FeedSite['stories'], etag: string) {
  const xml = 'application/rss+xml; charset=utf-8';
  const html = 'text/html; charset=utf-8';
  const paywalled = { ...stories.atom[2]!, paragraphs: ['Subscribe to read the rest of this article.'] };
  const routes = new Map<string, { type: string; body: string | (() => string); etag?: string } | { redirect: string }>([
    ['/rss.xml', { type: xml, body: rssFeed('River Post', `${origin}/`, stories.rss, { ttl: 60 }), etag }],
    ['/atom.xml', { type: 'application/atom+xml', body: atomFeed('Ostmark Courier', `${origin}/`, stories.atom) }],
    ['/feed.json', { type: 'application/feed+json', body: jsonFeed('Lindau Daily', `${origin}/`, stories.json) }],
    ['/flaky-ok.xml', { type: xml, body: rssFeed('Flaky Wire', `${origin}/`, []) }],
    ['/broken.xml', { type: xml, body: '<rss version="2.0"><channel><title>Broken</title><item><title>x</title></channel></rss>' }],
    ['/loop.xml', { redirect: '/loop.xml' }],
    ['/huge.xml', { type: xml, body: () => rssFeed('Huge', `${origin}/`, [{ ...stories.rss[0]!, id: 'huge', url: `${origin}/huge.html`, paragraphs: ['Short teaser.'] }]) }],
    ['/huge.html', { type: html, body: () => `<html><body><article>${'<p>filler words that go on and on. </p>'.repeat(200_000)}</article></body></html>` }],
    ['/many.xml', { type: xml, body: () => manyItems(origin) }],
    ['/odd.xml', { type: xml, body: oddItems(origin) }],
    ['/site.html', { type: html, body: `<!doctype html><html><head><title>Ostmark Courier</title><link rel="alternate" type="application/atom+xml" title="Ostmark Courier" href="/atom.xml"></head><body><p>Front page</p></body></html>` }],
  ]);
  for (const story of [...stories.rss, ...stories.atom.slice(0, 2), ...stories.json]) {
    routes.set(new URL(story.url).pathname, { type: html, body: articlePage('Outlet', story) });
  }
  routes.set(new URL(paywalled.url).pathname, { type: html, body: articlePage('Ostmark Courier', paywalled) });
  // The reader's page: the Northern Daily's report, which shares sentences with the Velden ones.
  routes.set('/reader/story.html', { type: html, body: readFileSync(join(PAGES_DIR, 'northern-daily-velden.html'), 'utf8') });
  return routes;
}

/** A feed of 10,000 short items (all summaries, none with a page). */
function manyItems(origin: string): string {
  const items = Array.from({ length: 10_000 }, (_, i) => `<item><title>Item ${i}</title><guid isPermaLink="false">many-${i}</guid><description>Brief ${i} about the weather in the north today.</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title><link>${origin}/</link>${items.join('')}</channel></rss>`;
}

/** Items without link or text, and HTML in a title. */
function oddItems(origin: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Odd &amp; Ends</title><link>${origin}/</link>
    <item><title>Nothing here</title></item>
    <item><title>&lt;img src=x onerror=alert(1)&gt;Bold &lt;b&gt;claims&lt;/b&gt;</title><guid isPermaLink="false">odd-2</guid><description>${storyParagraphs('Grau', 9, 8).join(' ')}</description></item>
  </channel></rss>`;
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}
