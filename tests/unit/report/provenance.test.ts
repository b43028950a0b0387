import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedCorpus } from '../../../lib/cli/corpus-files';
import { pageFromContent } from '../../../lib/cli/page-input';
import type { Article } from '../../../lib/corpus/article';
import { createCorpusIndex } from '../../../lib/match/index/corpus-index';
import { buildReport } from '../../../lib/report/build-report';
import { sentenceProvenance, type OtherVersion, type PageFacts } from '../../../lib/report/provenance';

const page = (over: Partial<PageFacts> = {}): PageFacts => ({
  outlet: 'Page Post', url: 'https://pagepost.example/story', published: null, publishedAt: null, credits: [], sourceLinks: [], ...over,
});
const other = (over: Partial<OtherVersion> & { articleId: string }): OtherVersion => ({
  outlet: over.articleId, site: null, url: null, published: null, credit: null, ...over,
});

describe('sentenceProvenance', () => {
  it('first is the earliest dated version; origin the wire a version credits; an uncrediting page is not credited', () => {
    const p = sentenceProvenance(page({ published: '2022-01-21' }), [
      other({ articleId: 'trt', outlet: 'TRT World', published: '2022-01-11', credit: 'TRTWorld and agencies' }),
      other({ articleId: 'mt', outlet: 'The Moscow Times', published: '2022-01-11', credit: 'AFP' }),
    ]);
    expect(p).toEqual({ first: { articleId: 'mt', outlet: 'The Moscow Times', published: '2022-01-11' }, origin: 'AFP', credited: false });
  });

  it('the page is first (articleId null) when it is the earliest, and credits the wire by its byline', () => {
    const p = sentenceProvenance(page({ published: '2022-01-11', credits: ['AFP'] }), [other({ articleId: 'blog', published: '2022-01-21' })]);
    expect(p).toEqual({ first: { articleId: null, outlet: 'Page Post', published: '2022-01-11' }, origin: 'AFP', credited: true });
  });

  it('a page crediting "agencies" credits the wire', () => {
    const p = sentenceProvenance(page({ published: '2022-01-11', credits: ['TRTWorld and agencies'] }), [other({ articleId: 'mt', published: '2022-01-11', credit: 'By AFP' })]);
    expect(p.origin).toBe('AFP');
    expect(p.credited).toBe(true);
  });

  it('a link to the wire\'s site credits it', () => {
    const p = sentenceProvenance(page({ sourceLinks: ['https://apnews.com/abc'] }), [other({ articleId: 'x', credit: 'Associated Press' })]);
    expect(p).toMatchObject({ origin: 'AP', credited: true });
  });

  it('with no wire, the page must credit the first outlet: by name, by site or by a link', () => {
    const versions = [other({ articleId: 'hill', outlet: 'The Hill', site: 'thehill.com', published: '2019-11-18' })];
    expect(sentenceProvenance(page({ published: '2019-11-19' }), versions)).toMatchObject({ origin: null, credited: false });
    expect(sentenceProvenance(page({ published: '2019-11-19', credits: ['as first reported by The Hill'] }), versions).credited).toBe(true);
    expect(sentenceProvenance(page({ published: '2019-11-19', sourceLinks: ['https://thehill.com/x'] }), versions).credited).toBe(true);
  });

  it('owes nothing when it ran the sentence first and no wire is involved', () => {
    const p = sentenceProvenance(page({ published: '2019-11-17' }), [other({ articleId: 'later', published: '2019-11-18' })]);
    expect(p).toEqual({ first: { articleId: null, outlet: 'Page Post', published: '2019-11-17' }, origin: null, credited: true });
  });

  it('undated articles: first is null when nothing is dated, and undated versions never come first', () => {
    const undated = sentenceProvenance(page(), [other({ articleId: 'a' }), other({ articleId: 'b' })]);
    expect(undated).toEqual({ first: null, origin: null, credited: false });
    const some = sentenceProvenance(page(), [other({ articleId: 'a' }), other({ articleId: 'b', published: '2020-02-02' })]);
    expect(some.first?.articleId).toBe('b');
  });

  it('same date: times decide when both are stated; a tie goes to the page, not to "elsewhere"', () => {
    const earlier = sentenceProvenance(page({ published: '2019-11-19', publishedAt: '2019-11-19T20:00:00Z' }),
      [other({ articleId: 'a', published: '2019-11-19T09:00:00Z' })]);
    expect(earlier.first?.articleId).toBe('a');
    const tie = sentenceProvenance(page({ published: '2019-11-19' }), [other({ articleId: 'a', published: '2019-11-19' })]);
    expect(tie.first?.articleId).toBeNull();
  });

  it('origin is the agency most versions credit', () => {
    const p = sentenceProvenance(page(), [
      other({ articleId: 'a', credit: 'Reuters' }), other({ articleId: 'b', credit: 'AP' }), other({ articleId: 'c', credit: 'The Associated Press' }),
    ]);
    expect(p.origin).toBe('AP');
  });
});

// The seeds' story: AFP's copy of 11 January, run "By AFP" by The Moscow Times (001), traced
// by TRT World (000, "Source: TRTWorld and agencies"), and spun without credit by a blog (003, 21 January).
describe('on the seeds', () => {
  let seeds: Article[] = [];
  beforeAll(async () => {
    seeds = await loadSeedCorpus();
  });
  const reportOf = (prefix: string) => {
    const id = seeds.find((a) => a.id.startsWith(prefix))!.id;
    const input = pageFromContent(`${id}.txt`, readFileSync(join(__dirname, '../../../seeds', `${id}.txt`), 'utf8'), { htmlToArticle: () => null });
    if (!input.ok) throw new Error(input.error);
    return buildReport(input.value, createCorpusIndex(seeds));
  };

  it('003 ran the AFP text of 11 January without credit', () => {
    const report = reportOf('003');
    const echoed = report.sentences.filter((s) => s.matches.length > 0);
    const first = { articleId: '001_d8ecf45d43cff358', outlet: 'The Moscow Times', published: '2022-01-11' };
    const copied = echoed.filter((s) => s.matches.some((m) => m.reuse === 'copy'));
    expect(copied.length).toBeGreaterThan(0);
    for (const s of copied) expect(s.provenance).toEqual({ first, origin: 'AFP', credited: false });
    expect(report.summary.uncredited).toBe(copied.length);
    // Its sentence quoting Tokayev shares only his words: traced to AFP all the same, but it owes nobody.
    const quoted = echoed.filter((s) => s.matches.every((m) => m.reuse === 'quote'));
    expect(quoted.length).toBeGreaterThan(0);
    for (const s of quoted) expect(s.provenance).toEqual({ first, origin: 'AFP', credited: true });
  });

  it('001 ran it "By AFP": first itself, credited', () => {
    const report = reportOf('001');
    const echoed = report.sentences.filter((s) => s.matches.length > 0);
    expect(echoed.length).toBeGreaterThan(5);
    for (const s of echoed) expect(s.provenance).toEqual({ first: { articleId: null, outlet: 'The Moscow Times', published: '2022-01-11' }, origin: 'AFP', credited: true });
    expect(report.summary.uncredited).toBe(0);
  });

  it('000 (TRT World, "Source: TRTWorld and agencies") traces to AFP and credits agencies', () => {
    const report = reportOf('000');
    const withMt = report.sentences.filter((s) => s.matches.some((m) => m.outlet === 'The Moscow Times'));
    expect(withMt.length).toBeGreaterThan(5);
    for (const s of withMt) expect(s.provenance).toMatchObject({ origin: 'AFP', credited: true, first: { outlet: 'The Moscow Times' } });
  });

  it('sentences nothing echoes carry no provenance', () => {
    const report = reportOf('003');
    expect(report.sentences.filter((s) => s.matches.length === 0).every((s) => s.provenance === null)).toBe(true);
  });
});
