import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import type { MatchOptions, SentenceMatch } from '../../../lib/match/types';
import { buildReport, type ReportIndex } from '../../../lib/report/build-report';
import type { PageInput } from '../../../lib/report/types';
import { splitSentences } from '../../../lib/text/sentences';

/** Article of one-sentence paragraphs. */
function article(id: string, outlet: string, url: string | null, sentences: string[]): Article {
  const text = sentences.join('\n\n');
  const blocks = splitSentences(text).map((s) => ({ kind: 'body' as const, start: s.start, end: s.end }));
  return { id, outlet, site: null, url, published: '2022-01-11', title: null, credit: 'AFP', text, blocks };
}

/** Exact text -> verbatim; same words ignoring case and punctuation -> reworded; like the
 *  real index, sentences under 4 words are never matched. */
function fakeIndex(articles: Article[]): ReportIndex & { queries: MatchOptions[] } {
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]/g, '');
  const queries: MatchOptions[] = [];
  return {
    queries,
    getArticle: (id) => articles.find((a) => a.id === id),
    matchSentence(sentence, opts = {}) {
      queries.push(opts);
      if (sentence.split(/\s+/).length < 4) return [];
      return articles.flatMap((a): SentenceMatch[] => {
        if (opts.excludeArticle?.(a.id)) return [];
        const spans = splitSentences(a.text, a.blocks.map((b) => b.start));
        const hit = spans.find((s) => key(s.text) === key(sentence));
        if (!hit) return [];
        const kind = hit.text === sentence ? 'verbatim' : 'reworded';
        if (opts.kinds && !opts.kinds.includes(kind)) return [];
        return [{ articleId: a.id, sentenceIndex: hit.index, text: hit.text, kind, score: kind === 'verbatim' ? 1 : 0.9,
          diff: [{ op: 'equal', text: hit.text }], change: kind === 'verbatim' ? 'same words' : 'spelling', reuse: 'copy' }];
      });
    },
  };
}

const S = ['Troops began leaving on Thursday.', 'The mission was completed early.', 'Flights resume next week.',
  'Prices rose sharply in the west.', 'Talks continue in Almaty.'];
const page = (over: Partial<PageInput> = {}): PageInput =>
  ({ source: 'page.txt', text: S.join('\n\n'), title: 'T', outlet: null, url: 'https://www.page.example/a', ...over });

describe('buildReport', () => {
  it('lists every page sentence, joins article metadata, and summarises by shared sentences', () => {
    const index = fakeIndex([
      article('b', 'Beta', 'https://beta.example/x', [S[0] ?? '', 'the mission was completed early', 'Other text here.']),
      article('c', 'Gamma', null, [S[1] ?? '', 'Unrelated words.', 'More unrelated words.']),
    ]);
    const report = buildReport(page(), index);
    expect(report.page).toEqual({ source: 'page.txt', title: 'T', outlet: null, url: 'https://www.page.example/a', credits: [] });
    expect(report.sentences.map((s) => s.text)).toEqual(S);
    expect(report.sentences.map((s) => s.start)).toEqual(splitSentences(page().text).map((s) => s.start));
    expect(report.sentences[1]?.matches.map((m) => [m.outlet, m.kind])).toEqual([['Beta', 'reworded'], ['Gamma', 'verbatim']]);
    expect(report.sentences[0]?.matches[0]).toMatchObject({ articleId: 'b', url: 'https://beta.example/x', published: '2022-01-11', credit: 'AFP' });
    expect(report.summary).toEqual({ sentences: 5, echoed: 2, uncredited: 2, outlets: ['Beta', 'Gamma'] });
  });

  it('maps offsets through sourceOffsets into the raw text', () => {
    const raw = `HEADLINE\n\n${S[0]}\n\n\n${S[1]}`;
    const text = `${S[0]}\n\n${S[1]}`;
    const at0 = raw.indexOf(S[0] ?? '');
    const at1 = raw.indexOf(S[1] ?? '');
    const offsets = [...text].map((_, i) => (i < (S[0] ?? '').length + 2 ? at0 + i : at1 + i - (S[0] ?? '').length - 2));
    offsets.push(raw.length);
    const report = buildReport(page({ text, sourceOffsets: offsets }), fakeIndex([]));
    for (const sentence of report.sentences) expect(raw.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  // The first three share only part of the page, so only their metadata can exclude them.
  const partial = [S[0] ?? '', S[1] ?? '', ...Array.from({ length: 6 }, (_, i) => `Filler sentence number ${i} here.`)];
  it.each([
    ['same id', article('own', 'Own', null, partial), { articleId: 'own' }],
    ['same URL', article('u', 'Own', 'http://page.example/a/?utm_source=feed#top', partial), {}],
    ['same host', article('h', 'Own', 'https://page.example/other-story', partial), {}],
    ['same text', article('t', 'Own', null, S), { url: null }],
  ])('never reports the page\'s own article: %s', (_name, own, over) => {
    const other = article('o', 'Other', null, [S[2] ?? '', 'A b c.', 'D e f.']);
    const report = buildReport(page(over), fakeIndex([own, other]));
    expect(report.sentences.flatMap((s) => s.matches.map((m) => m.articleId))).toEqual(['o']);
    expect(report.summary.outlets).toEqual(['Other']);
  });

  it('recognises its own text even when short headings split it up', () => {
    const withHeadings = [S[0], 'Coup attempt?', S[1], 'Flights', S[2], 'In brief:', S[3], S[4]].map(String);
    const own = article('t', 'Own', null, withHeadings);
    const report = buildReport(page({ text: withHeadings.join('\n\n'), url: null }), fakeIndex([own]));
    expect(report.summary.echoed).toBe(0);
  });

  it('keeps an article sharing most of the page when the page covers little of it (000 vs 001)', () => {
    const longer = article('long', 'Long', null, [...S.slice(0, 4), ...Array.from({ length: 8 }, (_, i) => `This is extra sentence number ${i}.`)]);
    const report = buildReport(page(), fakeIndex([longer]));
    expect(report.summary.echoed).toBe(4);
  });

  it('passes kinds through and honours a caller exclusion', () => {
    const index = fakeIndex([article('b', 'Beta', null, ['the mission was completed early', S[0] ?? '', 'Zzz.']),
      article('c', 'Gamma', null, [S[0] ?? '', 'Q.', 'R.'])]);
    const report = buildReport(page(), index, { kinds: ['verbatim'], excludeArticle: (id) => id === 'c' });
    expect(index.queries.every((q) => q.kinds?.join() === 'verbatim')).toBe(true);
    expect(report.sentences.flatMap((s) => s.matches.map((m) => `${m.articleId}:${m.kind}`))).toEqual(['b:verbatim']);
  });
});
