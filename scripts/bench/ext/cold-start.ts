/** `npx tsx scripts/bench/ext/cold-start.ts`: the first buildReport of a fresh process (as in a service
 *  worker woken by a page) on each seed article's own page, against the seed index revived from its
 *  snapshot, with and without warmUpEngine() first. Each figure comes from a new Node process.
 *  Prints figures; asserts nothing. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ChildResult { reviveMs: number; warmUpMs: number; firstMs: number; secondMs: number }

const SELF = fileURLToPath(import.meta.url);
const ROUNDS = 2;

async function child(snapshotPath: string, articleIndex: number, warm: boolean): Promise<void> {
  const { loadCorpusIndex } = await import('../../../lib/match/index/corpus-index');
  const { buildReport, warmUpEngine } = await import('../../../lib/report/index');
  const data = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Parameters<typeof loadCorpusIndex>[0];
  let started = performance.now();
  const index = loadCorpusIndex(data);
  const reviveMs = performance.now() - started;
  const warmUpMs = warm ? warmUpEngine() : 0;
  const article = data.articles[articleIndex];
  if (!article) throw new Error(`no seed article ${articleIndex}`);
  const page = { source: 'cold-start', text: article.text, blockStarts: article.blocks.map((b) => b.start), title: article.title, outlet: article.outlet, url: article.url };
  started = performance.now();
  buildReport(page, index);
  const firstMs = performance.now() - started;
  started = performance.now();
  buildReport(page, index);
  const secondMs = performance.now() - started;
  const result: ChildResult = { reviveMs, warmUpMs, firstMs, secondMs };
  process.stdout.write(JSON.stringify(result));
}

function runChild(snapshotPath: string, articleIndex: number, warm: boolean): ChildResult {
  const args = [...process.execArgv, SELF, '--child', snapshotPath, String(articleIndex), warm ? 'warm' : 'cold'];
  const out = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`cold-start child failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as ChildResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

async function parent(): Promise<void> {
  const { loadSeedCorpus } = await import('../../../lib/cli/corpus-files');
  const { createCorpusIndex } = await import('../../../lib/match/index/corpus-index');
  const articles = await loadSeedCorpus();
  const snapshotPath = join(tmpdir(), `echoes-seed-index-${process.pid}.json`);
  writeFileSync(snapshotPath, JSON.stringify(createCorpusIndex(articles).serialize()));
  console.log('| seed article | first report, cold | warm-up | first report after warm-up | second report |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const all = { cold: [] as number[], warmUp: [] as number[], warm: [] as number[], second: [] as number[] };
  for (let i = 0; i < articles.length; i++) {
    const cold = Array.from({ length: ROUNDS }, () => runChild(snapshotPath, i, false));
    const warm = Array.from({ length: ROUNDS }, () => runChild(snapshotPath, i, true));
    const row = {
      cold: median(cold.map((r) => r.firstMs)), warmUp: median(warm.map((r) => r.warmUpMs)),
      warm: median(warm.map((r) => r.firstMs)), second: median(cold.map((r) => r.secondMs)),
    };
    for (const key of ['cold', 'warmUp', 'warm', 'second'] as const) all[key].push(row[key]);
    console.log(`| ${articles[i]?.id} | ${row.cold.toFixed(1)} ms | ${row.warmUp.toFixed(1)} ms | ${row.warm.toFixed(1)} ms | ${row.second.toFixed(1)} ms |`);
  }
  console.log(`| median | ${median(all.cold).toFixed(1)} ms | ${median(all.warmUp).toFixed(1)} ms | ${median(all.warm).toFixed(1)} ms | ${median(all.second).toFixed(1)} ms |`);
}

const at = process.argv.indexOf('--child');
if (at >= 0) {
  void child(process.argv[at + 1] ?? '', Number(process.argv[at + 2]), process.argv[at + 3] === 'warm');
} else {
  void parent();
}
