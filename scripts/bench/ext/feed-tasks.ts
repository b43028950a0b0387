/** `npm run bench -- --feeds`: the longest task a feed refresh holds the background's thread
 *  for, on one feed of 3,000 items that each carry their full text (so 60 articles are made
 *  from the feed itself, none fetched). Runs lib/ext/feeds' refreshFeed in Node, the same
 *  JavaScript the service worker runs, beside a ticker that notes every stretch the thread
 *  was not free; prints the old one-call parse (and its check and parse steps, which a refresh
 *  now takes a piece of the document at a time) beside it. Prints figures; asserts nothing. */
import { loadavg } from 'node:os';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseFeed } from '../../../lib/corpus/feeds/parse-feed';
import { draftXmlFeed, xmlFeedError } from '../../../lib/corpus/feeds/xml-feed';
import { rssFeed, storyParagraphs } from '../../../tests/unit/corpus/feeds/feed-samples';

const ITEMS = 3_000;
const ROUNDS = 3;

/** Runs `work` while a setImmediate ticker measures the longest gap between its ticks (ms of
 *  the wall clock), and the most CPU time the process used in any one gap (ms, all its threads:
 *  on a shared machine a gap can be long because another process ran, not ours). */
async function longestGap(work: () => Promise<unknown>): Promise<{ longestMs: number; longestCpuMs: number; totalMs: number }> {
  let longest = 0;
  let longestCpu = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let done = false;
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    longest = Math.max(longest, now - last);
    longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
    if (!done) setImmediate(tick);
  };
  setImmediate(tick);
  const started = performance.now();
  await work();
  const totalMs = performance.now() - started;
  done = true;
  tick();
  return { longestMs: longest, longestCpuMs: longestCpu, totalMs };
}

/** Prints the figures. */
export async function runFeedBench(): Promise<void> {
  // lib/ext modules declare their storage items when loaded: WXT's fake browser stands in
  // (nothing is stored during the run; the refresh is handed its record and commit).
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  const { newFeedRecord } = await import('../../../lib/ext/feeds/feed-records');
  const { refreshFeed } = await import('../../../lib/ext/feeds/feed-refresh');
  const stories = Array.from({ length: ITEMS }, (_, i) => ({
    id: `item-${i}`, url: `https://news.example/${i}.html`, title: `Story ${i}`, author: 'Staff',
    published: new Date(Date.UTC(2026, 11, 1) + i * 60_000).toISOString(), paragraphs: storyParagraphs(`Town ${i}`, i, 2),
  }));
  const xml = rssFeed('Big Feed', 'https://news.example/', stories);
  const now = Date.UTC(2026, 11, 3);
  const refresh = () => refreshFeed(newFeedRecord('https://news.example/rss.xml', 'Big Feed', now), {
    get: async () => ({ ok: true, status: 200, text: xml, url: 'https://news.example/rss.xml', etag: null, lastModified: null }),
    hasArticle: () => false,
    commit: async (articles) => ({ ok: true, value: { added: articles.map(() => ({}) as never), skipped: [] } }),
    now: () => now,
  });
  console.log(`\nFeed refresh in the background's JavaScript (Node ${process.version}; load ${loadavg().map((n) => n.toFixed(1)).join(', ')}):`);
  console.log(`  one feed of ${ITEMS.toLocaleString('en-US')} items with their full text, ${(xml.length / 1e6).toFixed(1)} MB`);
  for (let round = 1; round <= ROUNDS; round++) {
    const old = await longestGap(async () => parseFeed(xml, 'https://news.example/rss.xml'));
    const sliced = await longestGap(refresh);
    const check = await longestGap(async () => xmlFeedError(xml));
    const parse = await longestGap(async () => draftXmlFeed(xml));
    console.log(`  round ${round}: parseFeed in one call ${old.totalMs.toFixed(0)} ms; refreshFeed (sliced, 60 articles made) `
      + `${sliced.totalMs.toFixed(0)} ms in all, longest task ${sliced.longestMs.toFixed(0)} ms (most CPU in one task ${sliced.longestCpuMs.toFixed(0)} ms); `
      + `the one-call steps it no longer takes: the whole XML check ${check.totalMs.toFixed(0)} ms, fast-xml-parser's whole parse ${parse.totalMs.toFixed(0)} ms`);
  }
}
