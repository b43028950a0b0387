// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderRoot } from '../../helpers/render-root';
import { pageFromContent } from '../../../lib/cli/page-input';
import type { Article } from '../../../lib/corpus/article';
import { ingestFile } from '../../../lib/corpus/files/ingest';
import { parseSourcesManifest } from '../../../lib/corpus/files/manifest';
import { createCorpusIndex } from '../../../lib/match/index/corpus-index';
import { buildReport } from '../../../lib/report/build-report';
import type { Provenance, Report, ReportSentence } from '../../../lib/report/types';
import { CardView } from '../../../lib/ui/card/CardView';
import { PopupView } from '../../../lib/ui/popup/PopupView';
import { formatDay, outletsText, pageProvenanceLines, sentenceProvenanceText } from '../../../lib/ui/provenance-view';
import { sampleReport } from '../report-fixture';

const MT = { articleId: 'mt', outlet: 'The Moscow Times', published: '2022-01-11' };
const withProvenance = (report: Report, provenance: (Provenance | null)[]): Report => ({
  ...report, sentences: report.sentences.map((s, i) => ({ ...s, provenance: provenance[i] ?? null })),
});

describe('provenance words', () => {
  it('formats days for people', () => {
    expect(formatDay('2022-01-11')).toBe('11 Jan 2022');
    expect(formatDay('someday')).toBe('someday');
  });

  it('says who ran a sentence first and which wire it came from', () => {
    const s = { ...sampleReport().sentences[0]!, provenance: { first: MT, origin: 'AFP', credited: false } };
    expect(sentenceProvenanceText(s)).toEqual({ first: 'first ran in The Moscow Times, 11 Jan 2022', origin: 'from AFP', uncredited: true });
    const here = { ...s, provenance: { first: { ...MT, articleId: null }, origin: null, credited: true } };
    expect(sentenceProvenanceText(here)).toEqual({ first: 'first ran here, 11 Jan 2022', origin: null, uncredited: false });
    expect(sentenceProvenanceText({ ...s, provenance: null })).toEqual({ first: null, origin: null, uncredited: false });
  });

  it('collapses the outlets that ran a wire sentence under the wire', () => {
    const s: ReportSentence = sampleReport().sentences[0]!;
    expect(outletsText(s)).toBe('Al Jazeera · TRT World');
    expect(outletsText({ ...s, provenance: { first: MT, origin: 'AFP', credited: true } })).toBe('AFP, via Al Jazeera and TRT World');
  });

  it('sums the page up per wire and for the rest', () => {
    const traced = withProvenance(sampleReport(), [{ first: MT, origin: 'AFP', credited: true }, { first: MT, origin: 'AFP', credited: true }]);
    expect(pageProvenanceLines(traced)).toEqual(['2 sentences trace to AFP; this page credits AFP']);
    const mixed = withProvenance(sampleReport(), [{ first: MT, origin: 'AFP', credited: false }, { first: MT, origin: null, credited: false }]);
    expect(pageProvenanceLines(mixed)).toEqual(['1 sentence traces to AFP; this page does not credit AFP', '1 sentence first ran elsewhere, uncredited here']);
    const own = withProvenance(sampleReport(), [{ first: { ...MT, articleId: null }, origin: null, credited: true }]);
    expect(pageProvenanceLines(own)).toEqual([]);
    const generic = { ...traced, page: { ...traced.page, credits: ['TRTWorld and agencies'] } };
    expect(pageProvenanceLines(generic)).toEqual(['2 sentences trace to AFP; this page credits "TRTWorld and agencies"']);
    expect(pageProvenanceLines(sampleReport())).toEqual([]);
  });
});

describe('on a seed page (003, the spun blog)', () => {
  let seeds: Article[] = [];
  let report: Report;
  const root = renderRoot();
  beforeAll(() => {
    // Read like the CLI's seed corpus, without its import.meta.url lookup (happy-dom has no file URLs).
    const dir = join(__dirname, '../../../seeds');
    const manifest = parseSourcesManifest(readFileSync(join(dir, 'sources.json'), 'utf8'));
    if (!manifest.ok) throw new Error(manifest.error);
    seeds = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().flatMap((name) => {
      const read = ingestFile(name, readFileSync(join(dir, name), 'utf8'), { manifest: manifest.manifest });
      return read.ok ? read.articles : [];
    });
    const id = seeds.find((a) => a.id.startsWith('003'))!.id;
    const page = pageFromContent(`${id}.txt`, readFileSync(join(__dirname, '../../../seeds', `${id}.txt`), 'utf8'), { htmlToArticle: () => null });
    if (!page.ok) throw new Error(page.error);
    report = buildReport(page.value, createCorpusIndex(seeds));
  });

  it('the popup shows the page line and each sentence\'s first outlet, wire (once) and missing credit', () => {
    const acts = { setSiteEnabled: vi.fn(), setGlobalEnabled: vi.fn(), reveal: vi.fn(), openOptions: vi.fn(), addPage: vi.fn(), setPinned: vi.fn() };
    act(() => render(<PopupView model={{ state: { state: 'ok', report }, site: 'blog.example', siteEnabled: true, globalEnabled: true, error: null }} actions={acts} />, root()));
    expect([...root().querySelectorAll('.provenance-summary li')].map((li) => li.textContent)).toEqual(['2 sentences trace to AFP; 1 uncredited here']);
    const lines = [...root().querySelectorAll('.sentence .provenance')].map((p) => p.textContent);
    expect(lines).toContain('first ran in The Moscow Times, 11 Jan 2022 · uncredited here');
    for (const line of lines) expect(line).not.toMatch(/from AFP/); // the outlets line leads with the wire already
    const outlets = [...root().querySelectorAll('.sentence-outlets')].map((el) => el.textContent ?? '');
    expect(outlets.length).toBeGreaterThan(0);
    for (const text of outlets) expect(text).toMatch(/AFP, via (The Moscow Times and TRT World|TRT World and The Moscow Times)$/);
  });

  it('the card shows the wire, the first outlet and the missing credit as text', () => {
    const copied = report.sentences.find((s) => s.provenance && !s.provenance.credited)!;
    act(() => render(<CardView sentence={copied} onClose={() => {}} />, root()));
    expect(root().querySelector('.card .provenance')?.textContent).toMatch(/^AFP, via .+ · first ran in The Moscow Times, 11 Jan 2022 · uncredited here$/);
  });
});
