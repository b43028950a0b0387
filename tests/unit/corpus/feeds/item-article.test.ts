import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../../lib/corpus/feeds/feed';
import { FULL_TEXT_MIN_WORDS, carriesFullText, itemArticle, itemTitle } from '../../../../lib/corpus/feeds/item-article';
import { storyParagraphs } from './feed-samples';
import { htmlToText } from './html-text';

const full = storyParagraphs('Velden', 1).map((p) => `<p>${p}</p>`).join('');
const item = (over: Partial<FeedItem> = {}): FeedItem => ({
  key: 'k1', url: 'https://www.news.example/a?utm_medium=feed', title: 'Budget review', titleIsHtml: false,
  publishedMs: Date.parse('2026-12-02T23:30:00Z'), author: 'Ann Reporter',
  content: { kind: 'html', value: full }, summary: { kind: 'text', value: 'A short teaser about the budget review in Velden.' }, ...over,
});
const ctx = { outlet: 'Example News', htmlToText };
const page = (words: number) => ({ title: 'Page title', text: Array.from({ length: words }, (_, i) => `word${i}`).join(' ') + '.', blockStarts: [0], published: '2026-12-01' });

describe('itemArticle', () => {
  it('takes the full text from the feed when it carries the article', () => {
    expect(carriesFullText(item(), htmlToText)).toBe(true);
    const made = itemArticle(item(), null, ctx);
    expect(made).toMatchObject({ ok: true, source: 'feed' });
    if (!made.ok) return;
    expect(made.article).toMatchObject({
      outlet: 'Example News', site: 'news.example', url: 'https://www.news.example/a?utm_medium=feed',
      title: 'Budget review', published: '2026-12-02', credit: 'Ann Reporter',
    });
    expect(made.article.blocks.length).toBe(6);
    expect(made.article.text).toContain('Officials in Velden said on day 1');
  });

  it('the same address gives the same id whatever tracking parameters the feed adds', () => {
    const a = itemArticle(item(), null, ctx);
    const b = itemArticle(item({ url: 'https://news.example/a' }), null, ctx);
    expect(a.ok && b.ok && a.article.id === b.article.id).toBe(true);
  });

  it('a summary-only item needs its page, and a whole page wins', () => {
    const teaser = item({ content: null });
    expect(carriesFullText(teaser, htmlToText)).toBe(false);
    expect(itemArticle(teaser, page(FULL_TEXT_MIN_WORDS + 10), ctx)).toMatchObject({ ok: true, source: 'page' });
  });

  it('a paywalled (too short) page keeps the feed summary, marked as such', () => {
    const made = itemArticle(item({ content: null }), page(40), ctx);
    expect(made).toMatchObject({ ok: true, source: 'summary' });
    if (made.ok) expect(made.article.text).toBe('A short teaser about the budget review in Velden.');
  });

  it('an item with neither link nor text is refused with a reason', () => {
    expect(itemArticle(item({ url: null, content: null, summary: null }), null, ctx)).toEqual({ ok: false, error: 'the item has neither a link nor any text' });
  });

  it('HTML in a title becomes its text; control characters go', () => {
    expect(itemTitle(item({ title: 'Fish &amp; <b>chips</b> <script>alert(1)</script>', titleIsHtml: true }), htmlToText)).toBe('Fish & chips');
    expect(itemTitle(item({ title: 'a\u0007b', titleIsHtml: false }), htmlToText)).toBe('a b');
  });
});
