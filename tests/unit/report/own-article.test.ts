import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import { hostOf, isSameSource, isSameText } from '../../../lib/report/own-article';

function article(over: Partial<Article>): Article {
  return { id: 'a', outlet: 'X', site: null, url: null, published: null, title: null, credit: null, text: 'T.', blocks: [], ...over };
}

describe('hostOf', () => {
  it('strips www. and lower-cases', () => expect(hostOf('https://WWW.TRTWorld.com/x')).toBe('trtworld.com'));
});

describe('isSameSource', () => {
  const page = { url: 'https://www.themoscowtimes.com/2022/01/11/troops-a76007/?utm_medium=rss', articleId: '000_x' };
  it.each([
    ['same id', article({ id: '000_x' }), true],
    ['same URL, other spelling', article({ id: 'b', url: 'http://themoscowtimes.com/2022/01/11/troops-a76007#c' }), true],
    ['same host, other article', article({ id: 'c', url: 'https://themoscowtimes.com/2022/01/12/other' }), true],
    ['same site field, no url', article({ id: 'd', site: 'www.themoscowtimes.com' }), true],
    ['other outlet', article({ id: 'e', url: 'https://www.trtworld.com/asia/x' }), false],
    ['no metadata', article({ id: 'f' }), false],
  ])('%s', (_name, candidate, expected) => {
    expect(isSameSource(page, candidate)).toBe(expected);
  });
  it('without a page URL only the id counts', () => {
    expect(isSameSource({ url: null }, article({ id: 'z', site: 'trtworld.com' }))).toBe(false);
  });
});

describe('isSameText', () => {
  it.each([
    ['a re-fetched copy', { pageVerbatim: 18, pageSentences: 19, articleCovered: 19, articleSentences: 19 }, true],
    // 001 (AFP copy) as the page against 000: nearly all of 001 matches, but under half of 000 is covered.
    ['001 against 000', { pageVerbatim: 8, pageSentences: 10, articleCovered: 8, articleSentences: 19 }, false],
    // 000 as the page against 001: all of 001 covered, but most of 000 does not match.
    ['000 against 001', { pageVerbatim: 8, pageSentences: 19, articleCovered: 8, articleSentences: 10 }, false],
    ['empty page', { pageVerbatim: 0, pageSentences: 0, articleCovered: 0, articleSentences: 5 }, false],
  ])('%s', (_name, counts, expected) => {
    expect(isSameText(counts)).toBe(expected);
  });
});
