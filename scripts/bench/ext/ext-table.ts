/** The extension-side figures of one corpus size, and how they are printed. */

/** One size's figures, measured in the built extension (ms and bytes). */
export interface ExtRow {
  articles: number;
  /** Options page: file chosen -> result shown. */
  importMs: number;
  /** The import's result text, as shown. */
  imported: string;
  files: number;
  /** navigator.storage.estimate() at the end of the run (LevelDB has compacted what it will):
   *  all of the origin, and its IndexedDB part (null: not told). */
  usageBytes: number;
  indexedDbBytes: number | null;
  /** The origin's IndexedDB folder in the profile. */
  onDiskBytes: number;
  /** Worker heap after full GCs: right after the import, and after the last cold start. */
  heapAfterImport: { usedBytes: number; backingBytes: number };
  heapAfterCold: { usedBytes: number; backingBytes: number };
  /** Medians over the cold starts: the woken page's scan start to its matchPage answer (finding
   *  the article, whose extractArticle wakes the worker, then the match); the worker's own first
   *  answer and user-index-ready times (from its start), and its first call to its first answer;
   *  content-script start to highlights. */
  coldMatchMs: number;
  /** Fastest and slowest of the rounds (the cores are shared: the spread says how much). */
  coldMatchRangeMs: [number, number];
  coldFirstAnswerMs: number;
  coldFirstCallToAnswerMs: number;
  coldUserIndexMs: number;
  coldHighlightsMs: number;
  userIndexSource: string | null;
  /** Median content-script start to highlights with the worker awake. */
  warmHighlightsMs: number;
  warmHighlightsRangeMs: [number, number];
  /** Sentences highlighted on the long page, and how many corpus sentences it carries. */
  highlighted: number;
  echoed: number;
}

/** Targets at 10,000 articles (issue 4). */
export const EXT_TARGETS = { importMs: 60_000, coldStartMs: 300, highlightsMs: 150 };

const MB = 1024 * 1024;
const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / MB).toFixed(1)} MB`);
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');

/** The figures as a Markdown table (one row per size). */
export function extMarkdownTable(rows: readonly ExtRow[]): string {
  const head = ['articles', 'import', 'IndexedDB (estimate / on disk)', 'worker heap after import', 'worker heap after cold start',
    'cold start: the page\'s scan to its answer (range)', 'worker start to first answer', 'worker\'s first call to first answer', 'cold page to highlights', 'warm page to highlights (range)', 'highlighted'];
  const lines = rows.map((r) => [
    r.articles.toLocaleString('en-US'),
    `${(r.importMs / 1000).toFixed(1)} s (${r.files} file${r.files === 1 ? '' : 's'})`,
    `${mb(r.indexedDbBytes ?? r.usageBytes)} / ${mb(r.onDiskBytes)}`,
    heap(r.heapAfterImport), heap(r.heapAfterCold),
    `${ms(r.coldMatchMs)} (${spread(r.coldMatchRangeMs)})`, `${ms(r.coldFirstAnswerMs)} (user index ${ms(r.coldUserIndexMs)}, ${r.userIndexSource ?? '?'})`, ms(r.coldFirstCallToAnswerMs),
    ms(r.coldHighlightsMs), `${ms(r.warmHighlightsMs)} (${spread(r.warmHighlightsRangeMs)})`, `${r.highlighted}/${r.echoed}`,
  ]);
  return [head, head.map((_, i) => (i === 0 ? '---:' : '---')), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const spread = ([low, high]: [number, number]) => `${Math.round(low)}–${Math.round(high)}`;

function heap(h: { usedBytes: number; backingBytes: number }): string {
  return `${mb(h.usedBytes + h.backingBytes)} (JS ${mb(h.usedBytes)} + buffers ${mb(h.backingBytes)})`;
}

/** One line: each target with the measured value and whether it is met. */
export function extTargetReport(row: ExtRow): string {
  const check = (label: string, value: number, target: number, unit: (v: number) => string) =>
    `${label} ${unit(value)} (target <= ${unit(target)}: ${value <= target ? 'met' : 'NOT met'})`;
  const seconds = (v: number) => `${(v / 1000).toFixed(1)} s`;
  return [
    check('import', row.importMs, EXT_TARGETS.importMs, seconds),
    check('cold start to first answer, the page\'s scan to its answer', row.coldMatchMs, EXT_TARGETS.coldStartMs, ms),
    check('the worker\'s start to its first answer', row.coldFirstAnswerMs, EXT_TARGETS.coldStartMs, ms),
    check('the worker\'s first call to its first answer', row.coldFirstCallToAnswerMs, EXT_TARGETS.coldStartMs, ms),
    check('page to highlights (warm)', row.warmHighlightsMs, EXT_TARGETS.highlightsMs, ms),
  ].join('; ');
}
