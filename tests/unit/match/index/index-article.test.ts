// indexArticle splits an article once for the newsroom import: what it answers must be what the
// two functions it stands in for (indexedSentences, articleSentenceCount) answer separately.
import { describe, expect, it } from 'vitest';
import type { Article, Block } from '../../../../lib/corpus/article';
import { indexArticle, indexedSentences } from '../../../../lib/match/index/indexed-sentences';
import { articleSentenceCount } from '../../../../lib/report/build-report';
import { seedArticles } from '../seed-corpus';

function article(text: string, blocks: Block[] = [{ kind: 'body', start: 0, end: text.length }]): Article {
  return { id: 'a', outlet: 'Outlet', site: 'outlet.example', url: null, published: null, title: null, credit: null, text, blocks };
}

const caption = 'Soldiers guard the main square of the capital on Tuesday.';
const body = 'Coup attempt? Troops were deployed across the capital overnight. "We will restore order," he said. Mr. J. R. Smith, 81, disagreed.';
const withCaption = article(`${body}\n\n${caption}\n\nThe ministry said 2,000 people were detained. Calm.`, [
  { kind: 'body', start: 0, end: body.length },
  { kind: 'caption', start: body.length + 2, end: body.length + 2 + caption.length },
  { kind: 'body', start: body.length + 4 + caption.length, end: body.length + 4 + caption.length + 53 },
]);

describe('indexArticle', () => {
  it.each([
    ['a body with short sentences', article(body)],
    ['a caption block between two bodies', withCaption],
    ['only short sentences', article('Yes. No. Coup attempt?')],
    ['no text', article('', [])],
    ['non-ASCII words', article('Der Präsident trat am Dienstag zurück, sagte die Ministerin. Ça va très bien aujourd’hui, merci beaucoup.')],
    ...seedArticles().map((a) => [`seed ${a.id}`, a] as [string, Article]),
  ])('%s: the sentences of indexedSentences and the count of articleSentenceCount', (_, a) => {
    const read = indexArticle(a);
    expect(read.sentences).toEqual([...indexedSentences(a)]);
    expect(read.matchable).toBe(articleSentenceCount(a));
  });

  it('counts a long caption sentence as matchable but does not index it', () => {
    const read = indexArticle(withCaption);
    expect(read.sentences.some((s) => withCaption.text.slice(s.start, s.end) === caption)).toBe(false);
    expect(read.matchable).toBe(read.sentences.length + 1);
  });
});
