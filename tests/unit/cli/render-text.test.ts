import { describe, expect, it } from 'vitest';
import { renderDiff, renderReport, renderSummary, shouldColor } from '../../../lib/cli/render-text';
import type { Report } from '../../../lib/report/types';

const report: Report = {
  page: { source: 'page.txt', title: 'Troops leave', outlet: 'TRT World', url: null },
  sentences: [
    { index: 0, text: 'Nothing here.', start: 0, end: 13, matches: [] },
    { index: 1, text: 'The mission was despatched.', start: 14, end: 41, matches: [{
      articleId: 'b', outlet: 'Daily', url: 'https://daily.example/a', published: '2022-01-11', credit: 'AFP',
      text: 'The mission was dispatched.', kind: 'reworded', score: 0.914, change: 'spelling', reuse: 'copy',
      diff: [{ op: 'equal', text: 'The mission was ' }, { op: 'delete', text: 'despatched' }, { op: 'insert', text: 'dispatched' }, { op: 'equal', text: '.' }],
    }, {
      articleId: 'c', outlet: 'Weekly', url: null, published: null, credit: null,
      text: 'The mission was despatched.', kind: 'verbatim', score: 1, change: 'same words', reuse: 'copy',
      diff: [{ op: 'equal', text: 'The mission was despatched.' }],
    }] },
  ],
  summary: { sentences: 2, echoed: 1, outlets: ['Daily', 'Weekly'] },
};

describe('renderDiff', () => {
  const diff = report.sentences[1]?.matches[0]?.diff ?? [];
  it('marks changes in plain text', () => {
    expect(renderDiff(diff, false)).toBe('The mission was [-despatched-]{+dispatched+}.');
  });
  it('puts back a space where two ops would run words together', () => {
    const ops = [{ op: 'equal', text: 'last week.' }, { op: 'delete', text: 'after the clashes.' }] as const;
    expect(renderDiff(ops, false)).toBe('last week. [-after the clashes.-]');
  });
  it('colours deletions red struck through and insertions green', () => {
    expect(renderDiff(diff, true)).toBe('The mission was \x1b[31m\x1b[9mdespatched\x1b[0m\x1b[32mdispatched\x1b[0m.');
  });
});

describe('shouldColor', () => {
  it.each([
    [true, {}, true], [true, { NO_COLOR: '1' }, false], [true, { NO_COLOR: '' }, true],
    [false, {}, false], [undefined, {}, false],
  ])('tty %s env %j -> %s', (tty, env, expected) => {
    expect(shouldColor(tty, env)).toBe(expected);
  });
});

describe('renderReport', () => {
  it('prints the summary and only echoed sentences, with plain markers when not coloured', () => {
    const text = renderReport(report, false);
    expect(text).toContain('1 of 2 sentences echoed by 2 outlets: Daily (1), Weekly (1)');
    expect(text).toContain('[2] The mission was despatched.');
    expect(text).toContain('Daily, 2022-01-11, via AFP · reworded 0.91 · spelling');
    expect(text).toContain('Weekly · verbatim 1.00 · same words');
    expect(text).not.toContain('Nothing here.');
    expect(text).not.toContain('\x1b[');
  });
  it('prints the page\'s provenance lines and each sentence\'s, without control characters', () => {
    const traced: Report = { ...report, sentences: report.sentences.map((s) => (s.matches.length === 0 ? s : {
      ...s, provenance: { first: { articleId: 'b', outlet: 'Daily\x1b[31m', published: '2022-01-11' }, origin: 'AFP', credited: false },
    })) };
    const text = renderReport(traced, false);
    expect(text).toContain('1 sentence traces to AFP; this page does not credit AFP');
    expect(text).toMatch(/\n {2}first ran in Daily\S*\[31m, 11 Jan 2022 · from AFP · uncredited here\n/);
    expect(text).not.toContain('\x1b');
  });

  it('says so when nothing is echoed', () => {
    const none: Report = { ...report, sentences: [], summary: { sentences: 3, echoed: 0, outlets: [] } };
    expect(renderSummary(none)).toBe('0 of 3 sentences echoed elsewhere in the corpus.');
  });
});
