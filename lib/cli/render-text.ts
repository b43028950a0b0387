import type { DiffOp } from '../match/types';
import type { Report, ReportMatch, ReportSentence } from '../report/types';
import { pageProvenanceLines, sentenceProvenanceText } from '../ui/provenance-view';
import { terminalSafeCopy } from './terminal-text';

/** ANSI styles used when colour is on. */
const ANSI = { red: '\x1b[31m', green: '\x1b[32m', strike: '\x1b[9m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** Whether to colour: only on a terminal and when NO_COLOR is unset or empty. */
export function shouldColor(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return isTTY === true && !env.NO_COLOR;
}

/** A word diff on one line: deletions `[-old-]` and insertions `{+new+}`, or in colour
 *  red struck-through and green. A space is put back where two ops would run words together
 *  (an op's text may lack the space its neighbour dropped), but not between a deletion and
 *  the insertion that replaces it. */
export function renderDiff(diff: readonly DiffOp[], color: boolean): string {
  let out = '';
  let prev: DiffOp | undefined;
  for (const op of diff) {
    const replaces = prev?.op === 'delete' && op.op === 'insert';
    if (prev && !replaces && /[\p{L}\p{N}.,;:!?]$/u.test(prev.text) && /^[\p{L}\p{N}]/u.test(op.text)) out += ' ';
    out += styleOp(op, color);
    prev = op;
  }
  return out;
}

function styleOp(op: DiffOp, color: boolean): string {
  if (op.op === 'equal') return op.text;
  if (op.op === 'delete') return color ? `${ANSI.red}${ANSI.strike}${op.text}${ANSI.reset}` : `[-${op.text}-]`;
  return color ? `${ANSI.green}${op.text}${ANSI.reset}` : `{+${op.text}+}`;
}

/** The summary line: "9 of 19 sentences echoed by 2 outlets: A (8), B (1)". */
export function renderSummary(report: Report): string {
  const { sentences, echoed, outlets } = report.summary;
  if (echoed === 0) return `0 of ${sentences} sentences echoed elsewhere in the corpus.`;
  const counts = outlets.map((outlet) => `${outlet} (${countFor(report.sentences, outlet)})`);
  const noun = outlets.length === 1 ? 'outlet' : 'outlets';
  return `${echoed} of ${sentences} sentences echoed by ${outlets.length} ${noun}: ${counts.join(', ')}`;
}

function countFor(sentences: readonly ReportSentence[], outlet: string): number {
  return sentences.filter((s) => s.matches.some((m) => m.outlet === outlet)).length;
}

/** The whole readable report: page line, summary and provenance lines, then each echoed
 *  sentence with its provenance ("first ran in …, from AFP") and its matches.
 *  Every text of the report is printed without its control characters (terminal-text). */
export function renderReport(raw: Report, color: boolean): string {
  const report = terminalSafeCopy(raw);
  const style = (code: string, text: string) => (color ? `${code}${text}${ANSI.reset}` : text);
  const { page } = report;
  const about = [page.title ? `"${page.title}"` : null, page.outlet, page.url].filter(Boolean).join(' · ');
  const lines = [style(ANSI.bold, `${page.source}${about ? ` — ${about}` : ''}`), renderSummary(report), ...pageProvenanceLines(report)];
  for (const sentence of report.sentences) {
    if (sentence.matches.length === 0) continue;
    lines.push('', style(ANSI.bold, `[${sentence.index + 1}] ${sentence.text}`));
    const provenance = sentenceProvenanceText(sentence);
    const said = [provenance.first, provenance.origin, provenance.uncredited ? 'uncredited here' : null].filter(Boolean).join(' · ');
    if (said) lines.push(`  ${said}`);
    for (const match of sentence.matches) lines.push(...renderMatch(match, color, style));
  }
  return `${lines.join('\n')}\n`;
}

function renderMatch(match: ReportMatch, color: boolean, style: (code: string, text: string) => string): string[] {
  const source = [match.outlet, match.published, match.credit ? `via ${match.credit}` : null].filter(Boolean).join(', ');
  const head = `  ${source} · ${match.kind} ${match.score.toFixed(2)}${match.change ? ` · ${match.change}` : ''}`;
  const lines = [head, `    ${renderDiff(match.diff, color)}`];
  if (match.url) lines.push(style(ANSI.dim, `    ${match.url}`));
  return lines;
}
