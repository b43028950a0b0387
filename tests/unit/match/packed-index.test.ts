import { describe, expect, it } from 'vitest';
import { emptyPostings, mergePostings } from '../../../lib/match/index/postings';
import { runSteps } from '../../../lib/match/index/steps';
import { packIndex, unpackIndex } from '../../../lib/match/snapshot/packed-index';
import { packPostingSteps } from '../../../lib/match/snapshot/packed-postings';

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

/** A 2^13-bucket table (8 blocks) of 20,000 sentence ids, lists of 0-300 ids, big ones spread over several blocks. */
function spreadTable() {
  const pairs: number[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let id = 0; id < 20_000; id++) {
    const bucket = next() < 0.3 ? [17, 1500, 4100, 8191][id % 4]! : Math.floor(next() * 2 ** 13);
    pairs.push(bucket, id);
  }
  return mergePostings(emptyPostings(13, 100_000), Uint32Array.from(pairs), pairs.length / 2);
}

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
    expect([7, 3, 5, 9, 0, 1023].map((b) => back.table.isStopped(b))).toEqual([true, false, false, false, false, false]);
    expect(back.table.addHits(7, 1, new Uint16Array(4000), new Uint32Array(4000), [])).toBe(0);
    expect(back.table.materialize()).toEqual(postings);
  });

  it('read a bucket\'s list where the full table has it, without summing the other blocks (sizes aligned or not)', () => {
    const full = spreadTable();
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
      for (const b of [8191, 4100, 3, 1500, 17, 6000, 0, 64, 63]) {
        const [start, end] = [full.offsets[b]!, full.offsets[b + 1]!];
        expect([back.table.listStart(b), back.table.listSize(b)]).toEqual([start, end - start]);
        const hits = new Uint16Array(20_000);
        const weights = new Uint32Array(20_000);
        const touched: number[] = [];
        expect(back.table.addHits(b, 5, hits, weights, touched)).toBe(end - start);
        expect(touched).toEqual([...full.postings.subarray(start, end)]);
        expect(touched.every((id) => hits[id] === 1 && weights[id] === 5)).toBe(true);
      }
      expect(back.table.materialize()).toEqual(full);
    }
  });

  it('pack sentence ids into 3 bytes below 2^24 sentences, 4 bytes from there', () => {
    const full = spreadTable();
    full.postings[full.offsets[8191]!] = 2 ** 24 - 1; // the largest id that fits (lists need not stay sorted for this)
    const narrow = runSteps(packPostingSteps(full, 2 ** 24));
    expect(narrow.idBytes).toBe(3);
    expect(narrow.postings).toBeInstanceOf(Uint8Array);
    expect(narrow.postings.byteLength).toBe(full.postings.length * 3);
    const wide = runSteps(packPostingSteps(full, 2 ** 24 + 1));
    expect(wide.idBytes).toBe(4);
    expect(wide.postings).toBe(full.postings);
    for (const packed of [narrow, wide]) {
      const back = unpackIndex({ ...packIndex({ articles: [], sentences: noSentences, postings: full }), postings: structuredClone(packed) });
      if ('error' in back) throw new Error(back.error);
      expect(back.table.materialize()).toEqual(full);
    }
  });

  it('read a version 3 snapshot (4-byte ids, no idBytes) as the same table', () => {
    const full = spreadTable();
    const packed = packIndex({ articles: [], sentences: noSentences, postings: full });
    const { idBytes: _, ...rest } = packed.postings;
    const old = structuredClone({ ...packed, version: 3 as const, postings: { ...rest, postings: full.postings } });
    const back = unpackIndex(old);
    if ('error' in back) throw new Error(back.error);
    expect(back.table.materialize()).toEqual(full);
    expect(unpackIndex({ ...old, version: 2 as 3 })).toEqual({ error: 'not a packed Echoes index of version 3 or 4' });
    // 3-byte ids under a version 3 tag, or ids of the wrong width, are not a table.
    expect(unpackIndex({ ...old, postings: { ...rest, idBytes: 4, postings: packed.postings.postings } })).toEqual({ error: 'shingle table is malformed' });
    expect(unpackIndex({ ...old, postings: { ...rest, postings: packed.postings.postings } })).toEqual({ error: 'shingle table is malformed' });
  });

  it('refuse sizes that do not add up to the postings', () => {
    const packed = packIndex({ articles: [], sentences: noSentences, postings: table() });
    const copy = structuredClone(packed);
    copy.postings.sizes[100] = 1;
    expect(unpackIndex(copy)).toEqual({ error: 'shingle table is malformed' });
  });
});
