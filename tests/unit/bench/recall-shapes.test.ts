import { describe, expect, it } from 'vitest';
import { createRng } from '../../../scripts/bench/prng';
import { plantCopies } from '../../../scripts/bench/recall/recall-bench';
import { readMsrpPairs, SentenceChain } from '../../../scripts/bench/recall/real-text';
import { applyShape, clausesOf } from '../../../scripts/bench/recall/shapes';

const LONG = 'The company said on Monday that its profit rose 12 percent in the third quarter, helped by strong sales of its new phones in Europe.';
const CLAUSE = 'which was founded in 1998 by two students';

describe('edit shapes of the recall bench', () => {
  it('keeps a verbatim copy as it is and trims a trimmed one to its first words', () => {
    expect(applyShape(LONG, 'verbatim', createRng(1), CLAUSE)).toBe(LONG);
    const trimmed = applyShape(LONG, 'trimmed', createRng(1), CLAUSE) ?? '';
    expect(LONG.startsWith(trimmed.slice(0, -1))).toBe(true);
    expect(trimmed.split(' ').length).toBeLessThan(LONG.split(' ').length);
    expect(trimmed).toMatch(/\.$/);
  });

  it('adds the given clause, or drops the largest clause after the first', () => {
    const added = applyShape(LONG, 'clause-added', createRng(3), CLAUSE) ?? '';
    expect(added).toContain(`, ${CLAUSE}`);
    expect(added.replace(`, ${CLAUSE}`, '').replace(/,\./, '.')).toBe(LONG);
    expect(applyShape(LONG, 'clause-dropped', createRng(1), CLAUSE))
      .toBe('The company said on Monday that its profit rose 12 percent in the third quarter.');
    expect(applyShape('No clause at all can be dropped from this rather long plain sentence here.', 'clause-dropped', createRng(1), CLAUSE)).toBeNull();
  });

  it('rewords one or two words of a trimmed wire sentence, and refuses one with nothing to reword', () => {
    const reworded = applyShape(LONG, 'reworded-wire', createRng(1), CLAUSE) ?? '';
    expect(reworded).toMatch(/^The firm stated on Monday that its profit climbed|^The firm stated on Monday/);
    expect(applyShape('Nothing in this long sentence here is on the list of light rewordings at all.', 'reworded-wire', createRng(1), CLAUSE)).toBeNull();
    expect(applyShape('Some 175 million shares traded on the Big Board on a quiet day in the city.', 'reworded-wire', createRng(1), CLAUSE)).toMatch(/^Some 175 million stock traded on the Big Board/);
  });

  it('adds detail to a short attributed sentence only', () => {
    const copy = applyShape('"We are reviewing the decision," the company said.', 'short-attributed', createRng(1), CLAUSE) ?? '';
    expect(copy).toMatch(/^"We are reviewing the decision," the company said .+\.$/);
    expect(applyShape('A short sentence with nobody quoted in it.', 'short-attributed', createRng(1), CLAUSE)).toBeNull();
  });

  it('plants each original once, the scarcest shapes choosing first', () => {
    const originals = [LONG, '"We are reviewing the decision," the company said.', 'Too short.'];
    const planted = plantCopies(originals, [CLAUSE], createRng(5), 1);
    expect(planted.map((p) => p.shape)).toEqual(['short-attributed', 'clause-dropped']);
    expect(new Set(planted.map((p) => p.articleId)).size).toBe(planted.length);
  });
});

describe('real-text distractors', () => {
  const source = [
    'The company said its profit rose in the third quarter.',
    'The company said it would cut 300 jobs in the third quarter.',
    'Officials said the storm would reach the coast on Tuesday, the agency said.',
  ];

  it('walk the text: every three words in a row occur in some source sentence', () => {
    const rng = createRng(7);
    const chain = new SentenceChain(source);
    const trigrams = new Set(source.flatMap((s) => s.split(' ').slice(2).map((w, i, all) => `${s.split(' ')[i]} ${s.split(' ')[i + 1]} ${w}`)));
    for (let n = 0; n < 50; n++) {
      const words = chain.sentence(rng).split(' ');
      for (let i = 2; i < words.length; i++) expect(trigrams.has(words.slice(i - 2, i + 1).join(' ').replace(/\.$/, '.'))).toBe(true);
    }
  });

  it('reads clauses to add and says when the MSRP file is absent', () => {
    expect(clausesOf(['Smith, who has led the firm since 2001, said he would stay.'])).toEqual(['who has led the firm since 2001']);
    expect(readMsrpPairs('/nonexistent/msrp-train.tsv')).toEqual([]);
  });
});
