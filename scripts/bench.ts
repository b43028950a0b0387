/** `npm run bench`: index build time, memory, latency and recall on seeded synthetic corpora
 *  of 100, 1,000 and 10,000 articles, plus a Fuse.js-only baseline. Prints figures; asserts nothing.
 *  `npm run bench -- --sizes 100,1000` runs fewer sizes; `--no-fuse` skips the (minute-long) Fuse baseline.
 *  Then the extension-side figures in Chromium (scripts/bench/ext/ext-bench.ts): `--ext` runs only
 *  those, `--no-ext` skips them, `--ext-sizes 1000` picks their sizes (default 1,000, 10,000 and 50,000).
 *  Then the page's side in Chromium (scripts/bench/page/page-tasks.ts): `--page` runs only that,
 *  `--no-page` skips it; and the highlighter's figures, mark.js beside the old hand-written one
 *  (scripts/bench/page/highlight-bench.ts): `--highlight` runs only those, `--no-highlight` skips them.
 *  `--server` runs only the newsroom server's figures on PostgreSQL (scripts/bench/server-bench.ts);
 *  `--server-parity` only the --server against --corpus comparison on real text (scripts/bench/recall/server-parity.ts).
 *  `--feeds` runs only the longest task of a feed refresh of 3,000 items (scripts/bench/ext/feed-tasks.ts).
 *  Recall on real text (scripts/bench/recall/): copies of real sentences in each edit shape beside
 *  0, 1,000 and 10,000 articles of real news text: `--recall` runs only that, `--no-recall` skips
 *  it, `--recall-sizes 0,10000` picks the distractor counts. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runExtensionBench } from './bench/ext/ext-bench';
import { runFeedBench } from './bench/ext/feed-tasks';
import { runHighlightBench } from './bench/page/highlight-bench';
import { runPageBench } from './bench/page/page-tasks';
import { runRecallBench } from './bench/recall/recall-bench';
import { runServerBench } from './bench/server-bench';
import { runServerParity } from './bench/recall/server-parity';
import { runFuseBaseline, type FuseBaseline } from './bench/fuse-baseline';
import { measureBuild, measurePage, measureQueries, measureRecall } from './bench/measure';
import { createRng } from './bench/prng';
import { makeQueries, PAGE_MIX, QUERY_MIX } from './bench/queries';
import { readSeedSentences } from './bench/seed-sentences';
import { generateCorpus } from './bench/synthetic-corpus';
import { markdownTable, plainTable, targetReport, type BenchRow } from './bench/table';
import { createVocabulary, type Vocabulary } from './bench/vocabulary';

const SEEDS_DIR = fileURLToPath(new URL('../seeds', import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Memory figures need a full GC between steps: re-run under `node --expose-gc` when gc is missing. */
function rerunWithGc(): number | null {
  if (typeof (globalThis as { gc?: unknown }).gc === 'function' || process.env.ECHOES_BENCH_CHILD) return null;
  const args = ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)];
  const child = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ECHOES_BENCH_CHILD: '1' } });
  return child.status ?? 1;
}

function parseSizes(argv: readonly string[], flag = '--sizes', fallback = [100, 1_000, 10_000], least = 1): number[] {
  const at = argv.indexOf(flag);
  const list = at >= 0 ? argv[at + 1] : undefined;
  return list ? list.split(',').map(Number).filter((n) => n >= least) : fallback;
}

function benchSize(size: number, vocabulary: Vocabulary, seeds: readonly string[], withFuse: boolean): { row: BenchRow; fuse?: FuseBaseline } {
  const rng = createRng(size * 7919 + 1);
  const corpus = generateCorpus(size, vocabulary, seeds, rng);
  log(`${size} articles generated; building the index…`);
  const { index, buildMs, buildCpuMs, memoryBytes } = measureBuild(corpus.articles);
  const queries = measureQueries(index, makeQueries(2_000, QUERY_MIX, corpus.articles, seeds, vocabulary, rng));
  const page = measurePage(index, makeQueries(300, PAGE_MIX, corpus.articles, seeds, vocabulary, rng));
  const recall = measureRecall(index, seeds, corpus.planted);
  log(`  median ms by query: ${[...queries.byClass].map(([cls, ms]) => `${cls} ${ms.toFixed(3)}`).join(', ')}; page echoed ${page.echoed}/300`);
  for (const [edit, t] of recall.byEdit) log(`  recall ${edit}: ${t.found}/${t.total}`);
  for (const miss of recall.misses.slice(0, 3)) log(`  missed (${miss.edit}): ${seeds[miss.seedIndex]}\n      copy: ${miss.copy}`);
  const row: BenchRow = {
    articles: size, sentences: index.stats().sentences, buildMs, buildCpuMs, memoryBytes,
    medianMs: queries.medianMs, p95Ms: queries.p95Ms, meanCpuMs: queries.meanCpuMs,
    pageMs: page.pageMs, pageCpuMs: page.pageCpuMs, recall: recall.recall, found: recall.found, planted: recall.total,
  };
  const fuse = size === 1_000 && withFuse ? runFuseBaseline(corpus.articles, seeds, corpus.planted) : undefined;
  return { row, fuse };
}

function printFuse(fuse: FuseBaseline, indexMedianMs: number): void {
  console.log(`\nFuse.js-only baseline at 1,000 articles (${fuse.sentences.toLocaleString('en-US')} sentences, ${fuse.queries} seed queries):`);
  console.log(`  Fuse build ${fuse.buildMs.toFixed(0)} ms; median query ${fuse.medianQueryMs.toFixed(1)} ms`
    + ` = ${(fuse.medianQueryMs / indexMedianMs).toFixed(0)}× the index's median`);
  console.log(`  true copies among Fuse's top results: ${fuse.trueInTop}/${fuse.trueTotal}`);
}

function main(): void {
  const childStatus = rerunWithGc();
  if (childStatus !== null) { process.exitCode = childStatus; return; }
  if (process.argv.includes('--page')) { void runPageBench(); return; }
  if (process.argv.includes('--ext')) { void runExtensionBench(process.argv.slice(2)); return; }
  if (process.argv.includes('--highlight')) { void runHighlightBench(log); return; }
  if (process.argv.includes('--feeds')) { void runFeedBench(); return; }
  const recallSizes = parseSizes(process.argv.slice(2), '--recall-sizes', [0, 1_000, 10_000], 0);
  if (process.argv.includes('--recall')) { runRecallBench(log, recallSizes); return; }
  const seeds = readSeedSentences(SEEDS_DIR);
  const vocabulary = createVocabulary(createRng(42), 30_000, seeds.words);
  log(`${seeds.sentences.length} seed sentences to plant; gc exposed: ${typeof (globalThis as { gc?: unknown }).gc === 'function'}`);
  if (process.argv.includes('--server-parity')) { void runServerParity(log); return; }
  if (process.argv.includes('--server')) { void runServerBench(process.argv.slice(2), vocabulary, seeds.sentences); return; }
  const rows: BenchRow[] = [];
  let fuse: FuseBaseline | undefined;
  for (const size of parseSizes(process.argv.slice(2))) {
    const result = benchSize(size, vocabulary, seeds.sentences, !process.argv.includes('--no-fuse'));
    rows.push(result.row);
    fuse ??= result.fuse;
  }
  console.log(plainTable(rows));
  const largest = rows[rows.length - 1];
  if (largest) console.log(`\nTargets at ${largest.articles.toLocaleString('en-US')} articles: ${targetReport(largest)}`);
  const thousand = rows.find((r) => r.articles === 1_000);
  if (fuse && thousand) printFuse(fuse, thousand.medianMs);
  console.log(`\nMarkdown:\n\n${markdownTable(rows)}`);
  if (!process.argv.includes('--no-recall')) runRecallBench(log, recallSizes);
  void (async () => {
    if (!process.argv.includes('--no-ext')) await runExtensionBench(process.argv.slice(2));
    if (!process.argv.includes('--no-page')) await runPageBench();
    if (!process.argv.includes('--no-highlight')) await runHighlightBench(log);
  })();
}

main();
