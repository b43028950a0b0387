import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../lib/corpus/files/ingest';
import { createCorpusIndex } from '../../../lib/match/index/corpus-index';
import { buildReport } from '../../../lib/report/build-report';
import { blockStartsOf } from '../../../lib/text/sentences';

const PROSE = 'The regional council voted on Tuesday to close the old harbour bridge to heavy lorries from next month.';
const CAPTION = 'Residents watch as smoke rises over the valley behind the old harbour (Image: Reuters)';
const CREDIT_LINE = 'Sign up to our newsletter for the best of the week in the valley and beyond';

function corpus() {
  const text = `Harbour news\n\n${PROSE}\n\n${CAPTION}\n\n${CREDIT_LINE}\n\nOther words of the other outlet follow here in a sentence of their own.`;
  const result = ingestFile('other.txt', text);
  if (!result.ok) throw new Error(result.error);
  return createCorpusIndex(result.articles);
}

describe('only article text is matched', () => {
  it('a caption and a newsletter box shared by page and corpus are not matched; the prose is', () => {
    const text = `${PROSE}\n\n${CAPTION}\n\n${CREDIT_LINE}`;
    const report = buildReport({ source: 'page', text, blockStarts: blockStartsOf(text), title: null, outlet: 'Page', url: null }, corpus());
    const matched = report.sentences.filter((s) => s.matches.length > 0).map((s) => s.text);
    expect(matched).toEqual([PROSE]);
  });
});
