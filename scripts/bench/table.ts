/** One corpus size's figures. */
export interface BenchRow {
  articles: number;
  sentences: number;
  buildMs: number;
  buildCpuMs: number;
  memoryBytes: number;
  medianMs: number;
  p95Ms: number;
  meanCpuMs: number;
  pageMs: number;
  pageCpuMs: number;
  recall: number;
  found: number;
  planted: number;
}

/** Targets at 10,000 articles (README). */
export const TARGETS = { medianMs: 0.1, pageMs: 30, memoryMB: 120, buildMs: 10_000, recall: 0.95 };

const MB = 1024 * 1024;

function cells(row: BenchRow): string[] {
  return [
    row.articles.toLocaleString('en-US'), row.sentences.toLocaleString('en-US'),
    `${(row.buildMs / 1000).toFixed(2)} s (${(row.buildCpuMs / 1000).toFixed(2)})`, `${(row.memoryBytes / MB).toFixed(1)} MB`,
    `${row.medianMs.toFixed(3)} ms`, `${row.p95Ms.toFixed(3)} ms`, `${row.meanCpuMs.toFixed(3)} ms`,
    `${row.pageMs.toFixed(1)} ms (${row.pageCpuMs.toFixed(1)})`,
    `${row.recall.toFixed(3)} (${row.found}/${row.planted})`,
  ];
}

const HEADERS = ['articles', 'sentences', 'build wall (cpu)', 'index memory', 'median/sentence', 'p95/sentence',
  'mean cpu/sentence', '300-sentence page wall (cpu)', 'recall'];

/** Fixed-width table for the terminal. */
export function plainTable(rows: readonly BenchRow[]): string {
  const table = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  return table.map((r) => r.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  ')).join('\n');
}

/** The same figures as a Markdown table for the README. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const line = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  return [line(HEADERS), line(HEADERS.map(() => '---:')), ...rows.map((r) => line(cells(r)))].join('\n');
}

/** "met"/"MISSED" per target for the largest row. */
export function targetReport(row: BenchRow): string {
  const check = (ok: boolean) => (ok ? 'met' : 'MISSED');
  return [
    `median ≤ ${TARGETS.medianMs} ms: ${check(row.medianMs <= TARGETS.medianMs)}`,
    `page ≤ ${TARGETS.pageMs} ms: ${check(row.pageMs <= TARGETS.pageMs)}`,
    `index ≤ ${TARGETS.memoryMB} MB: ${check(row.memoryBytes / MB <= TARGETS.memoryMB)}`,
    `build ≤ ${TARGETS.buildMs / 1000} s: ${check(row.buildMs <= TARGETS.buildMs)}`,
    `recall ≥ ${TARGETS.recall}: ${check(row.recall >= TARGETS.recall)}`,
  ].join('; ');
}
