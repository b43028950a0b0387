import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusPath } from '../../../lib/cli/corpus-files';
import { runXref } from '../../../lib/cli/run';
import type { Report } from '../../../lib/report/types';
import { atomFeed, jsonFeed, rssFeed, storyParagraphs, type SampleStory } from '../corpus/feeds/feed-samples';
import { fakeIo } from './fake-io';

const tmp = mkdtempSync(join(tmpdir(), 'xref-feeds-'));
const file = (name: string, content: string) => (writeFileSync(join(tmp, name), content), join(tmp, name));
const stories: SampleStory[] = [1, 2].map((n) => ({
  id: `s${n}`, url: `https://news.example/s${n}`, title: `Story <${n}>`, published: '2026-12-02T09:00:00Z', author: 'Wire Staff', paragraphs: storyParagraphs('Velden', n),
}));

describe('feed files as corpus files', () => {
  it.each([
    ['news.xml', () => rssFeed('Example News', 'https://news.example/', stories), 'Example News'],
    ['news.rss', () => rssFeed('Example News', 'https://news.example/', stories), 'Example News'],
    ['wire.atom', () => atomFeed('Wire Service', 'https://wire.example/', stories), 'Wire Service'],
    ['times.json', () => jsonFeed('JSON Times', 'https://json.example/', stories), 'JSON Times'],
  ])('%s: one article per item, outlet from the feed, URL, date, title and credit from the item', async (name, make, outlet) => {
    const result = await loadCorpusPath(file(name, make()));
    if (!result.ok) throw new Error(result.error);
    expect(result.articles.map((a) => [a.outlet, a.url, a.published, a.title, a.credit])).toEqual([
      [outlet, 'https://news.example/s1', '2026-12-02', 'Story <1>', 'Wire Staff'],
      [outlet, 'https://news.example/s2', '2026-12-02', 'Story <2>', 'Wire Staff'],
    ]);
  });

  it('a JSON array of articles in a .json file is still read as articles', async () => {
    const result = await loadCorpusPath(file('plain.json', JSON.stringify([{ outlet: 'A', text: 'Some text here.' }])));
    expect(result.ok && result.articles[0]!.outlet).toBe('A');
  });

  it('a malformed feed file is refused naming the file and the line', async () => {
    const result = await loadCorpusPath(file('broken.xml', '<rss>\n<channel><item></channel></rss>'));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^broken\.xml: the feed is not well-formed XML \(line 2/) });
  });

  it('npm run xref --corpus feed.xml finds the page\'s sentences in the feed\'s articles', async () => {
    const feed = file('corpus.xml', rssFeed('Example News', 'https://news.example/', stories));
    const page = stories[0]!.paragraphs.slice(0, 3).join('\n\n');
    const { io, stdout, stderr } = fakeIo({ stdin: page });
    expect(await runXref(['-', '--corpus', feed, '--json'], io), stderr()).toBe(0);
    const report = JSON.parse(stdout()) as Report;
    const outlets = report.sentences.flatMap((s) => s.matches.map((m) => m.outlet));
    expect(outlets.length).toBeGreaterThan(0);
    expect(new Set(outlets)).toEqual(new Set(['Example News']));
  });
});
