import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedCorpus } from '../../../lib/cli/corpus-files';
import { createCorpusIndex, type CorpusIndex } from '../../../lib/match/index/corpus-index';
import { runSteps } from '../../../lib/match/index/steps';
import { buildReport, reportSteps } from '../../../lib/report/build-report';
import { MAX_MATCH_SENTENCE_CHARS, pageDataError } from '../../../lib/report/limits';

let index: CorpusIndex;
let sentence: string;
beforeAll(async () => {
  const seeds = await loadSeedCorpus();
  index = createCorpusIndex(seeds);
  sentence = buildReport({ source: 'p', text: seeds[0]!.text, title: null, outlet: null, url: null }, index)
    .sentences.find((s) => s.matches.length > 0)!.text;
});

const page = (text: string) => ({ source: 'p', text, blockStarts: [0], title: null, outlet: null, url: 'https://elsewhere.example/x' });

describe('a sentence too long to be prose', () => {
  it('is listed without matches, while the same words under the limit are matched', () => {
    const padded = `${sentence.replace(/[.!?”"]+$/, '')} ${'and so on '.repeat(300)}`.slice(0, MAX_MATCH_SENTENCE_CHARS + 1);
    const long = buildReport(page(padded), index);
    expect(long.sentences).toHaveLength(1);
    expect(long.sentences[0]!.matches).toEqual([]);
    expect(buildReport(page(sentence), index).sentences[0]!.matches.length).toBeGreaterThan(0);
  });
});

describe('reportSteps', () => {
  it('stops at the split when the page has more sentences than allowed', () => {
    expect(runSteps(reportSteps(page('One two three. '.repeat(11)), index, {}, 10))).toEqual({
      ok: false, error: 'this page is too large for Echoes: it has more than 10 sentences',
    });
  });
});

describe('pageDataError', () => {
  it.each([
    [null, /not sent as/],
    [{ url: 'u', title: null, outlet: null, blockStarts: [] }, /has no text/],
    [{ text: 't', title: null, outlet: null, blockStarts: [] }, /has no URL/],
    [{ url: 'u', text: 'abc', title: null, outlet: null, blockStarts: [0, 2, 1] }, /ascending order/],
    [{ url: 'u', text: 'abc', title: null, outlet: null, blockStarts: [0, 1.5] }, /ascending order/],
  ])('refuses %j', (data, error) => expect(pageDataError(data)).toMatch(error));

  it('accepts a normal page', () => {
    expect(pageDataError({ url: 'https://x.example/', text: 'Hello there.\n\nMore.', title: 'T', outlet: null, blockStarts: [0, 14] })).toBeNull();
  });
});
