import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import { createCorpusIndex } from '../../../lib/match/index/corpus-index';

// In a large corpus a sentence's common pairs are stop-listed, and its copy must be found by the
// few rare pairs left (npm run bench -- --recall measures this on real text at 10,000 articles).
const article = (id: string, sentences: readonly string[]): Article => {
  const text = sentences.join(' ');
  return { id, outlet: id, site: `${id}.example`, url: null, published: null, title: null, credit: null, text, blocks: [{ kind: 'body', start: 0, end: text.length }] };
};
const TOWNS = ['Springfield', 'Riverton', 'Lakeside', 'Hillcrest', 'Fairview', 'Oakdale', 'Brookfield', 'Westwood', 'Ashford', 'Milton'];

/** 90 articles whose sentences hold the query's common frames ("the deal is expected to close",
 *  "later this month", "the company said"), each more often than the stop list's cap. */
function frames(): Article[] {
  return Array.from({ length: 90 }, (_, n) => article(`frame-${n}`, [
    `The deal is expected to close in the fourth quarter of ${1950 + n}.`,
    `Voters in ${TOWNS[n % 10]} will elect ${n + 3} council members later this month.`,
    `Revenue at the ${TOWNS[(n + 3) % 10]} plant grew ${n + 2} percent, the company said.`,
  ]));
}

describe('candidates of a sentence whose common pairs are stop-listed', () => {
  const query = 'The deal is expected to close later this month, the company said.';

  it('find its verbatim and its edited copies by the pairs left', () => {
    const index = createCorpusIndex([
      ...frames(),
      article('copy', ['Shares rose in early trading.', query]),
      article('edited', ['The deal is expected to close later this month, the company said in a statement on Monday.']),
    ]);
    const found = index.matchSentence(query).map((m) => [m.articleId, m.kind]);
    expect(found).toContainEqual(['copy', 'verbatim']);
    expect(found).toContainEqual(['edited', 'reworded']);
    expect(found.filter(([id]) => String(id).startsWith('frame-'))).toEqual([]);
  });

  it('still refuse the sentences that share only the frames', () => {
    const index = createCorpusIndex(frames());
    expect(index.matchSentence(query, { kinds: ['verbatim', 'reworded', 'paraphrase'] })).toEqual([]);
  });
});

/** 60 articles quoting one official with the same attribution, each a different short quote:
 *  the attribution's pairs are listed by 60 sentences (below the stop list's cap of 64), and
 *  each of these shares more of the query's keys than the edited copy does. */
function quotedOften(): Article[] {
  return Array.from({ length: 60 }, (_, n) => article(`quoted-${n}`, [`"Not before ${n + 10}," said Spencer Abraham, the energy secretary.`]));
}

describe('candidates of a short quote whose speaker is quoted often', () => {
  const query = '"This blackout was largely preventable," said Spencer Abraham, the energy secretary.';
  const copy = '"This blackout was largely avoidable," stated Spencer Abraham, the energy secretary, in a statement released by his office on Thursday.';

  it('rank the copy sharing the rare quote above the 60 sharing only the common attribution', () => {
    const index = createCorpusIndex([...quotedOften(), article('copy', [copy])]);
    expect(index.matchSentence(query).map((m) => [m.articleId, m.kind])).toEqual([['copy', 'reworded']]);
  });
});
