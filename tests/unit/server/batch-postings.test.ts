import { describe, expect, it } from 'vitest';
import { packPostings, sortPostings } from '../../../lib/server/batch-postings';
import { forEachId } from '../../../lib/server/packed-lists';
import { fromStored } from '../../../lib/server/signed';

const sentence = (keys: number[]) => ({ index: 0, start: 0, end: 1, words: 4, keys });

/** The packed lists as key -> ids, read back the way SQL's substring reads them (1-based starts). */
function unpack(lists: ReturnType<typeof packPostings>): Array<[number, number[]]> {
  return lists.hashes.map((hash, i) => {
    const from = (lists.starts[i] as number) - 1;
    const to = (lists.starts[i + 1] ?? lists.count * 4 + 1) - 1;
    const ids: number[] = [];
    forEachId(lists.packed.subarray(from, to), (id) => ids.push(id));
    return [fromStored(hash), ids];
  });
}

describe('batch postings', () => {
  // Two articles: places 0, 1 (first), 2 (second); 0xfffffff0 is stored as a negative integer.
  const batch = [[sentence([7, 0xfffffff0, 3]), sentence([3])], [sentence([7, 9])]];

  it('groups every stored sentence under its keys, keys ascending, ids in place order', () => {
    const lists = packPostings(sortPostings(batch), Int32Array.from([11, 12, 13]));
    expect(unpack(lists)).toEqual([[3, [11, 12]], [7, [11, 13]], [9, [13]], [0xfffffff0, [11]]]);
    expect(lists.count).toBe(6);
    expect(lists.hashes).toContain(0xfffffff0 | 0);
  });

  it('leaves out the sentences not stored (id 0), and a key left with none', () => {
    const lists = packPostings(sortPostings(batch), Int32Array.from([0, 0, 13]));
    expect(unpack(lists)).toEqual([[7, [13]], [9, [13]]]);
    expect(lists.packed.length).toBe(8);
  });

  it('sorts many keys of both halves as a plain sort would, keeping places ascending within a key', () => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const sentences = Array.from({ length: 300 }, () => [sentence(Array.from({ length: 20 }, () => (next() % 7 === 0 ? 42 : next())))]);
    const sorted = sortPostings(sentences);
    const expected = sentences.flatMap((list, place) => list[0]!.keys.map((key) => [key, place]))
      .sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
    expect([...sorted.keys].map((key, i) => [key, sorted.places[i]])).toEqual(expected);
  });
});
