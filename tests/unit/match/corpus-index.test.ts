import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import { createCorpusIndex, loadCorpusIndex } from '../../../lib/match/index/corpus-index';
import type { MatchKind } from '../../../lib/match/types';
import { splitSentences } from '../../../lib/text/sentences';
import { seedArticles } from './seed-corpus';

const ALL: readonly MatchKind[] = ['verbatim', 'reworded', 'paraphrase'];
const seeds = seedArticles();
const index = createCorpusIndex(seeds);
const sentencesOf = (a: Article) => splitSentences(a.text, a.blocks.map((b) => b.start)).filter((s) => s.text.split(/\s+/).length >= 4);
const seed = (prefix: string) => seeds.find((a) => a.id.startsWith(prefix)) as Article;

function article(id: string, sentences: readonly string[]): Article {
  const text = sentences.join('\n\n');
  let start = 0;
  const blocks = sentences.map((s) => {
    const block = { kind: 'body' as const, start, end: start + s.length };
    start = block.end + 2;
    return block;
  });
  return { id, outlet: id, site: null, url: null, published: null, title: null, credit: null, text, blocks };
}

describe('CorpusIndex on the seeds', () => {
  it('finds every sentence of 001 (AFP copy) in 000 as verbatim or reworded', () => {
    const a001 = seed('001');
    for (const s of sentencesOf(a001)) {
      const found = index.matchSentence(s.text, { excludeArticle: (id) => !id.startsWith('000') });
      expect(found.map((m) => m.kind), s.text).toEqual([expect.stringMatching(/^(verbatim|reworded)$/)]);
    }
  });

  it('matches the CSTO quote of 000 in 003 as reworded, with a diff and a label', () => {
    const quote = sentencesOf(seed('000')).find((s) => s.text.includes('main mission'))?.text ?? '';
    const hit = index.matchSentence(quote).find((m) => m.articleId.startsWith('003'));
    expect(hit).toMatchObject({ kind: 'reworded', text: expect.stringContaining('Addressing the government') });
    expect(hit?.diff.some((d) => d.op === 'insert')).toBe(true);
    expect(hit?.change).not.toBe('');
  });

  it('does not match different facts in a similar frame, at any kind', () => {
    for (const [from, other] of [['Authorities in Almaty on Thursday', 'detained nearly 10,000'], ['Turkish Airlines', 'first international flight']] as const) {
      const query = seeds.flatMap(sentencesOf).find((s) => s.text.includes(from))?.text ?? '';
      expect(query).not.toBe('');
      expect(index.matchSentence(query, { kinds: ALL }).filter((m) => m.text.includes(other))).toEqual([]);
    }
  });

  it('gives at most one match per article, excludes on request, and scores within 0..1', () => {
    const query = sentencesOf(seed('000'))[0]?.text ?? '';
    const found = index.matchSentence(query, { kinds: ALL });
    expect(new Set(found.map((m) => m.articleId)).size).toBe(found.length);
    expect(found.some((m) => m.articleId.startsWith('000'))).toBe(true);
    expect(index.matchSentence(query, { kinds: ALL, excludeArticle: (id) => id.startsWith('000') }).some((m) => m.articleId.startsWith('000'))).toBe(false);
    for (const m of found) expect(m.score).toBeGreaterThan(0), expect(m.score).toBeLessThanOrEqual(1);
  });

  it('answers the same after serialize -> JSON -> loadCorpusIndex', () => {
    const loaded = loadCorpusIndex(JSON.parse(JSON.stringify(index.serialize())));
    const { bytes: _loadedBytes, ...loadedSizes } = loaded.stats();
    const { bytes: _builtBytes, ...builtSizes } = index.stats(); // bytes include spare capacity
    expect(loadedSizes).toEqual(builtSizes);
    expect(loaded.articleIds()).toEqual(index.articleIds());
    for (const s of seeds.flatMap(sentencesOf)) {
      expect(loaded.matchSentence(s.text, { kinds: ALL })).toEqual(index.matchSentence(s.text, { kinds: ALL }));
    }
  });
});

describe('CorpusIndex additions', () => {
  const base = ['Troops of a Russia-led alliance began leaving Kazakhstan on Thursday morning.', 'The withdrawal should be complete within ten days, officials said.'];

  it('finds an article added after the build, before and after the delta is merged', () => {
    const grown = createCorpusIndex([article('a', base)]);
    grown.addArticle(article('b', ['Officials said the withdrawal should be complete within ten days.']));
    expect(grown.matchSentence(base[1] ?? '').map((m) => m.articleId)).toEqual(['a', 'b']);
    const reloaded = loadCorpusIndex(grown.serialize());
    reloaded.addArticle(article('c', [base[0] ?? '']));
    expect(reloaded.matchSentence(base[0] ?? '').map((m) => [m.articleId, m.kind])).toEqual([['a', 'verbatim'], ['c', 'verbatim']]);
  });

  it('replaces an article added again under the same id', () => {
    const grown = createCorpusIndex([article('a', base)]);
    grown.addArticle(article('a', ['Something else entirely happened in Almaty on Friday evening.']));
    expect(grown.articleIds()).toEqual(['a']);
    expect(grown.matchSentence(base[0] ?? '')).toEqual([]);
    expect(grown.getArticle('a')?.text).toContain('Almaty');
  });

  it('grows from empty to thousands of sentences and stop-lists very common shingles', () => {
    const grown = createCorpusIndex();
    for (let n = 0; n < 400; n++) {
      grown.addArticle(article(`n${n}`, Array.from({ length: 10 }, (_, k) => `The president said on Tuesday that item ${n * 10 + k} of list ${n} was approved quickly.`)));
    }
    grown.addArticle(article('copy', ['Troops of a Russia-led alliance began leaving Kazakhstan on Thursday.']));
    expect(grown.stats()).toMatchObject({ articles: 401, sentences: 4001 });
    expect(grown.stats().shingles).toBeLessThan(4001 * 10);
    expect(grown.matchSentence(base[0] ?? '').map((m) => m.articleId)).toEqual(['copy']);
    expect(grown.matchSentence('The president said on Tuesday that item 1234 of list 123 was approved quickly.').map((m) => m.articleId)).toEqual(['n123']);
  });
});

describe('candidateArticleIds', () => {
  const page = sentencesOf(seed('001')).map((s) => s.text);

  it('names the articles whose sentences matching reads, and matching then answers as without it', () => {
    const fresh = createCorpusIndex(seeds);
    for (const kinds of [undefined, ALL]) {
      const expected = page.map((s) => index.matchSentence(s, { kinds }));
      const ids = fresh.candidateArticleIds(page, { kinds });
      expect(ids.has(seed('000').id)).toBe(true);
      const answered = page.map((s) => fresh.matchSentence(s, { kinds }));
      expect(answered).toEqual(expected);
      for (const m of answered.flat()) expect(ids.has(m.articleId)).toBe(true);
    }
  });

  it('is forgotten when the index changes in between: a new article is matched', () => {
    const fresh = createCorpusIndex(seeds);
    fresh.candidateArticleIds(page);
    fresh.addArticle(article('late-copy', [page[0] as string]));
    expect(fresh.matchSentence(page[0] as string).map((m) => m.articleId)).toContain('late-copy');
  });

  it('is kept per kind: asked for copies (at most 32 candidates), matching paraphrases too verifies 40', () => {
    const line = 'Officials confirmed on Monday that the northern bridge would stay closed until the spring.';
    const many = createCorpusIndex(Array.from({ length: 45 }, (_, i) => article(`copy-${i}`, [line])));
    const expected = many.matchSentence(line, { kinds: ALL }).length;
    expect(expected).toBeGreaterThan(many.matchSentence(line).length);
    many.candidateArticleIds([line]);
    expect(many.matchSentence(line, { kinds: ALL })).toHaveLength(expected);
  });
});

describe('pending postings of hidden articles', () => {
  const line = 'Officials confirmed on Monday that the northern bridge would stay closed until the spring.';

  it('are left out while hidden, found once shown, and a visible article added after them is found', () => {
    const index = createCorpusIndex(seeds);
    index.addArticle(article('hidden-copy', [line]), { hidden: true });
    expect(index.matchSentence(line)).toEqual([]);
    index.addArticle(article('visible-copy', [line]));
    expect(index.matchSentence(line).map((m) => m.articleId)).toEqual(['visible-copy']);
    index.setHidden('hidden-copy', false);
    expect(index.matchSentence(line).map((m) => m.articleId).sort()).toEqual(['hidden-copy', 'visible-copy']);
    index.removeArticle('visible-copy');
    expect(index.matchSentence(line).map((m) => m.articleId)).toEqual(['hidden-copy']);
  });

  it('packInSteps packs hidden articles named in `include` as if shown, pausing between pieces; they stay hidden', async () => {
    const extra = Array.from({ length: 30 }, (_, i) => article(`import-${i}`, [`${line} Item ${i} of the list.`]));
    const index = createCorpusIndex(seeds);
    for (const a of extra) index.addArticle(a, { hidden: true });
    let pauses = 0;
    const matchedMeanwhile: string[] = [];
    const packed = await index.packInSteps(async () => {
      pauses++;
      matchedMeanwhile.push(...index.matchSentence(line).map((m) => m.articleId));
    }, new Set(extra.slice(0, 20).map((a) => a.id)));
    expect(pauses).toBeGreaterThan(0);
    expect(matchedMeanwhile).toEqual([]);
    expect(index.matchSentence(line)).toEqual([]);
    const shown = createCorpusIndex([...seeds, ...extra]);
    for (const a of extra.slice(20)) shown.setHidden(a.id, true);
    expect(structuredClone(packed)).toEqual(structuredClone(shown.pack()));
  });
});
