import { describe, expect, it } from 'vitest';
import { keyWeight, RARE_LIST_LENGTH, weightedShare } from '../../../lib/match/index/rarity';

describe('keyWeight', () => {
  it.each([
    [1, 1024], [RARE_LIST_LENGTH, 1024], [12, 682], [16, 512], [32, 341], [64, 256], [1000, 128],
  ])('a key listed by %i sentences weighs %i', (length, weight) => {
    expect(keyWeight(length)).toBe(weight);
  });

  it('falls as lists grow, never to zero, in whole numbers', () => {
    let last = Infinity;
    for (let length = 1; length <= 70_000; length++) {
      const w = keyWeight(length);
      expect(w).toBeLessThanOrEqual(last);
      expect(Number.isInteger(w) && w > 0).toBe(true);
      last = w;
    }
  });
});

describe('weightedShare', () => {
  it('divides by the smaller side\'s keys, as plainShare does', () => {
    expect(weightedShare(2048, 10, 4)).toBe(512);
    expect(weightedShare(2048, 4, 10)).toBe(512);
    expect(weightedShare(0, 0, 0)).toBe(0);
  });
});
