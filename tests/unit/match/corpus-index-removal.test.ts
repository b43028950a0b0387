import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import { createCorpusIndex, loadCorpusIndex, loadPackedCorpusIndex, type CorpusIndex } from '../../../lib/match/index/corpus-index';
import type { MatchKind } from '../../../lib/match/types';
import { splitSentences } from '../../../lib/text/sentences';
import { seedArticles } from './seed-corpus';

const ALL: readonly MatchKind[] = ['verbatim', 'reworded', 'paraphrase'];
const seeds = seedArticles();
const queries = seeds.flatMap((a) => splitSentences(a.text, a.blocks.map((b) => b.start)).map((s) => s.text)).filter((t) => t.split(/\s+/).length >= 4);
const answers = (index: CorpusIndex) => queries.map((q) => index.matchSentence(q, { kinds: ALL }));
const copyOf = (a: Article, id: string): Article => ({ ...a, id, outlet: `${a.outlet} copy` });

function plain(id: string, sentences: readonly string[]): Article {
  const text = sentences.join('\n\n');
  let start = 0;
  const blocks = sentences.map((s) => ({ kind: 'body' as const, start, end: (start += s.length + 2) - 2 }));
  return { id, outlet: id, site: null, url: null, published: null, title: null, credit: null, text, blocks };
}

function revive(index: CorpusIndex): CorpusIndex {
  const loaded = loadPackedCorpusIndex(structuredClone(index.pack()));
  if ('error' in loaded) throw new Error(loaded.error);
  return loaded;
}

describe('CorpusIndex.removeArticle', () => {
  it('never matches a removed article again, and answers as an index built without it', () => {
    const index = createCorpusIndex(seeds);
    const gone = seeds[1]!;
    expect(index.removeArticle(gone.id)).toBe(true);
    expect(index.removeArticle(gone.id)).toBe(false);
    expect(index.getArticle(gone.id)).toBeUndefined();
    expect(index.articleIds()).toEqual(seeds.filter((a) => a !== gone).map((a) => a.id));
    const found = answers(index);
    expect(found.flat().some((m) => m.articleId === gone.id)).toBe(false);
    expect(found).toEqual(answers(createCorpusIndex(seeds.filter((a) => a !== gone))));
    const { deadSentences, sentences } = index.stats();
    expect(deadSentences).toBeGreaterThan(0);
    expect(index.deadShare()).toBe(deadSentences / sentences);
    expect(index.compact().stats()).toMatchObject({ deadSentences: 0, sentences: sentences - deadSentences });
  });

  it('keeps dead rows out of the candidates, so many removed copies do not crowd out the live one', () => {
    const sentences = [
      'Troops of a Russia-led alliance began leaving Kazakhstan on Thursday morning.',
      'The withdrawal should be complete within ten days, officials in Almaty said.',
      'A curfew imposed during the unrest was lifted in the largest city overnight.',
    ];
    const index = createCorpusIndex();
    // 33 dead copies: more than the 32 candidates verified per query, too few to stop-list a
    // bucket (64 postings; stop-listed buckets stay until compaction).
    for (let n = 0; n < 33; n++) index.addArticle(plain(`dead-${n}`, sentences));
    index.addArticle(plain('live', sentences));
    index.matchSentence(sentences[0]!); // the table grows now, while the copies are alive
    for (let n = 0; n < 33; n++) index.removeArticle(`dead-${n}`);
    for (const s of sentences) expect(index.matchSentence(s).map((m) => `${m.articleId} ${m.kind}`)).toEqual(['live verbatim']);
  });

  it('a re-added article (new slot) is found again', () => {
    const index = createCorpusIndex(seeds);
    index.removeArticle(seeds[0]!.id);
    index.addArticle(seeds[0]!);
    expect(answers(index).flat().some((m) => m.articleId === seeds[0]!.id)).toBe(true);
    expect(index.sentenceCount(seeds[0]!.id)).toBe(createCorpusIndex([seeds[0]!]).stats().sentences);
  });
});

describe('hidden articles', () => {
  it('are indexed but neither matched nor listed until shown', () => {
    const index = createCorpusIndex(seeds.slice(0, 3));
    for (const a of seeds.slice(3)) index.addArticle(a, { hidden: true });
    expect(index.articleIds()).toEqual(seeds.slice(0, 3).map((a) => a.id));
    expect(index.getArticle(seeds[3]!.id)).toBeUndefined();
    expect(index.stats().articles).toBe(3);
    expect(answers(index)).toEqual(answers(createCorpusIndex(seeds.slice(0, 3))));
    for (const a of seeds.slice(3)) expect(index.setHidden(a.id, false)).toBe(true);
    expect(answers(index)).toEqual(answers(createCorpusIndex(seeds)));
    expect(index.setHidden('nope', true)).toBe(false);
  });

  it('survive the shingle table growing while hidden', () => {
    const index = createCorpusIndex();
    for (const a of seeds) index.addArticle(a, { hidden: true });
    for (let n = 0; n < 300; n++) index.addArticle(copyOf(seeds[n % 5]!, `filler-${n}`), { hidden: true });
    for (let n = 0; n < 300; n++) index.removeArticle(`filler-${n}`);
    for (const a of seeds) index.setHidden(a.id, false);
    expect(answers(index)).toEqual(answers(createCorpusIndex(seeds)));
  });

  it('are left out of snapshots (they are not committed)', () => {
    const index = createCorpusIndex(seeds.slice(0, 4));
    index.addArticle(seeds[4]!, { hidden: true });
    expect(revive(index).articleIds()).toEqual(seeds.slice(0, 4).map((a) => a.id));
    expect(loadCorpusIndex(index.serialize()).articleIds()).toEqual(seeds.slice(0, 4).map((a) => a.id));
  });
});

describe('packed snapshot (IndexedDB form)', () => {
  it('revives to the same articles, sizes and answers, removals and replacements included', () => {
    const index = createCorpusIndex(seeds);
    index.removeArticle(seeds[2]!.id);
    index.addArticle({ ...seeds[3]!, title: 'Replaced' });
    index.addArticle({ ...seeds[0]!, id: 'ünïcode-✓', text: `Café “quoted” — ${seeds[0]!.text}` });
    const loaded = revive(index);
    expect(loaded.articleIds()).toEqual(index.articleIds());
    for (const id of index.articleIds()) expect(loaded.getArticle(id)).toEqual(index.getArticle(id));
    // Texts travel as UTF-8 and come back decoded; a revived index packs them again as they were.
    expect(loaded.getArticle('ünïcode-✓')?.text).toBe(`Café “quoted” — ${seeds[0]!.text}`);
    const again = loadPackedCorpusIndex(structuredClone(loaded.pack()));
    expect('error' in again ? again.error : again.getArticle('ünïcode-✓')).toEqual(index.getArticle('ünïcode-✓'));
    const { bytes: _a, ...sizes } = index.stats();
    const { bytes: _b, ...loadedSizes } = loaded.stats();
    expect(loadedSizes).toEqual(sizes);
    expect(answers(loaded)).toEqual(answers(index));
    loaded.addArticle(copyOf(seeds[2]!, 'after'));
    index.addArticle(copyOf(seeds[2]!, 'after'));
    expect(answers(loaded)).toEqual(answers(index));
  });

  it('refuses data of another format or with broken columns', () => {
    const packed = createCorpusIndex(seeds).pack();
    expect(loadPackedCorpusIndex({ ...packed, version: 2 as 3 })).toEqual({ error: expect.stringMatching(/version 3/) });
    const postings = packed.postings;
    expect(loadPackedCorpusIndex({ ...packed, postings: { ...postings, postings: postings.postings.subarray(1) } })).toEqual({ error: 'shingle table is malformed' });
    expect(loadPackedCorpusIndex({ ...packed, textEnds: [1, 2] as unknown as Uint32Array })).toEqual({ error: expect.stringMatching(/wrong types/) });
    expect(loadPackedCorpusIndex({ ...packed, meta: '[1' })).toEqual({ error: expect.stringMatching(/not JSON/) });
    expect(loadPackedCorpusIndex({ ...packed, meta: '[]' })).toEqual({ error: expect.stringMatching(/differ in length/) });
  });
});
