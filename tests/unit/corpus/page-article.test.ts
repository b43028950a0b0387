import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import { ingestFile, type IngestResult } from '../../../lib/corpus/files/ingest';
import { stableId } from '../../../lib/corpus/files/manifest';
import { articleFromPage, type PageArticle } from '../../../lib/corpus/clean/page-article';

const one = (r: IngestResult): Article => {
  if (!r.ok) throw new Error(r.error);
  expect(r.articles).toHaveLength(1);
  return r.articles[0]!;
};

const BLOCKS = ['Troops to leave Kazakhstan', 'Russian-led troops will begin leaving Kazakhstan in two days, the president said on Tuesday.', 'Advertisement', 'Soldiers board a plane in Almaty. (Photo: AFP)', 'The mission has been completed, he told parliament.'];
const TEXT = BLOCKS.join('');
const STARTS = BLOCKS.map((_, i) => BLOCKS.slice(0, i).join('').length);
const page = (over: Partial<PageArticle> = {}): PageArticle => ({
  url: 'https://www.News.example.com/world/troops?utm_source=feed#top', title: 'Troops to leave', outlet: 'Example News',
  published: '2022-01-11', text: TEXT, blockStarts: STARTS, ...over,
});

describe('articleFromPage', () => {
  it('takes the page metadata and cleans the text like an .html corpus file', () => {
    const a = one(articleFromPage(page()));
    expect(a).toMatchObject({
      outlet: 'Example News', site: 'news.example.com', url: 'https://www.News.example.com/world/troops?utm_source=feed#top',
      published: '2022-01-11', title: 'Troops to leave', credit: null,
    });
    expect(a.text).not.toContain('Advertisement');
    expect(a.blocks.map((b) => [b.kind, a.text.slice(b.start, b.end)])).toContainEqual(['caption', 'Soldiers board a plane in Almaty.']);
  });

  it('gives the same text and blocks as ingestFile on an .html file with the same found article', () => {
    const a = one(articleFromPage(page()));
    const viaHtml = one(ingestFile('page.html', '<p>x</p>', { htmlToArticle: () => ({ ...page(), url: page().url, published: '2022-01-11' }) }));
    expect({ ...a, id: 'page' }).toEqual(viaHtml);
  });

  it.each<[string, Partial<PageArticle>, string]>([
    ['og:site_name', {}, 'Example News'],
    ['the host without www. when the page names no outlet', { outlet: null }, 'news.example.com'],
    ['the host when the outlet is blank', { outlet: '  ' }, 'news.example.com'],
    ['the URL when it has no host', { url: 'file:///home/me/story.html', outlet: null }, 'file:///home/me/story.html'],
  ])('outlet: %s', (_name, over, outlet) => {
    expect(one(articleFromPage(page(over))).outlet).toBe(outlet);
  });

  it.each<[string, string, boolean]>([
    ['tracking parameters and a hash', 'https://news.example.com/world/troops/?utm_medium=x&fbclid=1', true],
    ['http instead of https', 'http://news.example.com/world/troops', true],
    ['another article', 'https://news.example.com/world/other', false],
  ])('the id is stable from the URL: %s', (_name, url, same) => {
    const id = one(articleFromPage(page())).id;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(one(articleFromPage(page({ url }))).id === id).toBe(same);
  });

  it('the id of a non-http page comes from its URL as it is', () => {
    expect(one(articleFromPage(page({ url: 'file:///a.html' }))).id).toBe(stableId('file:///a.html'));
  });

  it.each<[string, Partial<PageArticle>, Partial<Article>]>([
    ['a page without a title keeps the headline guessed from the text', { title: null }, { title: 'Troops to leave Kazakhstan' }],
    ['an unreadable date is dropped', { published: 'yesterday' }, { published: null }],
    ['a full timestamp becomes a day', { published: '2022-01-11T09:30:00+03:00' }, { published: '2022-01-11' }],
  ])('%s', (_name, over, expected) => {
    expect(one(articleFromPage(page(over)))).toMatchObject(expected);
  });

  it('ignores block starts that are not offsets inside the text', () => {
    const odd = one(articleFromPage(page({ blockStarts: [...STARTS, -5, 1.5, TEXT.length + 9, Number.NaN] })));
    expect(odd.text).toBe(one(articleFromPage(page())).text);
  });

  it.each<[string, Partial<PageArticle>, string]>([
    ['no text', { text: '  \n ' }, 'no article text found on this page: open the article itself (not a front page or a list) and try again'],
    ['only boilerplate', { text: 'AdvertisementShare this', blockStarts: [0, 13] }, 'the article on this page has no text left after removing boilerplate (ads, share buttons, bylines): nothing to add'],
  ])('refuses a page with %s', (_name, over, error) => {
    expect(articleFromPage(page(over))).toEqual({ ok: false, error });
  });
});
