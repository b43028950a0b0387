/** An import as a user runs it: files chosen in the options page's import field, timed in the
 *  page from the input's change event to the result being shown, with when each stage of the
 *  progress bar began. Optionally a page is opened while the import is indexing and while it
 *  is saving, to see whether the rest of the extension keeps answering meanwhile. */
import type { Page } from 'playwright-core';
import type { BenchBrowser } from './ext-browser';
import { openAndTime, type HighlightTiming } from './ext-measure';

/** The import's figures: total and stage starts (ms after the file choice), the result text,
 *  and the pages timed during it (stage at the moment the page was opened; null = no line). */
export interface ImportFigures {
  ms: number;
  stageStartMs: Record<string, number>;
  result: string;
  during: { stage: string; timing: HighlightTiming | null; error: string | null }[];
}

type Marks = { what: string; t: number }[];
const PROBED_STAGES = ['sending', 'saving'];

/** Chooses `paths` in the import field and waits for the result; with `probeUrl`, opens that
 *  page once in each of the stages 'sending' (indexing batches) and 'saving' (the commit). */
export async function importThroughOptions(
  bench: BenchBrowser, paths: readonly string[], opts: { probeUrl?: string; timeoutMs?: number } = {},
): Promise<ImportFigures> {
  const page = await bench.context.newPage();
  try {
    await page.goto(`chrome-extension://${bench.extensionId}/options.html`);
    await page.locator('.corpus-counts').waitFor({ timeout: 30_000 });
    await recordStages(page);
    await page.locator('#import-files').setInputFiles([...paths]);
    const during: ImportFigures['during'] = [];
    const end = Date.now() + (opts.timeoutMs ?? 30 * 60_000);
    for (;;) {
      const stages = (await marksOf(page)).map((m) => m.what);
      if (stages.includes('done')) break;
      if (Date.now() > end) throw new Error(`the import did not end; stages so far: ${stages.join(', ')}`);
      const stage = stages[stages.length - 1] ?? '';
      if (opts.probeUrl && PROBED_STAGES.includes(stage) && !during.some((d) => d.stage === stage)) {
        during.push(await openAndTime(bench.context, opts.probeUrl)
          .then((timing) => ({ stage, timing, error: null }), (error: unknown) => ({ stage, timing: null, error: String(error) })));
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const marks = await marksOf(page);
    const chosen = marks.find((m) => m.what === 'chosen')?.t ?? marks[0]?.t ?? 0;
    const stageStartMs: Record<string, number> = {};
    for (const m of marks) stageStartMs[m.what] ??= m.t - chosen;
    const result = (await page.locator('.import-panel .import-result').innerText()).replace(/\s+/g, ' ').trim();
    return { ms: stageStartMs.done ?? Number.NaN, stageStartMs, result, during };
  } finally {
    await page.close();
  }
}

/** Installs, in the options page, a record of the file choice and of each stage the progress
 *  label shows ('reading', 'sending', 'saving'), then 'done' when the result appears. */
function recordStages(page: Page): Promise<void> {
  return page.evaluate(() => {
    const marks: { what: string; t: number }[] = [];
    (window as unknown as { benchMarks: typeof marks }).benchMarks = marks;
    document.addEventListener('change', () => marks.push({ what: 'chosen', t: performance.now() }), true);
    let last = '';
    new MutationObserver(() => {
      const label = document.querySelector('.import-progress label')?.textContent ?? '';
      const stage = /^Reading/.test(label) ? 'reading' : /^Indexing/.test(label) ? 'sending' : /^Saving/.test(label) ? 'saving' : '';
      const now = document.querySelector('.import-panel .import-result') !== null ? 'done' : stage;
      if (now && now !== last) marks.push({ what: now, t: performance.now() });
      if (now) last = now;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

function marksOf(page: Page): Promise<Marks> {
  return page.evaluate(() => (window as unknown as { benchMarks: { what: string; t: number }[] }).benchMarks);
}
