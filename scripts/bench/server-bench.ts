/** `npm run bench -- --server`: the newsroom server on a real PostgreSQL (a throw-away cluster
 *  on 127.0.0.1). Imports generated articles through `npm run corpus -- import`'s code in
 *  stages (default 10,000 then 100,000 in all), and after each stage prints: import time and
 *  rate, rows, bytes per posting on disk, a 300-sentence page's round trip (median and p95) at
 *  1 and 20 concurrent clients (copies only, the extension's default) and at 1 client for all
 *  kinds, key lookups per second, and the client's verification time. `--server-sizes
 *  2000,10000` picks the stages. Prints figures; asserts nothing. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Article } from '../../lib/corpus/article';
import type { MatchKind } from '../../lib/match/types';
import { articleToJsonLine } from '../../lib/corpus/files/export';
import { buildReport } from '../../lib/report/build-report';
import { askNewsroom } from '../../lib/report/newsroom-client';
import { matchRequestFor, type MatchRequest } from '../../lib/report/newsroom-protocol';
import { remoteIndex } from '../../lib/report/remote-index';
import { importPaths } from '../../lib/server/import-files';
import { FULL_LIST_IDS } from '../../lib/server/packed-lists';
import { migrate } from '../../lib/server/schema';
import { createToken } from '../../lib/server/tokens';
import { postgresBin, startThrowawayPostgres } from '../setup/throwaway-postgres';
import { quantile } from './measure';
import { createRng } from './prng';
import { makeQueries, PAGE_MIX } from './queries';
import { generateCorpus } from './synthetic-corpus';
import type { Vocabulary } from './vocabulary';

const log = (line: string) => process.stderr.write(`${line}\n`);
const CHUNK = 10_000;
/** Settings of the bench's cluster: enough memory for the index to stay cached, as a newsroom
 *  machine would give it; durability settings left at PostgreSQL's defaults. */
const SETTINGS = { shared_buffers: '2GB', max_wal_size: '8GB', maintenance_work_mem: '512MB', fsync: 'on', max_connections: '100' };

/** Runs the stages; `argv` is the bench's arguments. */
export async function runServerBench(argv: readonly string[], vocabulary: Vocabulary, seeds: readonly string[]): Promise<void> {
  const bin = postgresBin();
  if (!('bin' in bin)) { log(`server bench: ${bin.missing}`); return; }
  const at = argv.indexOf('--server-sizes');
  const stages = (at >= 0 ? (argv[at + 1] ?? '') : '10000,100000').split(',').map(Number).filter((n) => n > 0);
  const cluster = await startThrowawayPostgres(bin.bin, SETTINGS);
  // An interrupted bench must not leave its PostgreSQL running.
  const interrupted = () => { cluster.stop(); process.exit(130); };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  const dir = mkdtempSync(join(tmpdir(), 'echoes-bench-'));
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  let server: { url: string; child: ChildProcess } | null = null;
  try {
    await migrate(pool);
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => createToken(pool, `bench ${i}`)));
    server = await startServer(cluster.url);
    const rng = createRng(20261203);
    let imported = 0;
    let postings = 0;
    const sample: Article[] = [];
    for (const target of stages) {
      const paths: string[] = [];
      while (imported < target) {
        const size = Math.min(CHUNK, target - imported);
        const articles = chunk(imported, size, vocabulary, seeds, rng);
        if (sample.length < 2_000) sample.push(...articles.slice(0, 2_000 - sample.length));
        const path = join(dir, `chunk-${imported}.jsonl`);
        writeFileSync(path, articles.map(articleToJsonLine).join('\n'));
        paths.push(path);
        imported += size;
      }
      log(`importing up to ${target.toLocaleString('en-US')} articles…`);
      const result = await importPaths(pool, paths, (p) => { if (p.read % 5_000 === 0) log(`  ${p.read} read, ${Math.round(p.read / p.seconds)} articles/s`); });
      if (!result.ok) throw new Error(result.error);
      const disk = await diskFigures(pool);
      console.log(`\n${target.toLocaleString('en-US')} articles: imported ${result.totals.added.toLocaleString('en-US')} in ${result.totals.seconds.toFixed(0)} s` +
        ` = ${Math.round(result.totals.added / result.totals.seconds)} articles/s (${Math.round(result.totals.postings / result.totals.seconds).toLocaleString('en-US')} postings/s)`);
      postings += result.totals.postings;
      const n = (x: number) => x.toLocaleString('en-US');
      console.log(`  rows: ${n(disk.articles)} articles, ${n(disk.sentences)} sentences, ${n(postings)} postings in ${n(disk.keys)} key rows` +
        ` (${n(disk.ids)} ids kept: lists past ${FULL_LIST_IDS} stop growing); postings table + index ${(disk.postingBytes / 2 ** 20).toFixed(0)} MB` +
        ` = ${(disk.postingBytes / postings).toFixed(1)} bytes per posting; whole database ${(disk.databaseBytes / 2 ** 20).toFixed(0)} MB`);
      const pages = Array.from({ length: 10 }, () => makePage(sample, seeds, vocabulary, rng));
      for (const clients of [1, 20]) await measureLatency(server.url, tokens, pages, clients, COPIES);
      await measureLatency(server.url, tokens, pages, 1, ALL_KINDS);
    }
  } finally {
    server?.child.kill();
    await pool.end();
    cluster.stop();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `size` generated articles with ids, addresses and texts unique across chunks. */
function chunk(from: number, size: number, vocabulary: Vocabulary, seeds: readonly string[], rng: ReturnType<typeof createRng>): Article[] {
  const { articles } = generateCorpus(size, vocabulary, seeds, rng, 30);
  return articles.map((a, i) => ({ ...a, id: `bench-${from + i}`, url: `https://outlet-${(from + i) % 500}.example/${from + i}` }));
}

/** A page of 300 sentences: a tenth from the corpus, a tenth from the seeds, the rest new. */
function makePage(sample: readonly Article[], seeds: readonly string[], vocabulary: Vocabulary, rng: ReturnType<typeof createRng>) {
  const text = makeQueries(300, PAGE_MIX, sample, seeds, vocabulary, rng).map((q) => q.text).join('\n\n');
  return { source: 'bench', text, title: null, outlet: null, url: null };
}

async function diskFigures(pool: pg.Pool) {
  const { rows } = await pool.query<Record<string, string>>(
    `select (select count(*) from echoes_articles) as articles, (select count(*) from echoes_sentences) as sentences,
            (select sum(octet_length(sentences)) / 4 from echoes_postings) as ids, (select count(*) from echoes_postings) as keys,
            pg_total_relation_size('echoes_postings') as posting_bytes,
            pg_database_size(current_database()) as database_bytes`);
  const r = rows[0] ?? {};
  return { articles: Number(r.articles), sentences: Number(r.sentences), ids: Number(r.ids), keys: Number(r.keys), postingBytes: Number(r.posting_bytes), databaseBytes: Number(r.database_bytes) };
}

/** The extension's default kinds (the server sends the copy-only candidates), and all kinds
 *  (the widest set, as `xref --kinds verbatim,reworded,paraphrase` asks). */
const COPIES: readonly MatchKind[] = ['verbatim', 'reworded'];
const ALL_KINDS: readonly MatchKind[] = ['verbatim', 'reworded', 'paraphrase'];

/** `clients` loops each asking for the pages in turn for ~10 s (after one warm-up round). */
async function measureLatency(url: string, tokens: readonly string[], pages: ReturnType<typeof makePage>[], clients: number, kinds: readonly MatchKind[]): Promise<void> {
  const requests: MatchRequest[] = pages.map((p) => matchRequestFor(p, kinds));
  const keysPerPage = requests.reduce((n, r) => n + r.queries.reduce((m, q) => m + q.length, 0), 0) / requests.length;
  const ask = async (i: number, token: string) => {
    const t = performance.now();
    const answer = await askNewsroom({ url, token }, requests[i % requests.length] as MatchRequest, fetch, 60_000);
    if (!answer.ok) throw new Error(answer.error);
    return { ms: performance.now() - t, answer };
  };
  for (let i = 0; i < requests.length; i++) await ask(i, tokens[0] as string);
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let i = c; performance.now() - started < 10_000; i++) times.push((await ask(i, tokens[c] as string)).ms);
  }));
  const seconds = (performance.now() - started) / 1000;
  const line = `  ${kinds.includes('paraphrase') ? 'all kinds' : 'copies'}, ${clients} client${clients > 1 ? 's' : ''}: page round trip median ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms;` +
    ` ${(times.length / seconds).toFixed(1)} pages/s = ${Math.round((times.length * keysPerPage) / seconds).toLocaleString('en-US')} key lookups/s` +
    ` (${Math.round(keysPerPage)} keys a page; ${Math.round((times.length * keysPerPage) / seconds / 30).toLocaleString('en-US')} 30-key probes/s)`;
  if (clients > 1) return console.log(line);
  const { answer } = await ask(0, tokens[0] as string);
  const t = performance.now();
  const report = buildReport(pages[0] as ReturnType<typeof makePage>, remoteIndex(answer.value), { kinds: [...kinds] });
  const kB = (value: unknown) => (JSON.stringify(value).length / 1024).toFixed(0);
  console.log(`${line}\n  client verification of one page: ${(performance.now() - t).toFixed(0)} ms (${answer.value.sentences.length} candidate sentences, ${report.summary.echoed} echoed);` +
    ` answer ${kB(answer.value)} kB as JSON, ${kB(answer.value.listLengths)} kB of it list lengths (${answer.value.listLengths.length} keys)`);
}

/** The real `npm run server` in a process of its own (so clients and server do not share a thread). */
async function startServer(database: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts', '--database', database, '--port', '0', '--rate', '100000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (data: Buffer) => {
      seen += data.toString();
      const port = /on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, child });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}
