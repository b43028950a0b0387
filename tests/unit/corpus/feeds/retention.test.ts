import { describe, expect, it } from 'vitest';
import { articlesToExpire, migrateRetentionRule } from '../../../../lib/corpus/feeds/retention';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3);
const at = (daysAgo: number) => NOW - daysAgo * DAY;

describe('articlesToExpire', () => {
  const feed = [
    { id: 'old-40', datedMs: at(40) }, { id: 'new-1', datedMs: at(1) }, { id: 'old-31', datedMs: at(31) },
    { id: 'mid-10', datedMs: at(10) }, { id: 'undated', datedMs: null },
  ];
  it('drops what is past the age, oldest first', () => {
    expect(articlesToExpire(feed, 100, { maxAgeDays: 30, maxArticles: 1000 }, NOW)).toEqual(['old-40', 'old-31']);
  });
  it('drops more of the oldest while the corpus is over the count; undated ones last', () => {
    expect(articlesToExpire(feed, 104, { maxAgeDays: 30, maxArticles: 100 }, NOW)).toEqual(['old-40', 'old-31', 'mid-10', 'new-1']);
    expect(articlesToExpire(feed, 200, { maxAgeDays: 30, maxArticles: 100 }, NOW)).toEqual(['old-40', 'old-31', 'mid-10', 'new-1', 'undated']);
  });
  it('never drops what is not expirable, even over the count', () => {
    expect(articlesToExpire([], 60_000, { maxAgeDays: 30, maxArticles: 50_000 }, NOW)).toEqual([]);
  });
  it('keeps pinned articles past the age, and takes the next oldest instead for the count', () => {
    const pinned = new Set(['old-40', 'mid-10']);
    expect(articlesToExpire(feed, 100, { maxAgeDays: 30, maxArticles: 1000 }, NOW, pinned)).toEqual(['old-31']);
    // 104 articles, 4 over: only three may go (two are pinned), so the corpus stays one over.
    expect(articlesToExpire(feed, 104, { maxAgeDays: 30, maxArticles: 100 }, NOW, pinned)).toEqual(['old-31', 'new-1', 'undated']);
    expect(articlesToExpire(feed, 102, { maxAgeDays: 30, maxArticles: 100 }, NOW, pinned)).toEqual(['old-31', 'new-1']);
  });
  it('every article pinned: nothing goes, however old or many', () => {
    expect(articlesToExpire(feed, 10_000, { maxAgeDays: 1, maxArticles: 100 }, NOW, new Set(feed.map((a) => a.id)))).toEqual([]);
  });
  it.each([
    [undefined, { maxAgeDays: 30, maxArticles: 50_000 }],
    [{ maxAgeDays: 0.2, maxArticles: 5 }, { maxAgeDays: 1, maxArticles: 100 }],
    [{ maxAgeDays: '7', maxArticles: 2000.4 }, { maxAgeDays: 30, maxArticles: 2000 }],
  ])('migrate %j', (raw, rule) => expect(migrateRetentionRule(raw)).toEqual(rule));
});
