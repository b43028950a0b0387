import type { Report, ReportMatch, ReportSentence } from '../../lib/report/types';

/** A match in the shape buildReport gives, with a hand-made word diff. */
function match(outlet: string, text: string, kind: ReportMatch['kind'], diff: ReportMatch['diff'], change: string, credit: string | null = null): ReportMatch {
  return { articleId: outlet.toLowerCase().replace(/\W+/g, '-'), outlet, url: `https://${outlet.replace(/\W+/g, '').toLowerCase()}.com/a`, published: '2024-03-02', credit, text, kind, score: kind === 'verbatim' ? 1 : 0.8, diff, change, reuse: 'copy' };
}

function sentence(index: number, text: string, matches: ReportMatch[]): ReportSentence {
  return { index, text, start: index * 100, end: index * 100 + text.length, matches };
}

/** A three-sentence page: two sentences echoed by two outlets (one credited to AFP). */
export function sampleReport(): Report {
  const s0 = 'Russian forces despatched drones over Kyiv on Saturday, officials said.';
  const s1 = 'The mayor urged residents to stay in shelters.';
  return {
    page: { source: 'https://page.example/a', title: 'Drones over Kyiv', outlet: 'Page News', url: 'https://page.example/a' },
    sentences: [
      sentence(0, s0, [
        match('Al Jazeera', 'Russian forces dispatched drones over Kyiv on Saturday, officials said.', 'reworded',
          [{ op: 'equal', text: 'Russian forces ' }, { op: 'delete', text: 'despatched' }, { op: 'insert', text: 'dispatched' }, { op: 'equal', text: ' drones over Kyiv on Saturday, officials said.' }],
          'spelling', 'AFP'),
        match('TRT World', s0, 'verbatim', [{ op: 'equal', text: s0 }], 'same words', 'TRTWorld and agencies'),
      ]),
      sentence(1, s1, [
        match('Al Jazeera', 'The mayor urged residents to stay in shelters overnight.', 'reworded',
          [{ op: 'equal', text: 'The mayor urged residents to stay in shelters' }, { op: 'insert', text: ' overnight' }, { op: 'equal', text: '.' }],
          'words added', 'AFP'),
      ]),
      sentence(2, 'Nothing else happened.', []),
    ],
    summary: { sentences: 3, echoed: 2, outlets: ['Al Jazeera', 'TRT World'] },
  };
}
