// @vitest-environment happy-dom
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPageMeta } from '../../../lib/page/find/page-meta';

const parsers: [string, (html: string) => Document][] = [
  ['linkedom', (html) => parseHTML(html).document as unknown as Document],
  ['happy-dom', (html) => new DOMParser().parseFromString(html, 'text/html')],
];

const head = (inner: string, body = '') => `<!DOCTYPE html><html><head>${inner}</head><body>${body}</body></html>`;

describe.each(parsers)('readPageMeta with %s', (_name, parse) => {
  it('reads JSON-LD NewsArticle date and credits before the meta tags', () => {
    const doc = parse(head(`<meta property="og:site_name" content="Deccan Herald">
      <meta property="article:published_time" content="2019-11-20T01:00:00+05:30">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T19:20:00Z","author":{"@type":"Organization","name":"Associated Press"}}</script>`));
    expect(readPageMeta(doc)).toMatchObject({
      outlet: 'Deccan Herald', published: '2019-11-19', publishedAt: '2019-11-19T19:20:00Z', credit: 'Associated Press', credits: ['Associated Press'],
    });
  });

  it('reads <time itemprop=datePublished> before other times, and byline elements as credits', () => {
    const doc = parse(head('', `<time datetime="2019-11-21">updated</time><time itemprop="datePublished" datetime="2019-11-19T08:00:00-05:00">Nov 19</time>
      <p class="byline">By <a rel="author" href="/x">JANE DOE</a>, Associated Press</p>`));
    const meta = readPageMeta(doc);
    expect(meta.published).toBe('2019-11-19');
    expect(meta.credits).toContain('JANE DOE, Associated Press');
    expect(meta.credit).toBe('JANE DOE, Associated Press');
  });

  it('names syndication-source and an other-site canonical link as sources', () => {
    const doc = parse(head(`<meta property="og:url" content="https://www.deccanherald.com/x">
      <link rel="canonical" href="https://apnews.com/abc"><meta name="syndication-source" content="https://apnews.com/abc">`));
    const meta = readPageMeta(doc);
    expect(meta.sourceLinks).toEqual(['https://apnews.com/abc']);
    expect(meta.credit).toBe('AP');
  });

  it('states nothing for a page that says nothing about itself', () => {
    expect(readPageMeta(parse(head('<title>x</title>', '<p>Text.</p>')))).toMatchObject({
      published: null, publishedAt: null, credit: null, credits: [], sourceLinks: [], outlet: null,
    });
  });
});
