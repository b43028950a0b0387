import type { Article } from '../../lib/corpus/article';
import { createCorpusIndex, type CorpusIndex } from '../../lib/match/index/corpus-index';
import type { MatchKind } from '../../lib/match/types';
import { buildReport } from '../../lib/report/build-report';
import type { EditKind } from './edits';
import type { Query, QueryClass } from './queries';
import type { PlantedCopy } from './synthetic-corpus';

const REPORTED: readonly MatchKind[] = ['verbatim', 'reworded'];

/** Live heap plus array buffers after a full collection (needs --expose-gc), in bytes. */
export function settledMemory(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** CPU time (user + system) of this process so far, in ms: less skewed than wall time
 *  when other processes share the cores. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Builds the index over already-created articles: wall and CPU time, retained memory. */
export function measureBuild(articles: readonly Article[]) {
  const before = settledMemory();
  const cpu = cpuMs();
  const started = performance.now();
  const index: CorpusIndex = createCorpusIndex(articles);
  const buildMs = performance.now() - started;
  return { index, buildMs, buildCpuMs: cpuMs() - cpu, memoryBytes: settledMemory() - before };
}

/** The q-quantile (0..1) of a list of numbers, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Per-sentence matchSentence latency over the queries (after a short warm-up), in ms:
 *  median and p95 wall time, mean CPU time, and the median per query class. */
export function measureQueries(index: CorpusIndex, queries: readonly Query[]) {
  for (const query of queries.slice(0, 50)) index.matchSentence(query.text);
  const cpu = cpuMs();
  const times = queries.map((query) => {
    const started = performance.now();
    index.matchSentence(query.text);
    return performance.now() - started;
  });
  const meanCpuMs = (cpuMs() - cpu) / queries.length;
  const byClass = new Map<QueryClass, number>();
  for (const cls of ['hit', 'seed', 'miss'] as const) {
    byClass.set(cls, quantile(times.filter((_, i) => queries[i]?.cls === cls), 0.5));
  }
  return { medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), meanCpuMs, byClass };
}

/** Median of `runs` full buildReport calls over a page made of these sentences (wall ms),
 *  and the mean CPU ms per run. */
export function measurePage(index: CorpusIndex, sentences: readonly Query[], runs = 5) {
  const text = sentences.map((q) => q.text).join('\n\n');
  const page = { source: 'bench-page', text, title: null, outlet: null, url: null };
  let echoed = 0;
  const cpu = cpuMs();
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    echoed = buildReport(page, index).summary.echoed;
    return performance.now() - started;
  });
  return { pageMs: quantile(times, 0.5), pageCpuMs: (cpuMs() - cpu) / runs, echoed };
}

/** Recall on the planted copies: querying the seed sentence finds its copy's article as
 *  verbatim or reworded. Also per edit kind, and the misses for a closer look. */
export function measureRecall(index: CorpusIndex, seeds: readonly string[], planted: readonly PlantedCopy[]) {
  const cache = new Map<number, Set<string>>();
  const foundBy = (seedIndex: number) => {
    let ids = cache.get(seedIndex);
    if (!ids) {
      const matches = index.matchSentence(seeds[seedIndex] ?? '', { kinds: REPORTED });
      ids = new Set(matches.filter((m) => REPORTED.includes(m.kind)).map((m) => m.articleId));
      cache.set(seedIndex, ids);
    }
    return ids;
  };
  const byEdit = new Map<EditKind, { found: number; total: number }>();
  const misses: PlantedCopy[] = [];
  for (const copy of planted) {
    const hit = foundBy(copy.seedIndex).has(copy.articleId);
    const tally = byEdit.get(copy.edit) ?? { found: 0, total: 0 };
    byEdit.set(copy.edit, { found: tally.found + (hit ? 1 : 0), total: tally.total + 1 });
    if (!hit) misses.push(copy);
  }
  const found = planted.length - misses.length;
  return { recall: planted.length ? found / planted.length : Number.NaN, found, total: planted.length, byEdit, misses };
}
