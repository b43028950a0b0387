import { describe, expect, it } from 'vitest';
import { emptyPostings, mergePostings } from '../../../lib/match/index/postings';
import { packIndex, unpackIndex } from '../../../lib/match/snapshot/packed-index';

/** A 2^10-bucket table: buckets 3 and 5 hold 300 and 260 ids (over one byte), bucket 7 is stop-listed. */
function table() {
  const pairs: number[] = [];
  for (let id = 0; id < 300; id++) pairs.push(3, id);
  for (let id = 0; id < 260; id++) pairs.push(5, id);
  for (let id = 0; id < 2000; id++) pairs.push(7, id);
  pairs.push(9, 5);
  const ordered = pairs.map((_, i) => i).filter((i) => i % 2 === 0).sort((a, b) => (pairs[a + 1]! - pairs[b + 1]!) || (pairs[a]! - pairs[b]!)).flatMap((i) => [pairs[i]!, pairs[i + 1]!]);
  return mergePostings(emptyPostings(10, 1000), Uint32Array.from(ordered), ordered.length / 2);
}

const noSentences = { article: new Uint32Array(0), index: new Uint32Array(0), start: new Uint32Array(0), end: new Uint32Array(0), words: new Uint16Array(0) };

describe('packed postings', () => {
  it('store sizes and stop-listed bucket numbers, and sum back to the same table', () => {
    const postings = table();
    expect(postings.stopped[7]).toBe(1);
    const packed = packIndex({ articles: [], sentences: noSentences, postings });
    expect(Array.from(packed.postings.bigSizes)).toEqual([3, 300, 5, 260]);
    expect(Array.from(packed.postings.stopped)).toEqual([7]);
    expect(packed.postings.sizes.byteLength).toBe(1024);
    const back = unpackIndex(structuredClone(packed));
    if ('error' in back) throw new Error(back.error);
    back.offsets.fillAll();
    expect(back.postings).toEqual(postings);
  });

  it('sum offsets a block at a time, right for the buckets read before the rest', () => {
    // 2^13 buckets (8 blocks), lists of 0-300 ids with big ones spread over several blocks.
    const pairs: number[] = [];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let id = 0; id < 20_000; id++) {
      const bucket = next() < 0.3 ? [17, 1500, 4100, 8191][id % 4]! : Math.floor(next() * 2 ** 13);
      pairs.push(bucket, id);
    }
    const full = mergePostings(emptyPostings(13, 100_000), Uint32Array.from(pairs), pairs.length / 2);
    const packed = packIndex({ articles: [], sentences: noSentences, postings: full });
    expect(packed.postings.bigSizes.length).toBe(8);
    for (const shifted of [false, true]) {
      const copy = structuredClone(packed);
      if (shifted) {
        // Sizes that do not start on a 4-byte boundary are summed byte by byte: same answer.
        const buffer = new Uint8Array(copy.postings.sizes.length + 1);
        buffer.set(copy.postings.sizes, 1);
        copy.postings.sizes = buffer.subarray(1);
      }
      const back = unpackIndex(copy);
      if ('error' in back) throw new Error(back.error);
      for (const b of [8191, 4100, 3, 1500, 17, 6000]) {
        back.offsets.ensure(b);
        expect([back.postings.offsets[b], back.postings.offsets[b + 1]]).toEqual([full.offsets[b], full.offsets[b + 1]]);
      }
      back.offsets.fillAll();
      expect(back.postings.offsets).toEqual(full.offsets);
    }
  });

  it('refuse sizes that do not add up to the postings', () => {
    const packed = packIndex({ articles: [], sentences: noSentences, postings: table() });
    const copy = structuredClone(packed);
    copy.postings.sizes[100] = 1;
    expect(unpackIndex(copy)).toEqual({ error: 'shingle table is malformed' });
  });
});
