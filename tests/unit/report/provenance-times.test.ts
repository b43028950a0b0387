import { describe, expect, it } from 'vitest';
import { htmlToArticleNode } from '../../../lib/cli/html-article';
import { ingestFile } from '../../../lib/corpus/files/ingest';
import { createCorpusIndex, loadCorpusIndex } from '../../../lib/match/index/corpus-index';
import { sentenceProvenance } from '../../../lib/report/provenance';
import { measure, readLabels, score } from '../../../scripts/provenance-eval';

const para = (n: number) => `<p>Paragraph ${n}: the council argued for hours about the budget, the roads and the new library before the final vote on Monday night.</p>`;
const page = (time: string) => `<!DOCTYPE html><html><head><meta property="og:site_name" content="Local News">
  <meta property="article:published_time" content="${time}"></head><body><article><h1>Council votes</h1>${[1, 2, 3, 4, 5].map(para).join('')}</article></body></html>`;

describe('a corpus article keeps the time of day its page states', () => {
  it('from an HTML file, through the packed index', () => {
    const read = ingestFile('local.html', page('2019-11-18T19:09:22+00:00'), { htmlToArticle: htmlToArticleNode });
    if (!read.ok) throw new Error(read.error);
    const article = read.articles[0]!;
    expect(article).toMatchObject({ published: '2019-11-18', publishedAt: '2019-11-18T19:09:22+00:00' });
    const back = loadCorpusIndex(createCorpusIndex([article]).serialize()).getArticle(article.id);
    expect(back?.publishedAt).toBe('2019-11-18T19:09:22+00:00');
  });

  it('not when a manifest gives another date, and not when only a date is stated', () => {
    const moved = ingestFile('local.html', page('2019-11-18T19:09:22+00:00'), { htmlToArticle: htmlToArticleNode, manifest: { 'local.html': { published: '2019-11-20' } } });
    expect(moved.ok && moved.articles[0]!.publishedAt).toBeUndefined();
    const dateOnly = ingestFile('local.html', page('2019-11-18'), { htmlToArticle: htmlToArticleNode });
    expect(dateOnly.ok && dateOnly.articles[0]!.publishedAt).toBeUndefined();
  });

  it('orders two outlets on one day by their times', () => {
    const facts = { outlet: 'Smithsonian', url: null, published: '2019-11-18', publishedAt: '2019-11-18T16:06:51-05:00', credits: [], sourceLinks: [] };
    const sun = { articleId: 'sun', outlet: 'The Sun', site: 'thesun.co.uk', url: null, published: '2019-11-18', publishedAt: '2019-11-18T19:09:22+00:00', credit: null };
    expect(sentenceProvenance(facts, [sun]).first?.articleId).toBe('sun');
    expect(sentenceProvenance(facts, [{ ...sun, publishedAt: null }]).first?.articleId).toBeNull();
  });
});

// The real pages are beside the repo (../shared); the labels are ours (tests/fixtures).
const findings = measure();
const labels = readLabels();
describe.runIf(findings && labels)('on the real cross-outlet pages', () => {
  it('finds each page\'s own wire and who ran the shared sentences first, as labelled', () => {
    const tally = score(findings!, labels!);
    expect(tally.origin[0]).toBe(tally.origin[1]);
    expect(tally.first[0]).toBe(tally.first[1]);
    expect(tally.first[1]).toBeGreaterThanOrEqual(10);
  });
});
if (!findings) console.warn('skipped the cross-outlet provenance check: ../shared/fixtures/cross-outlet is absent');
