import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import { ArticleRows } from '../../../lib/match/index/article-rows';

const article = (id: string): Article => ({ id, outlet: 'Outlet', site: null, url: null, published: null, title: null, credit: null, text: `text of ${id}`, blocks: [] });

describe('ArticleRows', () => {
  it('lazy rows answer ids without making articles, and make each one once, when first read', () => {
    const made: number[] = [];
    const rows = ArticleRows.lazy(['a', null, 'c'], (slot) => (made.push(slot), article(['a', null, 'c'][slot] as string)));
    expect([rows.length, rows.idAt(0), rows.idAt(1), rows.idAt(2), rows.idAt(3)]).toEqual([3, 'a', null, 'c', null]);
    expect(made).toEqual([]);
    const first = rows.at(2);
    expect(first?.id).toBe('c');
    expect(rows.at(2)).toBe(first);
    expect(rows.at(1)).toBeNull();
    expect(made).toEqual([2]);
  });

  it('push appends after the lazy slots; clear empties a slot for good; toArray makes the rest', () => {
    const rows = ArticleRows.lazy(['a', 'b'], (slot) => article(slot === 0 ? 'a' : 'b'));
    expect(rows.push(article('z'))).toBe(2);
    rows.clear(0);
    expect([rows.idAt(0), rows.at(0)]).toEqual([null, null]);
    expect(rows.toArray().map((a) => a?.id ?? null)).toEqual([null, 'b', 'z']);
  });

  it('rows over made articles keep them as given', () => {
    const given = [article('x'), null];
    const rows = ArticleRows.of(given);
    expect(rows.at(0)).toBe(given[0]);
    expect(rows.toArray()).toEqual(given);
    given.push(article('not seen'));
    expect(rows.length).toBe(2);
  });
});
