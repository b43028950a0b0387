import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedCorpus } from '../../../lib/cli/corpus-files';
import { pageFromContent } from '../../../lib/cli/page-input';
import type { Article } from '../../../lib/corpus/article';
import { createCorpusIndex } from '../../../lib/match/index/corpus-index';
import { buildReport } from '../../../lib/report/build-report';
import type { Report } from '../../../lib/report/types';

// Pins the seed behaviour: each seed as the page (read like the CLI reads a .txt page)
// against the other four, and against all five for the page's own article.
const SEEDS_DIR = join(__dirname, '../../../seeds');
let seeds: Article[] = [];
const idOf = (prefix: string) => seeds.find((a) => a.id.startsWith(prefix))?.id ?? `missing ${prefix}`;

function pageOf(prefix: string, source?: string) {
  const id = idOf(prefix);
  const page = pageFromContent(source ?? `${id}.txt`, readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8'), { htmlToArticle: () => null });
  if (!page.ok) throw new Error(page.error);
  return page.value;
}

/** The seed as the page against the other four seeds. */
function againstOthers(prefix: string): Report {
  const id = idOf(prefix);
  return buildReport(pageOf(prefix), createCorpusIndex(seeds.filter((a) => a.id !== id)));
}

function sentenceWith(report: Report, fragment: string) {
  const sentence = report.sentences.find((s) => s.text.includes(fragment));
  expect(sentence, `no page sentence contains "${fragment}"`).toBeDefined();
  return sentence!;
}

beforeAll(async () => {
  seeds = await loadSeedCorpus();
});

describe('000 (TRT World) and 001 (The Moscow Times, AFP copy)', () => {
  // [fragment in 000, fragment in 001] of every sentence the two articles share.
  const shared: [string, string][] = [
    ['Tokayev has announced that a contingent', 'Tokayev said Tuesday that a contingent'],
    ['The main mission of the CSTO peacekeeping forces', 'The main mission of the CSTO peacekeeping forces'],
    ['In two days a phased withdrawal', 'In two days a phased withdrawal'],
    ['The withdrawal process of the contingent', 'withdrawal process of the contingent'],
    ['a looting spree rendered parts', 'a looting spree rendered parts'],
    ['further bolstered his position', 'further bolstered his position'],
    ["Kazakhstan has framed last week's unrest", "Kazakhstan has framed last week's unrest"],
    ["Tokayev's mentor, founding president", "Tokayev's mentor, founding president"],
    ['Former national security committee chief Karim Masimov', 'Former national security committee chief Karim Masimov'],
  ];
  it.each(shared)('000 "%s…" is found in 001 as verbatim or reworded', (in000, in001) => {
    const matches = sentenceWith(againstOthers('000'), in000).matches.filter((m) => m.articleId === idOf('001'));
    expect(matches.map((m) => m.text).join(' ')).toContain(in001);
    expect(['verbatim', 'reworded']).toContain(matches[0]?.kind);
    // AFP's prose, quotes and attributions alike, reused whole: a copy, never "a shared quote".
    expect(matches[0]?.reuse).toBe('copy');
  });
  it.each(shared)('and 001 finds it back in 000 ("%s…")', (in000, in001) => {
    const matches = sentenceWith(againstOthers('001'), in001).matches.filter((m) => m.articleId === idOf('000'));
    expect(matches.map((m) => m.text).join(' ')).toContain(in000);
    expect(['verbatim', 'reworded']).toContain(matches[0]?.kind);
  });
});

describe('spun copies in 003', () => {
  it.each([
    ['was dispatched last week at the height of the crisis, following armed clashes', 'was despatched at the peak of the crisis last week, after armed clashes'],
    ['The main mission of the CSTO peacekeepers has been successfully completed', 'The main mission of the CSTO peacekeeping forces has been successfully completed'],
  ])('"%s" is found in 000 as reworded', (in003, in000) => {
    const matches = sentenceWith(againstOthers('003'), in003).matches.filter((m) => m.articleId === idOf('000'));
    expect(matches[0]?.text).toContain(in000);
    expect(matches[0]?.kind).toBe('reworded');
  });
});

describe('reuse classes', () => {
  // 003 quotes Tokayev's words inside its own sentence ("Addressing the government ..., Tokayev
  // said: ..."); 000 and 001 carry the same words with AFP's attribution prose.
  it.each(['000', '001'])('003 shares only Tokayev\'s quotation with %s', (other) => {
    const sentence = sentenceWith(againstOthers('003'), 'The main mission of the CSTO peacekeepers has been successfully completed');
    const match = sentence.matches.find((m) => m.articleId === idOf(other));
    expect(match?.text).toContain('The main mission of the CSTO peacekeeping forces');
    expect(match?.reuse).toBe('quote');
  });
  it('hidden when the user hides shared quotes, while copied prose stays', () => {
    const report = buildReport(pageOf('003'), createCorpusIndex(seeds.filter((a) => a.id !== idOf('003'))), { hideQuotes: true });
    expect(sentenceWith(report, 'The main mission of the CSTO peacekeepers').matches).toEqual([]);
    expect(sentenceWith(report, 'was dispatched last week at the height of the crisis').matches.length).toBeGreaterThan(0);
  });
  it('and 000 finds the same quotation back in 003', () => {
    const sentence = sentenceWith(againstOthers('000'), 'The main mission of the CSTO peacekeeping forces');
    expect(sentence.matches.find((m) => m.articleId === idOf('003'))?.reuse).toBe('quote');
  });
});

describe('sentences that merely look alike', () => {
  it.each([
    ['002', 'detaining nearly 2,000 more people', '003'],
    ['003', 'detained nearly 10,000 people', '002'],
    ['000', 'Turkish Airlines will restart flights to Kazakhstan', '002'],
    ['002', 'the first international flight arrived at Almaty airport', '000'],
    ['002', 'the first international flight Antalya-Almaty', '000'],
  ])('%s "%s" is not matched in %s', (page, fragment, other) => {
    const matches = sentenceWith(againstOthers(page), fragment).matches;
    expect(matches.filter((m) => m.articleId === idOf(other))).toEqual([]);
  });
});

describe('with the default seed corpus', () => {
  const prefixes = ['000', '001', '002', '003', '004'];
  it.each(prefixes)('seed %s as the page never lists its own article', (prefix) => {
    const report = buildReport(pageOf(prefix), createCorpusIndex(seeds));
    expect(report.sentences.flatMap((s) => s.matches.map((m) => m.articleId))).not.toContain(idOf(prefix));
  });
  it.each(prefixes)('nor when seed %s comes without its id (standard input): its text gives it away', (prefix) => {
    const report = buildReport(pageOf(prefix, '<stdin>'), createCorpusIndex(seeds));
    expect(report.sentences.flatMap((s) => s.matches.map((m) => m.articleId))).not.toContain(idOf(prefix));
  });
  it('still reports 000 and 001 as each other\'s echoes', () => {
    const report = buildReport(pageOf('001', '<stdin>'), createCorpusIndex(seeds));
    expect(report.summary.outlets[0]).toBe(seeds.find((a) => a.id === idOf('000'))?.outlet);
    expect(report.summary.echoed).toBeGreaterThanOrEqual(8);
  });
});
