import { describe, expect, it } from 'vitest';
import { BLOB_PIECE_BYTES, blobOfBytes, bytesOfBlob, joinColumns, joinStrings, splitColumns, splitStrings } from '../../../../lib/ext/store/snapshot-blobs';
import { createCorpusIndex, loadPackedCorpusIndex, type PackedCorpusIndex } from '../../../../lib/match/index/corpus-index';
import { seedArticles } from '../../match/seed-corpus';

const seeds = seedArticles();
const counting = () => {
  const pauses = { count: 0 };
  return { pauses, pause: async () => void pauses.count++ };
};

describe('snapshot columns in Blobs', () => {
  it('round-trips every column of a packed snapshot, each viewed at a multiple of 8 bytes, and leaves the source as it was', async () => {
    const packed = createCorpusIndex(seeds).pack();
    const before = structuredClone(packed);
    const { head, columns } = await splitColumns(packed, async () => {});
    expect(packed).toEqual(before);
    expect(head.postings.postings).toHaveLength(0);
    expect(head.sentences.article).toHaveLength(0);
    expect(head.meta).toBe(packed.meta);
    const joined = await joinColumns(structuredClone(head), structuredClone(columns));
    expect(joined).toEqual(packed);
    for (const c of [joined!.textEnds, joined!.sentences.words, joined!.postings.postings, joined!.postings.stopped]) expect(c.byteOffset % 8).toBe(0);
    const index = loadPackedCorpusIndex(joined!);
    const original = loadPackedCorpusIndex(packed);
    if ('error' in index || 'error' in original) throw new Error('not revived');
    const sentence = seeds[2]!.text.slice(0, 300);
    expect(index.matchSentence(sentence)).toEqual(original.matchSentence(sentence));
  });

  it('keeps 4-byte ids (a table of 2^24 sentences or more) as they are', async () => {
    const packed = createCorpusIndex(seeds.slice(0, 2)).pack();
    const ids = new Uint32Array(packed.postings.postings.length / 3).map((_, i) => 2 ** 24 + i);
    const wide: PackedCorpusIndex = { ...packed, postings: { ...packed.postings, idBytes: 4, postings: ids } };
    const { head, columns } = await splitColumns(wide, async () => {});
    const joined = await joinColumns(head, columns);
    expect(joined!.postings.postings).toBeInstanceOf(Uint32Array);
    expect(joined!.postings.postings).toEqual(ids);
  });

  it.each([
    ['a column past the end of its Blob', (c: any) => (c[0].places[0].length = 1 << 30)],
    ['a misaligned column', (c: any) => (c[0].places[1].offset += 4)],
    ['an unknown column', (c: any) => (c[0].places[0].name = 'texts')],
    ['an unknown kind', (c: any) => (c[0].places[0].kind = 'f64')],
    ['a column listed twice', (c: any) => c[1].places.push(c[1].places[0])],
    ['a column missing', (c: any) => c[1].places.pop()],
    ['no Blob', (c: any) => (c[1].blob = new Uint8Array(8))],
    ['a place that is not an object', (c: any) => (c[0].places[0] = null)],
  ])('answers null for %s', async (_what, damage) => {
    const { head, columns } = await splitColumns(createCorpusIndex(seeds.slice(0, 2)).pack(), async () => {});
    damage(columns);
    expect(await joinColumns(head, columns)).toBeNull();
  });

  it('copies bytes into a Blob a piece at a time, pausing between pieces, and reads them back whole', async () => {
    const big = new Uint8Array(BLOB_PIECE_BYTES * 2 + 123).map((_, i) => (i * 7 + (i >> 13)) & 255);
    const small = new Uint8Array([1, 2, 3]);
    const { pauses, pause } = counting();
    const blob = await blobOfBytes([small, big, small], pause);
    expect(pauses.count).toBe(2);
    const bytes = await bytesOfBlob(blob);
    expect(bytes!.length).toBe(big.length + 6);
    expect(Buffer.compare(bytes!.subarray(3, 3 + big.length), big)).toBe(0);
    expect([...bytes!.subarray(0, 3)]).toEqual([1, 2, 3]);
    expect([...bytes!.subarray(-3)]).toEqual([1, 2, 3]);
    expect(await bytesOfBlob('not a blob')).toBeNull();
  });

  it('keeps strings as UTF-8 in one Blob and reads them back as they were', async () => {
    const strings = [JSON.stringify([['a', 'Le Monde — café', '\u{1F4F0} ¿qué?']]), '', JSON.stringify('\ud800 alone')];
    const stored = await splitStrings(strings, async () => {});
    expect(await joinStrings(structuredClone(stored))).toEqual(strings);
  });

  it.each([
    ['ends past the Blob', (s: any) => (s.ends[2] += 1)],
    ['ends short of the Blob', (s: any) => (s.ends[2] -= 1)],
    ['ends going back', (s: any) => (s.ends[1] = s.ends[0] - 1)],
    ['no Blob', (s: any) => (s.blob = 'text')],
  ])('answers no strings for %s', async (_what, damage) => {
    const stored = await splitStrings(['[1,2]', '["x"]', 'abc'], async () => {});
    damage(stored);
    expect(await joinStrings(stored)).toBeNull();
  });
});
