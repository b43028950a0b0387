/** What the popup shows of a Report, computed apart from the components so it is unit-tested. */
import type { Report, ReportSentence } from '../../report/types';

/** One other outlet: how many of the page's sentences it shares, and its wire credit if known. */
export interface OutletShare { outlet: string; sentences: number; credit: string | null }

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "9 of 19 sentences also appear in 2 other outlets" (singulars handled); for a report with
 *  nothing echoed, "None of the 19 sentences appear in other outlets". */
export function summaryText(report: Report): string {
  const { sentences, echoed, outlets } = report.summary;
  if (echoed === 0) return `None of the ${plural(sentences, 'sentence', 'sentences')} appear in other outlets`;
  const verb = echoed === 1 ? 'appears' : 'appear';
  return `${echoed} of ${plural(sentences, 'sentence', 'sentences')} also ${verb} in ${plural(outlets.length, 'other outlet', 'other outlets')}`;
}

/** The outlets in the report's order (most shared sentences first), each with the number of
 *  page sentences it echoes and the first credit its matches carry. */
export function outletShares(report: Report): OutletShare[] {
  const credit = new Map<string, string>();
  for (const sentence of report.sentences) {
    for (const m of sentence.matches) if (m.credit && !credit.has(m.outlet)) credit.set(m.outlet, m.credit);
  }
  return report.summary.outlets.map((outlet) => ({
    outlet,
    sentences: report.sentences.filter((s) => s.matches.some((m) => m.outlet === outlet)).length,
    credit: credit.get(outlet) ?? null,
  }));
}

/** The page's sentences that other outlets also ran, in page order. */
export function echoedSentences(report: Report): ReportSentence[] {
  return report.sentences.filter((s) => s.matches.length > 0);
}

/** A match kind as a person reads it. */
export function kindLabel(kind: 'verbatim' | 'reworded' | 'paraphrase'): string {
  return kind === 'verbatim' ? 'word for word' : kind === 'reworded' ? 'reworded' : 'paraphrased';
}

/** True when every outlet that echoes the sentence shares only a direct quotation with it (the
 *  same speaker's words, each outlet's own prose): shown apart from copied prose. */
export function isSharedQuote(sentence: ReportSentence): boolean {
  return sentence.matches.length > 0 && sentence.matches.every((m) => m.reuse === 'quote');
}
