import { describe, expect, it } from 'vitest';
import { MAX_FEED_ITEMS, parseFeed, parseFeedInSlices } from '../../../../lib/corpus/feeds/parse-feed';
import { atomFeed, jsonFeed, rssFeed, storyParagraphs, type SampleStory } from './feed-samples';

const story = (n: number, extra: Partial<SampleStory> = {}): SampleStory => ({
  id: `story-${n}`, url: `https://news.example/world/story-${n}?utm_source=rss`, title: `Story ${n}`,
  published: `2026-12-0${1 + (n % 3)}T08:00:00Z`, author: 'Ann Reporter', paragraphs: storyParagraphs('Velden', n), ...extra,
});

function parsed(text: string, base: string | null = null) {
  const result = parseFeed(text, base);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('parseFeed', () => {
  it('reads RSS 2.0: channel, ttl, items with guid, link, date, creator, full content and summary', () => {
    const { feed, listed } = parsed(rssFeed('Example News', 'https://news.example/', [story(1)], { ttl: 45 }));
    expect(feed).toMatchObject({ format: 'rss', title: 'Example News', siteUrl: 'https://news.example/', ttlMinutes: 45 });
    expect(listed).toBe(1);
    const [item] = feed.items;
    expect(item).toMatchObject({
      key: 'story-1', url: 'https://news.example/world/story-1?utm_source=rss', title: 'Story 1', titleIsHtml: false,
      publishedMs: Date.parse('2026-12-02T08:00:00Z'), author: 'Ann Reporter',
    });
    expect(item!.content).toMatchObject({ kind: 'html' });
    expect(item!.content!.value).toContain('<p>Officials in Velden');
    expect(item!.summary!.value).toContain('Officials in Velden said on day 1');
  });

  it('reads Atom: alternate link, html title, published, author name, text summary, no content', () => {
    const { feed } = parsed(atomFeed('Wire', 'https://wire.example/', [story(2, { title: 'Fish & <b>chips</b>' })]));
    expect(feed).toMatchObject({ format: 'atom', title: 'Wire', siteUrl: 'https://wire.example/', ttlMinutes: null });
    expect(feed.items[0]).toMatchObject({
      key: 'story-2', url: 'https://news.example/world/story-2?utm_source=rss', title: 'Fish &amp; &lt;b&gt;chips&lt;/b&gt;', titleIsHtml: true,
      author: 'Ann Reporter', content: null, summary: { kind: 'text' },
    });
  });

  it('reads JSON Feed 1.1', () => {
    const { feed } = parsed(jsonFeed('JSON Times', 'https://json.example/', [story(3)]));
    expect(feed).toMatchObject({ format: 'json', title: 'JSON Times', siteUrl: 'https://json.example/' });
    expect(feed.items[0]).toMatchObject({ key: 'story-3', author: 'Ann Reporter', content: { kind: 'html' }, summary: null });
  });

  it('reads RSS 1.0 (RDF) with dc:date', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://rdf.example/"><title>RDF Post</title><link>https://rdf.example/</link></channel>
      <item rdf:about="https://rdf.example/a"><title>A</title><link>https://rdf.example/a</link><dc:date>2026-11-30T10:00:00Z</dc:date><description>Short.</description></item>
    </rdf:RDF>`;
    const { feed } = parsed(rdf);
    expect(feed).toMatchObject({ format: 'rdf', title: 'RDF Post' });
    expect(feed.items[0]).toMatchObject({ key: 'https://rdf.example/a', url: 'https://rdf.example/a', publishedMs: Date.parse('2026-11-30T10:00:00Z') });
  });

  it('resolves relative links against the feed address and refuses non-web links', () => {
    const rss = `<rss version="2.0"><channel><title>T</title>
      <item><title>rel</title><link>/news/1</link></item>
      <item><title>js</title><link>javascript:alert(1)</link><guid>g2</guid></item></channel></rss>`;
    const { feed } = parsed(rss, 'https://site.example/feeds/all.xml');
    expect(feed.items.map((i) => i.url)).toEqual(['https://site.example/news/1', null]);
    expect(feed.items[1]!.key).toBe('g2');
  });

  it('keeps items newest first and at most MAX_FEED_ITEMS of a huge feed', () => {
    const stories = Array.from({ length: MAX_FEED_ITEMS + 20 }, (_, i) => ({ ...story(i), paragraphs: ['x'], published: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }));
    const { feed, listed } = parsed(rssFeed('Big', 'https://big.example/', stories));
    expect(listed).toBe(MAX_FEED_ITEMS + 20);
    expect(feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(feed.items[0]!.key).toBe(`story-${MAX_FEED_ITEMS + 19}`);
  });

  it.each([
    ['', 'answered nothing'],
    ['<rss><channel><item><title>x</title></channel></rss>', 'not well-formed XML (line 1'],
    ['<!DOCTYPE html><html><body>hi</body></html>', 'a web page, not a feed'],
    ['<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'root element is <svg>'],
    ['{"items": []}', 'not a JSON Feed'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": [', 'not valid JSON at line 1'],
    ['just words', 'neither XML nor JSON'],
  ])('%j -> %s', (text, message) => {
    const result = parseFeed(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe('parseFeedInSlices', () => {
  const stories = Array.from({ length: 40 }, (_, i) => story(i + 1));
  const feeds: Array<[string, string]> = [
    ['rss', rssFeed('Example News', 'https://news.example/', stories)],
    ['atom', atomFeed('Example News', 'https://news.example/', stories)],
    ['json', jsonFeed('Example News', 'https://news.example/', stories)],
    ['broken', '<rss version="2.0"><channel><item><title>x</title></channel></rss>'],
    ['a page', '<!doctype html><html><body>news</body></html>'],
  ];
  /** A clock that moves `step` ms each time it is read, and the pauses taken. */
  function slicing(step: number, sliceMs: number) {
    let t = 0;
    const log = { pauses: 0 };
    return { log, slicing: { now: () => (t += step), sliceMs, pause: async () => void log.pauses++ } };
  }

  it.each(feeds)('%s: answers exactly what parseFeed answers', async (_name, text) => {
    expect(await parseFeedInSlices(text, 'https://news.example/feed', slicing(1, 5).slicing)).toEqual(parseFeed(text, 'https://news.example/feed'));
  });

  it.each([['rss', 3], ['atom', 3], ['json', 1]])('%s: the cut, the rest of the document, its items and the feed\'s items are separate tasks (%i pauses before the feed\'s items)', async (name, before) => {
    const text = feeds.find(([n]) => n === name)![1];
    const still = slicing(0, 5); // a clock that never moves: no slice ever fills up
    await parseFeedInSlices(text, null, still.slicing);
    expect(still.log.pauses).toBe(before);
    const moving = slicing(1, 4); // every 4th item fills a slice
    await parseFeedInSlices(text, null, moving.slicing);
    expect(moving.log.pauses).toBeGreaterThanOrEqual(before + Math.floor(40 / 4) - 1);
  });
});
