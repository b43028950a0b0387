import { describe, expect, it } from 'vitest';
import { readArticleMeta } from '../../../lib/corpus/meta/article-meta';
import { newsArticlesIn } from '../../../lib/corpus/meta/json-ld';
import { compareMoments, readMoment } from '../../../lib/corpus/meta/moments';

const ld = (value: unknown) => JSON.stringify(value);
const URL = 'https://www.example-outlet.com/2019/11/19/story';

describe('JSON-LD NewsArticle', () => {
  it('reads datePublished, author, publisher, sourceOrganization, dateline and isBasedOn', () => {
    const [article] = newsArticlesIn(ld({
      '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2019-11-19T14:05:00-05:00',
      dateModified: '2019-11-20T09:00:00Z', author: [{ '@type': 'Person', name: 'Jane Doe' }, 'John Roe'],
      publisher: { '@type': 'Organization', name: 'Example Outlet' }, sourceOrganization: { name: 'Associated Press' },
      dateline: 'WASHINGTON (AP)', isBasedOn: { url: 'https://apnews.com/abc' },
    }));
    expect(article).toEqual({
      datePublished: '2019-11-19T14:05:00-05:00', authors: ['Jane Doe', 'John Roe'], publisher: 'Example Outlet',
      sourceOrganizations: ['Associated Press'], dateline: 'WASHINGTON (AP)', basedOn: 'https://apnews.com/abc',
    });
  });

  it('finds articles inside @graph and arrays, and ignores other types', () => {
    const text = ld({ '@graph': [{ '@type': 'WebPage', datePublished: '2001-01-01' }, { '@type': ['ReportageNewsArticle'], datePublished: '2019-11-19' }] });
    expect(newsArticlesIn(text).map((a) => a.datePublished)).toEqual(['2019-11-19']);
    expect(newsArticlesIn(ld([{ '@type': 'BlogPosting', datePublished: '2022-01-21' }]))).toHaveLength(1);
  });

  it('forgives trailing commas and raw line breaks, as hand-written JSON-LD has them', () => {
    const text = '{"@type": "NewsArticle", "keywords": ["Science", ], "headline": "two\nlines", "datePublished": "2019-11-18T16:06:51-05:00",}';
    expect(newsArticlesIn(text).map((a) => a.datePublished)).toEqual(['2019-11-18T16:06:51-05:00']);
  });

  it('gives nothing for broken, huge or odd JSON-LD instead of throwing', () => {
    expect(newsArticlesIn('{not json')).toEqual([]);
    expect(newsArticlesIn(ld({ '@type': 'NewsArticle', author: 42, datePublished: ['x'] }))[0]).toMatchObject({ authors: [], datePublished: null });
    expect(newsArticlesIn(`[${'1,'.repeat(300_000)}1]`)).toEqual([]);
    const deep = JSON.parse('{"a":'.repeat(50) + '1' + '}'.repeat(50));
    expect(newsArticlesIn(ld({ '@graph': deep }))).toEqual([]);
  });
});

describe('readArticleMeta', () => {
  it('takes the date of article:published_time with its time of day', () => {
    const meta = readArticleMeta({ url: URL, meta: { 'article:published_time': '2019-11-19T19:05:00Z' } });
    expect(meta).toMatchObject({ published: '2019-11-19', publishedAt: '2019-11-19T19:05:00Z' });
  });

  it('falls back to other meta names, then <time datetime>', () => {
    expect(readArticleMeta({ url: URL, meta: { 'dc.date.issued': '2019-11-18' } }).published).toBe('2019-11-18');
    expect(readArticleMeta({ url: URL, times: ['2019-11-17T08:00'] })).toMatchObject({ published: '2019-11-17', publishedAt: '2019-11-17T08:00' });
  });

  it('resolves conflicting dates: JSON-LD, then meta tags, then <time>; modified dates never count', () => {
    const meta = readArticleMeta({
      url: URL, jsonLd: [ld({ '@type': 'NewsArticle', datePublished: '2019-11-19', dateModified: '2019-11-21' })],
      meta: { 'article:published_time': '2019-11-20T10:00:00Z', 'article:modified_time': '2019-11-22' }, times: ['2019-11-23'],
    });
    expect(meta).toMatchObject({ published: '2019-11-19', publishedAt: null });
    const noLd = readArticleMeta({ url: URL, meta: { 'article:published_time': 'not a date', date: '2019-11-20' }, times: ['2019-11-23'] });
    expect(noLd.published).toBe('2019-11-20');
  });

  it('leaves an undated article undated', () => {
    expect(readArticleMeta({ url: URL, meta: { 'og:title': 'x' }, times: ['yesterday'] })).toMatchObject({ published: null, publishedAt: null });
  });

  it('credits sourceOrganization, the dateline, authors, bylines and credit meta tags; agencies first for display', () => {
    const meta = readArticleMeta({
      url: URL, jsonLd: [ld({ '@type': 'NewsArticle', author: { name: 'Jane Doe' }, dateline: 'MOSCOW (AP) —' })],
      meta: { author: 'Jane Doe', 'article:author': 'https://example.com/jane' }, bylines: ['  By   JOHN ROE  '],
    });
    expect(meta.credits).toEqual(['AP', 'Jane Doe', 'JOHN ROE']);
    expect(meta.credit).toBe('AP');
  });

  it('names syndication-source, original-source and a canonical link on another site as source links', () => {
    const meta = readArticleMeta({
      url: URL, canonical: 'https://apnews.com/article/abc',
      meta: { 'syndication-source': 'https://www.themoscowtimes.com/2022/01/11/x', 'original-source': 'javascript:alert(1)' },
    });
    expect(meta.sourceLinks).toEqual(['https://www.themoscowtimes.com/2022/01/11/x', 'https://apnews.com/article/abc']);
    expect(meta.credits).toEqual(['themoscowtimes.com', 'AP']);
    expect(meta.credit).toBe('AP');
  });

  it('does not count a canonical link on its own site', () => {
    expect(readArticleMeta({ url: URL, canonical: 'https://example-outlet.com/story' }).sourceLinks).toEqual([]);
  });

  it('credits nobody when the page names nobody', () => {
    expect(readArticleMeta({ url: URL, meta: { 'og:site_name': 'Example' } })).toMatchObject({ credits: [], credit: null, sourceLinks: [] });
  });
});

describe('moments', () => {
  const m = (value: string) => readMoment(value)!;

  it('reads dates, zoned and unzoned times', () => {
    expect(m('2022-01-11')).toEqual({ date: '2022-01-11', utcMs: null, zoned: false });
    expect(m('2019-11-19T14:05:00-05:00')).toEqual({ date: '2019-11-19', utcMs: Date.UTC(2019, 10, 19, 19, 5), zoned: true });
    expect(m('January 11, 2022').date).toBe('2022-01-11');
    expect(readMoment('soon')).toBeNull();
  });

  it('orders different dates by date and one date by time when both are zoned', () => {
    expect(compareMoments(m('2022-01-11'), m('2022-01-21'))).toBeLessThan(0);
    expect(compareMoments(m('2019-11-19T09:00:00Z'), m('2019-11-19T15:00:00Z'))).toBeLessThan(0);
    expect(compareMoments(m('2019-11-19T15:00:00Z'), m('2019-11-19T09:00:00Z'))).toBeGreaterThan(0);
  });

  it('allows for time zones: the same instant in two zones, and unzoned times hours apart, tie', () => {
    expect(compareMoments(m('2019-11-19T23:30:00-05:00'), m('2019-11-20T04:30:00Z'))).toBe(0);
    expect(compareMoments(m('2019-11-19T09:00'), m('2019-11-19T15:00'))).toBe(0);
    expect(compareMoments(m('2019-11-19T14:00:00Z'), m('2019-11-19T14:03:00Z'))).toBe(0);
  });

  it('ties on one date when only one side has a time', () => {
    expect(compareMoments(m('2019-11-19'), m('2019-11-19T09:00:00Z'))).toBe(0);
  });
});
