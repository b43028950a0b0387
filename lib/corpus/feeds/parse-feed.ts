/** Any feed text -> Feed: JSON Feed or XML (RSS, RDF, Atom), told apart by the first
 *  character, so a caller needs no Content-Type (servers often send the wrong one). */
import { draftJsonFeed } from './json-feed';
import { completeDraft, type DraftResult, type Feed, type FeedItem } from './feed';
import { draftOfXmlRoot, draftXmlFeed, xmlFeedError } from './xml-feed';
import { readXmlInSlices } from './xml-slices';

/** Most items read from one feed: the newest first. A feed listing more (an archive dump) is
 *  read for its newest MAX_FEED_ITEMS; the rest are older news than the corpus keeps. */
export const MAX_FEED_ITEMS = 500;

/** What parseFeed answers: the feed (items newest first, at most MAX_FEED_ITEMS) and how many
 *  items it listed in all. */
export type ParsedFeed = { ok: true; feed: Feed; listed?: number } | { ok: false; error: string };

/** How sliced work gives its thread back: `pause` resolves in a later task, `now` is a ms
 *  clock, and a slice runs until about `sliceMs` have passed. */
export interface Slicing { pause: () => Promise<void>; now: () => number; sliceMs: number }

/** Parses a feed. `baseUrl` is the address it came from (resolves relative links). An HTML
 *  page, an empty answer or anything else gets one line saying what it is and what to do. */
export function parseFeed(text: string, baseUrl: string | null = null): ParsedFeed {
  const kind = kindOf(text);
  if (!kind.ok) return kind;
  const broken = kind.xml ? xmlFeedError(kind.body) : null;
  if (broken) return { ok: false, error: broken };
  const drafted = kind.xml ? draftXmlFeed(kind.body, baseUrl) : draftJsonFeed(kind.body, baseUrl);
  return drafted.ok ? newestFirst(completeDraft(drafted.draft)) : drafted;
}

/** parseFeed in slices, so a big feed never holds a thread for long: the XML is cut at its
 *  items, checked and parsed a piece at a time (xml-slices.ts), and the items are read a slice
 *  of them at a time, each slice a task of its own. Answers what parseFeed answers. */
export async function parseFeedInSlices(text: string, baseUrl: string | null, slicing: Slicing): Promise<ParsedFeed> {
  const kind = kindOf(text);
  if (!kind.ok) return kind;
  let drafted: DraftResult;
  if (kind.xml) {
    const read = await readXmlInSlices(kind.body, slicing);
    if (!read.ok) return read;
    drafted = draftOfXmlRoot(read.root, baseUrl);
  } else drafted = draftJsonFeed(kind.body, baseUrl);
  if (!drafted.ok) return drafted;
  await slicing.pause();
  const { draft } = drafted;
  const items: FeedItem[] = [];
  let sliceStart = slicing.now();
  for (let i = 0; i < draft.count; i++) {
    items.push(draft.item(i));
    if (slicing.now() - sliceStart >= slicing.sliceMs && i + 1 < draft.count) {
      await slicing.pause();
      sliceStart = slicing.now();
    }
  }
  return newestFirst({ ...draft.head, items });
}

type Kind = { ok: true; xml: boolean; body: string } | { ok: false; error: string };

function kindOf(text: string): Kind {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') return { ok: false, error: 'the feed address answered nothing (an empty page): check the address' };
  if (body.startsWith('{') || body.startsWith('[')) return { ok: true, xml: false, body };
  if (/^<(!doctype\s+html|html[\s>])/i.test(body)) {
    return { ok: false, error: 'this address is a web page, not a feed: give the feed\'s address, or the site\'s address to find its feed' };
  }
  if (body.startsWith('<')) return { ok: true, xml: true, body };
  return { ok: false, error: 'this address does not answer with a feed (neither XML nor JSON): check the address' };
}

/** The newest MAX_FEED_ITEMS items first (undated ones last, in feed order), and the count. */
function newestFirst(feed: Feed): ParsedFeed {
  const { items } = feed;
  const sorted = items.map((item, i) => ({ item, i }))
    .sort((a, b) => (b.item.publishedMs ?? -Infinity) - (a.item.publishedMs ?? -Infinity) || a.i - b.i)
    .slice(0, MAX_FEED_ITEMS)
    .map(({ item }) => item);
  return { ok: true, feed: { ...feed, items: sorted }, listed: items.length };
}
