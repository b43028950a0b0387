import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import { createCorpusIndex, loadPackedCorpusIndex, type CorpusIndex } from '../../../lib/match/index/corpus-index';
import type { MatchKind } from '../../../lib/match/types';
import { splitSentences } from '../../../lib/text/sentences';
import { seedArticles } from './seed-corpus';

const ALL: readonly MatchKind[] = ['verbatim', 'reworded', 'paraphrase'];
const seeds = seedArticles();
const sentencesOf = (a: Article) => splitSentences(a.text, a.blocks.map((b) => b.start)).map((s) => s.text);
const queries = seeds.flatMap(sentencesOf).filter((t) => t.split(/\s+/).length >= 4);
const answers = (index: CorpusIndex) => queries.map((q) => index.matchSentence(q, { kinds: ALL }));
/** An article echoing the seeds (a sentence of each, reworded a little) and a sentence of its own. */
const echo: Article = (() => {
  const parts = seeds.map((a) => sentencesOf(a).find((s) => s.split(/\s+/).length >= 12)!.replace(/\bthe\b/, 'this'));
  parts.push('A sentence nobody else printed about the harbour cranes at dawn and their seventeen painted hooks.');
  const text = parts.join('\n\n');
  let start = 0;
  const blocks = parts.map((s) => ({ kind: 'body' as const, start, end: (start += s.length + 2) - 2 }));
  return { id: 'echo', outlet: 'Echo Daily', site: null, url: null, published: null, title: null, credit: null, text, blocks };
})();

function revive(index: CorpusIndex): CorpusIndex {
  const loaded = loadPackedCorpusIndex(structuredClone(index.pack()));
  if ('error' in loaded) throw new Error(loaded.error);
  return loaded;
}

describe('an index revived from its snapshot, its table read as stored', () => {
  it('answers as the index it was packed from, before its table was ever merged', () => {
    const full = createCorpusIndex(seeds);
    const revived = revive(full);
    expect(answers(revived)).toEqual(answers(full));
    expect(revived.candidateArticleIds(queries, { kinds: ALL })).toEqual(full.candidateArticleIds(queries, { kinds: ALL }));
  });

  it('answers with articles added since (pending postings beside the stored table) as a built index does', () => {
    const full = createCorpusIndex([...seeds, echo]);
    const revived = revive(createCorpusIndex(seeds));
    revived.addArticle(echo);
    const asked = [...queries, ...sentencesOf(echo)];
    expect(asked.map((q) => revived.matchSentence(q, { kinds: ALL }))).toEqual(asked.map((q) => full.matchSentence(q, { kinds: ALL })));
  });

  it('keeps every posting through a merge and a snapshot after it answered (the stored table, then the new article)', async () => {
    const built = createCorpusIndex(seeds, { expectedChars: 200_000 });
    const revived = revive(built);
    expect(answers(revived)).toEqual(answers(built)); // answered from the stored table first
    revived.addArticle(echo);
    built.addArticle(echo);
    const packed = await revived.packInSteps(async () => {});
    expect(structuredClone(packed)).toEqual(structuredClone(built.pack()));
    const again = revive(revived);
    expect(answers(again)).toEqual(answers(built));
    const counts = (index: CorpusIndex) => ({ ...index.stats(), bytes: 0 }); // (bytes: capacities of growable arrays)
    expect(counts(again)).toEqual(counts(built));
    expect(again.matchSentence(sentencesOf(echo).at(-1)!).map((m) => m.articleId)).toEqual(['echo']);
  });
});
