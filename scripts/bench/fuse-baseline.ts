import Fuse from 'fuse.js';
import type { Article } from '../../lib/corpus/article';
import { splitSentences } from '../../lib/text/sentences';
import { quantile } from './measure';
import type { PlantedCopy } from './synthetic-corpus';

/** What a Fuse.js-only search over every corpus sentence costs and finds. */
export interface FuseBaseline {
  sentences: number;
  queries: number;
  buildMs: number;
  medianQueryMs: number;
  /** Of Fuse's top results (as many as true copies per query), how many were true copies. */
  trueInTop: number;
  trueTotal: number;
}

/** Fuse over all sentences of the corpus; queries are seed sentences with planted copies.
 *  A long sentence costs Fuse tens of seconds here (bitap over 32-character chunks), so it
 *  stops starting queries once `budgetMs` is spent. */
export function runFuseBaseline(
  articles: readonly Article[], seeds: readonly string[], planted: readonly PlantedCopy[], queryCount = 5, budgetMs = 60_000,
): FuseBaseline {
  const rows = articles.flatMap((a) => splitSentences(a.text, a.blocks.map((b) => b.start)).map((s) => ({ id: a.id, text: s.text })));
  let started = performance.now();
  const fuse = new Fuse(rows, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.4 });
  const buildMs = performance.now() - started;
  const seedIndexes = [...new Set(planted.map((p) => p.seedIndex))].slice(0, queryCount);
  const times: number[] = [];
  let trueInTop = 0;
  let trueTotal = 0;
  for (const seedIndex of seedIndexes) {
    if (times.reduce((a, b) => a + b, 0) > budgetMs) break;
    const truth = new Set(planted.filter((p) => p.seedIndex === seedIndex).map((p) => p.articleId));
    started = performance.now();
    const results = fuse.search(seeds[seedIndex] ?? '', { limit: truth.size });
    times.push(performance.now() - started);
    trueInTop += results.filter((r) => truth.has(r.item.id)).length;
    trueTotal += truth.size;
  }
  return { sentences: rows.length, queries: times.length, buildMs, medianQueryMs: quantile(times, 0.5), trueInTop, trueTotal };
}
