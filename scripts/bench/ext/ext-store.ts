/** `npx tsx scripts/bench/ext/ext-store.ts [--sizes 1000,10000]`: the extension's user corpus in
 *  Node over fake-indexeddb, at 1,000 and 10,000 synthetic articles — import through the
 *  background's import jobs (batches of 200 articles, chunks of 25 with a macrotask between),
 *  the longest stall of the event loop meanwhile (how long a page could wait for its answer),
 *  the stored size, a fresh worker's revive (store read + snapshot revive) and its first page
 *  report, and removing one article. fake-indexeddb keeps values in memory (structuredClone);
 *  a browser also writes them to disk, so real figures come from Chromium. Prints figures;
 *  asserts nothing. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import type { Article } from '../../../lib/corpus/article';
import { createCorpusCatalog } from '../../../lib/ext/corpus/corpus-catalog';
import { openCorpusStore } from '../../../lib/ext/store/corpus-store';
import { ImportJobs } from '../../../lib/ext/imports/import-jobs';
import { UserCorpus } from '../../../lib/ext/corpus/user-corpus';
import { loadPackedCorpusIndex } from '../../../lib/match/index/corpus-index';
import { buildReport } from '../../../lib/report/build-report';
import { splitSentences } from '../../../lib/text/sentences';
import { createRng } from '../prng';
import { readSeedSentences } from '../seed-sentences';
import { generateCorpus } from '../synthetic-corpus';
import { createVocabulary } from '../vocabulary';

const SEEDS_DIR = fileURLToPath(new URL('../../../seeds', import.meta.url));
const BATCH = 200;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Longest gap between ticks of a 5 ms timer: the worst wait of a message. `take()` answers
 *  the longest gap since the last take. */
function stallMeter(): { take: () => number; stop: () => void } {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 5);
  return {
    take: () => {
      const gap = Math.max(max, performance.now() - last);
      max = 0;
      return gap;
    },
    stop: () => clearInterval(timer),
  };
}

interface ImportFigures { batchesMs: number; finishMs: number; batchStallMs: number; finishStallMs: number }

async function importThrough(jobs: ImportJobs, articles: Article[]): Promise<ImportFigures> {
  const meter = stallMeter();
  const begun = await jobs.begin(articles.length);
  if (!begun.ok) throw new Error(begun.error);
  const started = performance.now();
  for (let i = 0; i < articles.length; i += BATCH) {
    const items = articles.slice(i, i + BATCH).map((article, n) => ({ article, label: `bench line ${i + n + 1}` }));
    const batch = await jobs.batch(begun.value.jobId, items);
    if (!batch.ok || batch.value.skipped.length > 0) throw new Error(`batch at ${i}: ${JSON.stringify(batch).slice(0, 300)}`);
  }
  const batched = performance.now();
  const batchStallMs = meter.take();
  const finished = await jobs.finish(begun.value.jobId);
  if (!finished.ok) throw new Error(finished.error);
  const finishStallMs = meter.take();
  meter.stop();
  return { batchesMs: batched - started, finishMs: performance.now() - batched, batchStallMs, finishStallMs };
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Import phase: only the database survives it (as in a worker that is stopped afterwards). */
async function importPhase(articles: Article[]): Promise<{ factory: IDBFactory; lines: string[] }> {
  const factory = new IDBFactory();
  const { corpus } = await UserCorpus.load({ store: openCorpusStore('echoes', factory) });
  const jobs = new ImportJobs({ user: async () => ({ ok: true, value: corpus }), builtin: async () => null });
  const { batchesMs, finishMs, batchStallMs, finishStallMs } = await importThrough(jobs, articles);
  const t = performance.now();
  corpus.index.pack();
  const packMs = performance.now() - t;
  const { sentences, shingles } = corpus.index.stats();
  return {
    factory,
    lines: [
      `${articles.length.toLocaleString('en-US')} articles (${sentences.toLocaleString('en-US')} sentences, ${shingles.toLocaleString('en-US')} postings, ${mb(articles.reduce((n, a) => n + a.text.length, 0))} of text)`,
      `  import: ${((batchesMs + finishMs) / 1000).toFixed(1)} s (batches ${(batchesMs / 1000).toFixed(1)} s, finish/commit ${finishMs.toFixed(0)} ms, of which pack() ~${packMs.toFixed(0)} ms); longest event-loop stall ${batchStallMs.toFixed(0)} ms while indexing, ${finishStallMs.toFixed(0)} ms while committing`,
    ],
  };
}

async function storedSize(factory: IDBFactory): Promise<string> {
  const reader = openCorpusStore('echoes', factory);
  const stored = await reader.load();
  const snapshotBytes = serialize(stored.snapshot).byteLength + ((await reader.readSnapshotTexts())?.byteLength ?? 0);
  const articleBytes = serialize(await reader.readArticles()).byteLength;
  return `  stored: snapshot ${mb(snapshotBytes)} + articles ${mb(articleBytes)} (v8 serialization, the structured-clone format)`;
}

/** A fresh worker over the stored corpus: read, revive, first report, small changes, revive with a journal. */
async function freshWorker(factory: IDBFactory, articles: Article[]): Promise<string[]> {
  let t = performance.now();
  const reader = openCorpusStore('echoes', factory);
  const fresh = await reader.load();
  const texts = await reader.readSnapshotTexts(); // (a woken worker reads these after its first answer)
  const readMs = performance.now() - t;
  t = performance.now();
  const revived = loadPackedCorpusIndex(fresh.snapshot!.index, { bytes: texts, byId: new Map(), expectedBytes: 0 });
  const reviveMs = performance.now() - t;
  if ('error' in revived) throw new Error(revived.error);
  gc();
  t = performance.now();
  const { corpus: woken, source } = await UserCorpus.load({ store: openCorpusStore('echoes', factory) });
  const loadMs = performance.now() - t;
  const page = articles[Math.floor(articles.length / 2)]!;
  t = performance.now();
  // As the background does for a woken worker's first page: fetch the candidates' texts only.
  await woken.fetchTextsFor(splitSentences(page.text, page.blocks.map((b) => b.start)).map((s) => s.text), {});
  const report = buildReport({ source: 'bench', text: page.text, blockStarts: page.blocks.map((b) => b.start), title: null, outlet: null, url: 'https://elsewhere.example/a' }, woken.index);
  const firstReportMs = performance.now() - t;
  await woken.whenTextsLoaded(); // listing and search wait for every text, as in the background
  const catalog = createCorpusCatalog();
  const catalogSource = { builtin: null, user: woken.index, userVersion: woken.version, builtinHidden: false };
  t = performance.now();
  const listed = catalog.list(catalogSource).articles.length;
  const listMs = performance.now() - t;
  t = performance.now();
  const hits = catalog.search(catalogSource, page.text.slice(200, 230).trim()).length;
  const searchMs = performance.now() - t;
  t = performance.now();
  const removed = await woken.exclusive(() => woken.remove([articles[0]!.id]));
  const removeMs = performance.now() - t;
  if (!removed.ok) throw new Error(removed.error);
  const one = new ImportJobs({ user: async () => ({ ok: true, value: woken }), builtin: async () => null });
  t = performance.now();
  await importThrough(one, [{ ...articles[0]!, id: 'again' }]);
  const addOneMs = performance.now() - t;
  const heap = process.memoryUsage().heapUsed;
  gc();
  t = performance.now();
  const rewoken = await UserCorpus.load({ store: openCorpusStore('echoes', factory) });
  const journalLoadMs = performance.now() - t;
  return [
    `  fresh worker: store read ${readMs.toFixed(0)} ms + revive ${reviveMs.toFixed(0)} ms; UserCorpus.load ${loadMs.toFixed(0)} ms (${source}); first page report ${firstReportMs.toFixed(0)} ms (${report.summary.echoed} echoed)`,
    `  options page: listCorpus ${listMs.toFixed(0)} ms (${listed} articles), first searchCorpus ${searchMs.toFixed(0)} ms (${hits} hits)`,
    `  journalled changes: remove one article ${removeMs.toFixed(0)} ms, add one ${addOneMs.toFixed(0)} ms; UserCorpus.load then ${journalLoadMs.toFixed(0)} ms (${rewoken.source}, journal replayed); heap ${mb(heap)}`,
  ];
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc && !process.env.ECHOES_BENCH_CHILD) {
    // Timings between phases need a full GC: re-run under --expose-gc.
    const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, ECHOES_BENCH_CHILD: '1' } });
    process.exitCode = child.status ?? 1;
    return;
  }
  const at = process.argv.indexOf('--sizes');
  const sizes = at >= 0 ? (process.argv[at + 1] ?? '').split(',').map(Number).filter((n) => n > 0) : [1_000, 10_000];
  const seeds = readSeedSentences(SEEDS_DIR);
  const vocabulary = createVocabulary(createRng(42), 30_000, seeds.words);
  for (const size of sizes) {
    const { articles } = generateCorpus(size, vocabulary, seeds.sentences, createRng(size * 7919 + 1));
    log(`${size} articles generated; importing…`);
    const imported = await importPhase(articles);
    gc();
    console.log([...imported.lines, await storedSize(imported.factory), ...(await freshWorker(imported.factory, articles))].join('\n'));
  }
}

void main();
