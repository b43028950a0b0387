// Feed files on the options page's import: the ingest worker reads them with the feeds' own
// markup reader (linkedom), one article per item, as the CLI's --corpus does.
import { afterEach, describe, expect, it } from 'vitest';
import { parseImportBytes } from '../../../lib/ext/imports/import-files';
import type { IngestReply, IngestRequest } from '../../../lib/ext/imports/ingest-worker';
import { fragmentText } from '../../../lib/ext/feeds/html-reader';
import { atomFeed, jsonFeed, rssFeed, storyParagraphs, type SampleStory } from '../corpus/feeds/feed-samples';

const stories: SampleStory[] = [1, 2].map((n) => ({
  id: `s${n}`, url: `https://river.example/${n}.html`, title: `Flood <b>update</b> ${n}`, published: `2026-12-0${n}T06:00:00Z`, author: 'River staff',
  paragraphs: storyParagraphs('Grau', n, 6),
}));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('feed files in the import', () => {
  // RSS titles carry markup (stripped); the Atom and JSON samples give the tags as text (kept).
  it.each([
    ['river.rss', rssFeed('River Post', 'https://river.example/', stories), 'Flood update'],
    ['river.xml', rssFeed('River Post', 'https://river.example/', stories), 'Flood update'],
    ['river.atom', atomFeed('River Post', 'https://river.example/', stories), 'Flood <b>update</b>'],
    ['river.json', jsonFeed('River Post', 'https://river.example/', stories), 'Flood <b>update</b>'],
  ])('%s: one article per item, outlet the feed\'s title, title as text', (name, text, title) => {
    const reading = parseImportBytes(name, bytes(text), { htmlToText: fragmentText });
    expect(reading.error).toBeNull();
    expect(reading.articles).toHaveLength(2);
    expect(reading.articles.map(({ article, label }) => [article.outlet, article.title, article.published, article.url, label.split(' ')[0]])).toEqual(
      expect.arrayContaining([['River Post', `${title} 1`, '2026-12-01', 'https://river.example/1.html', name], ['River Post', `${title} 2`, '2026-12-02', 'https://river.example/2.html', name]]),
    );
  });

  it('a malformed feed file is refused by name and line', () => {
    const reading = parseImportBytes('broken.xml', bytes('<rss version="2.0"><channel><item><title>x</title></channel></rss>'), { htmlToText: fragmentText });
    expect(reading.articles).toEqual([]);
    expect(reading.error).toMatch(/^broken\.xml: the feed is not well-formed XML \(line 1, column \d+/);
  });
});

describe('the ingest worker', () => {
  const scope = globalThis as unknown as { onmessage: ((e: { data: IngestRequest }) => void) | null; postMessage: (m: IngestReply) => void };
  afterEach(() => void (scope.onmessage = null));
  it('reads feed files (it has the feeds\' markup reader)', async () => {
    const replies: IngestReply[] = [];
    scope.postMessage = (m) => void replies.push(m);
    await import('../../../lib/ext/imports/ingest-worker');
    scope.onmessage!({ data: { id: 7, name: 'river.rss', bytes: bytes(rssFeed('River Post', 'https://river.example/', stories)), maxFileBytes: 1_000_000 } });
    expect(replies.map((r) => [r.id, r.reading.error, r.reading.articles.length])).toEqual([[7, null, 2]]);
  });
});
