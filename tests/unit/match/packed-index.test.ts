import { describe, expect, it } from 'vitest';
import { emptyPostings, mergePostings } from '../../../lib/match/postings';
import { packIndex, unpackIndex } from '../../../lib/match/packed-index';

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
    expect('error' in back ? back : back.postings).toEqual(postings);
  });
});
