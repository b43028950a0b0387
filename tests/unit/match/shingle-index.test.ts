import { describe, expect, it } from 'vitest';
import { ShingleIndex } from '../../../lib/match/index/shingle-index';

/** Keys spread over the whole 32-bit range, so they fall in many buckets. */
const keysOf = (id: number) => Array.from({ length: 6 }, (_, k) => ((id * 2654435761 + k * 40503 * (id % 7 + 1)) >>> 0));

function filled(ids: number): ShingleIndex {
  const index = ShingleIndex.empty(12, ids);
  for (let id = 0; id < ids; id++) index.add(id, keysOf(id));
  return index;
}

function hitsOf(index: ShingleIndex, keys: number[], sentences: number, withPending = true): number[] {
  const hits = new Uint16Array(sentences);
  const touched: number[] = [];
  index.countHits(keys, sentences, hits, new Uint32Array(sentences), touched, withPending);
  return touched.map((id) => id * 100 + (hits[id] as number)).sort((a, b) => a - b);
}

describe('ShingleIndex.flushInSteps', () => {
  it('merges to the same table as flush(), pausing between pieces', async () => {
    const stepped = filled(3000);
    stepped.flush(3000);
    for (let id = 3000; id < 6000; id++) stepped.add(id, keysOf(id));
    const whole = filled(6000);
    let pauses = 0;
    expect(await stepped.flushInSteps(6000, async () => void pauses++)).toBe(true);
    expect(pauses).toBeGreaterThan(3);
    expect(stepped.firstPendingId()).toBeNull();
    expect(stepped.snapshot(6000)).toEqual(whole.snapshot(6000));
  });

  it('keeps what is added meanwhile pending, and queries meanwhile see every posting', async () => {
    const index = filled(2000);
    const seen: number[][] = [];
    let next = 2000;
    const merged = await index.flushInSteps(2000, async () => {
      seen.push(hitsOf(index, keysOf(5), next));
      if (next < 2100) index.add(next, keysOf(next)), next++;
    });
    expect(merged).toBe(true);
    expect(seen.every((hits) => hits.includes(5 * 100 + 6))).toBe(true);
    expect(index.firstPendingId()).toBe(2000);
    expect(index.snapshot(next)).toEqual(filled(next).snapshot(next));
  });

  it('drops its pieces when the table is flushed meanwhile, and the table is still right', async () => {
    const index = filled(2000);
    const merged = await index.flushInSteps(2000, async () => index.flush(2000));
    expect(merged).toBe(false);
    expect(index.snapshot(2000)).toEqual(filled(2000).snapshot(2000));
  });

  it('countHits without pending postings leaves out those not merged yet', () => {
    const index = filled(100);
    index.flush(100);
    index.add(100, keysOf(5));
    expect(hitsOf(index, keysOf(5), 101)).toEqual([5 * 100 + 6, 100 * 100 + 6]);
    expect(hitsOf(index, keysOf(5), 101, false)).toEqual([5 * 100 + 6]);
  });
});

describe('stop-listed keys', () => {
  it('are counted, so a sentence is measured on the keys that can still be shared', () => {
    const index = ShingleIndex.empty(12, 100);
    const common = 0x12345678;
    for (let id = 0; id < 100; id++) index.add(id, [common, ...keysOf(id).slice(0, 2)]);
    index.flush(100);
    const hits = new Uint16Array(100);
    const touched: number[] = [];
    expect(index.countHits([common, ...keysOf(7).slice(0, 2)], 100, hits, new Uint32Array(100), touched)).toBe(1);
    expect(touched).toEqual([7]);
    expect(hits[7]).toBe(2);
  });
});
