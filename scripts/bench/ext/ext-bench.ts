/** The extension-side figures of `npm run bench` (issue 4): for each corpus size, the built
 *  extension in Chromium imports the synthetic corpus through the options page, then we read
 *  storage, service-worker heap, cold start to first answer and page to highlights on a
 *  ~10,000-word article sharing sentences with the corpus. Prints figures; asserts nothing.
 *  `--ext-sizes 1000` picks sizes (default 1,000, 10,000 and 50,000); `--ext-busy` also opens the long
 *  article while the import indexes and while it saves (which slows the import a little). */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionBenchBlocker, launchBenchBrowser, workerHeap } from './ext-browser';
import { echoedSentences, longArticleHtml, servePage, writeCorpusFiles } from './ext-corpus';
import { importThroughOptions } from './ext-import';
import { coldStart, openAndTime, storageFigures } from './ext-measure';
import { extMarkdownTable, extTargetReport, type ExtRow } from './ext-table';
import { createRng } from '../prng';
import { readSeedSentences } from '../seed-sentences';
import { generateCorpus } from '../synthetic-corpus';
import { createVocabulary } from '../vocabulary';

const BUILD_DIR = fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url));
const SEEDS_DIR = fileURLToPath(new URL('../../../seeds', import.meta.url));
const COLD_ROUNDS = 5;
const WARM_ROUNDS = 5;
const ECHOED_SENTENCES = 40;
/** The calls a page's content script makes on its way to highlights. */
const PAGE_CALLS = new Set(['extractArticle', 'matchPage', 'pageState']);
const log = (line: string) => process.stderr.write(`${line}\n`);
const range = (xs: readonly number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

function sizesFrom(argv: readonly string[]): number[] {
  const at = argv.indexOf('--ext-sizes');
  const list = at >= 0 ? argv[at + 1] : undefined;
  return list ? list.split(',').map(Number).filter((n) => n > 0) : [1_000, 10_000, 50_000];
}

/** Runs the browser part for each size and prints its table; skips with a message when
 *  Chromium or the build is missing. Never throws: a failure is printed and sets the exit code. */
export async function runExtensionBench(argv: readonly string[]): Promise<void> {
  const blocker = extensionBenchBlocker(BUILD_DIR);
  if (blocker) {
    console.log(`\nExtension figures skipped: ${blocker}`);
    return;
  }
  const seeds = readSeedSentences(SEEDS_DIR);
  const vocabulary = createVocabulary(createRng(42), 30_000, seeds.words);
  const rows: ExtRow[] = [];
  try {
    for (const size of sizesFrom(argv)) {
      // The same corpus as the engine figures of this size (same generator and seed).
      const corpus = generateCorpus(size, vocabulary, seeds.sentences, createRng(size * 7919 + 1));
      rows.push(await benchSize(size, corpus.articles, argv.includes('--ext-busy')));
    }
  } catch (error) {
    console.log(`\nExtension figures failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exitCode = 1;
  }
  if (rows.length === 0) return;
  const load = loadavg().map((n) => n.toFixed(1)).join(', ');
  const built = statSync(join(BUILD_DIR, 'manifest.json')).mtime.toISOString();
  console.log(`\nExtension, measured in Chromium (the build of ${built}; import through the options page; ${cpus().length} cores, load average ${load}):\n\n${extMarkdownTable(rows)}`);
  const largest = rows[rows.length - 1]!;
  console.log(`\nExtension targets at ${largest.articles.toLocaleString('en-US')} articles: ${extTargetReport(largest)}`);
}

async function benchSize(size: number, articles: Parameters<typeof writeCorpusFiles>[0], busy: boolean): Promise<ExtRow> {
  const dir = mkdtempSync(join(tmpdir(), 'echoes-bench-corpus-'));
  const paths = writeCorpusFiles(articles, dir);
  const echoed = echoedSentences(articles, ECHOED_SENTENCES);
  const site = await servePage(longArticleHtml(echoed));
  const bench = await launchBenchBrowser(BUILD_DIR);
  try {
    log(`[ext ${size}] importing ${paths.length} .jsonl file(s) through the options page…`);
    const imported = await importThroughOptions(bench, paths, busy ? { probeUrl: site.url } : {});
    log(`[ext ${size}] import ${(imported.ms / 1000).toFixed(1)} s; stages from the file choice (ms): ${JSON.stringify(roundAll(imported.stageStartMs))}`);
    log(`[ext ${size}] ${imported.result.slice(0, 160)}`);
    for (const d of imported.during) {
      log(`[ext ${size}] during the import (${d.stage === 'saving' ? 'saving' : 'indexing'}): ${d.timing ? `page to highlights ${d.timing.totalMs} ms (match ${d.timing.matchMs} ms)` : d.error}`);
    }
    const afterImport = await storageFigures(bench);
    log(`[ext ${size}] storage right after the import: ${mib(afterImport.indexedDbBytes ?? afterImport.usageBytes)} (estimate), ${mib(afterImport.onDiskBytes)} on disk`);
    const heapAfterImport = await workerHeap(bench);
    const colds = [];
    for (let round = 0; round < COLD_ROUNDS; round++) {
      const cold = await coldStart(bench, site.url, round);
      const d = cold.diagnostics;
      // The page's extractArticle (finding the article) usually wakes the worker before its
      // matchPage: the cold start is counted from the worker's first call, and from the page's
      // scan start (find + match), so the wait behind that earlier call is in the figures.
      const first = d.firstCall;
      if (!first || !PAGE_CALLS.has(first.name)) log(`[ext ${size}] warning: the worker was first called by ${first?.name ?? 'nothing'}, not by the page`);
      const n = (v: number | null) => (v === null ? '?' : v.toFixed(0));
      log(`[ext ${size}] cold start ${round + 1}: the page's scan to its answer ${cold.woken.findMs + cold.woken.matchMs} ms (find ${cold.woken.findMs}, matchPage ${cold.woken.matchMs})`
        + ` (worker, from its start: first call ${first?.name ?? '?'} at ${n(first?.ms ?? null)}, script ${n(d.serviceStartMs)}, built-in index ${n(d.indexReadyMs)}, user index ${n(d.userIndexReadyMs)}`
        + `${d.userIndexReadMs == null ? '' : ` = read ${n(d.userIndexReadMs)} + revive ${n(d.userIndexReviveMs ?? null)}`}`
        + ` (${d.userIndexSource}, ${d.userArticles} articles), first answer ${n(d.firstAnswerMs)} ms; warm-up ${n(d.warmUpMs)} ms, the matchPage itself ${n(d.lastMatchMs)} ms${d.textFetch ? `, of which finding the candidates ${d.textFetch.lookupMs} ms and reading their ${d.textFetch.articles} texts ${d.textFetch.ms - d.textFetch.lookupMs} ms` : ''});`
        + ` new tab on a stopped worker: highlights in ${cold.navigated.totalMs} ms (match ${cold.navigated.matchMs} ms)`);
      colds.push(cold);
    }
    const heapAfterCold = await workerHeap(bench);
    const warms = [];
    for (let round = 0; round < WARM_ROUNDS; round++) warms.push(await openAndTime(bench.context, site.url));
    const storage = await storageFigures(bench);
    log(`[ext ${size}] warm page to highlights (ms): ${warms.map((w) => `${w.totalMs} (find ${w.findMs}, match ${w.matchMs}, mark ${w.markMs})`).join(', ')}; ${warms[0]?.sentences} sentences highlighted`);
    return {
      articles: size, importMs: imported.ms, imported: imported.result, files: paths.length,
      usageBytes: storage.usageBytes, indexedDbBytes: storage.indexedDbBytes, onDiskBytes: storage.onDiskBytes,
      heapAfterImport, heapAfterCold,
      coldMatchMs: median(colds.map(scanToAnswer)), coldMatchRangeMs: range(colds.map(scanToAnswer)),
      coldFirstAnswerMs: median(colds.map((c) => c.diagnostics.firstAnswerMs ?? Number.NaN)),
      coldFirstCallToAnswerMs: median(colds.map((c) => (c.diagnostics.firstAnswerMs ?? Number.NaN) - (c.diagnostics.firstCall?.ms ?? Number.NaN))),
      coldUserIndexMs: median(colds.map((c) => c.diagnostics.userIndexReadyMs ?? Number.NaN)),
      coldHighlightsMs: median(colds.map((c) => c.navigated.totalMs)),
      userIndexSource: colds[0]?.diagnostics.userIndexSource ?? null,
      warmHighlightsMs: median(warms.map((w) => w.totalMs)), warmHighlightsRangeMs: range(warms.map((w) => w.totalMs)),
      highlighted: warms[0]?.sentences ?? 0, echoed: echoed.length,
    };
  } finally {
    await bench.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A woken page's scan start to its matchPage answer: finding the article (whose extractArticle
 *  wakes the worker) and the match. */
const scanToAnswer = (c: { woken: { findMs: number; matchMs: number } }) => c.woken.findMs + c.woken.matchMs;

function roundAll(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Math.round(v)]));
}
