/** Any feed text -> Feed: JSON Feed or XML (RSS, RDF, Atom), told apart by the first
 *  character, so a caller needs no Content-Type (servers often send the wrong one). */
import { parseJsonFeed } from './json-feed';
import type { FeedResult } from './feed';
import { parseXmlFeed } from './xml-feed';

/** Most items read from one feed: the newest first. A feed listing more (an archive dump) is
 *  read for its newest MAX_FEED_ITEMS; the rest are older news than the corpus keeps. */
export const MAX_FEED_ITEMS = 500;

/** What parseFeed answers: the feed (items newest first, at most MAX_FEED_ITEMS) and how many
 *  items it listed in all. */
export type ParsedFeed = FeedResult & { listed?: number };

/** Parses a feed. `baseUrl` is the address it came from (resolves relative links). An HTML
 *  page, an empty answer or anything else gets one line saying what it is and what to do. */
export function parseFeed(text: string, baseUrl: string | null = null): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') return { ok: false, error: 'the feed address answered nothing (an empty page): check the address' };
  let result: FeedResult;
  if (body.startsWith('{') || body.startsWith('[')) result = parseJsonFeed(body, baseUrl);
  else if (/^<(!doctype\s+html|html[\s>])/i.test(body)) {
    return { ok: false, error: 'this address is a web page, not a feed: give the feed\'s address, or the site\'s address to find its feed' };
  } else if (body.startsWith('<')) result = parseXmlFeed(body, baseUrl);
  else return { ok: false, error: 'this address does not answer with a feed (neither XML nor JSON): check the address' };
  if (!result.ok) return result;
  const { items } = result.feed;
  const newestFirst = items.map((item, i) => ({ item, i }))
    .sort((a, b) => (b.item.publishedMs ?? -Infinity) - (a.item.publishedMs ?? -Infinity) || a.i - b.i)
    .slice(0, MAX_FEED_ITEMS)
    .map(({ item }) => item);
  return { ok: true, feed: { ...result.feed, items: newestFirst }, listed: items.length };
}
