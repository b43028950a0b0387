import type { Article } from '../../lib/corpus/article';
import type { Rng } from './prng';
import { sentenceLength } from './synthetic-corpus';
import type { Vocabulary } from './vocabulary';

/** A sentence of a random corpus article: a query with at least one verbatim hit. */
function corpusSentence(articles: readonly Article[], rng: Rng): string {
  const article = rng.pick(articles);
  const parts = article.text.split(/(?<=\.) |\n\n/);
  return rng.pick(parts);
}

/** Where a query comes from: a corpus sentence, a seed sentence, or a fresh one. */
export type QueryClass = 'hit' | 'seed' | 'miss';
/** One query sentence and its class. */
export interface Query { text: string; cls: QueryClass }

/** Share of hits and seed sentences among queries; the rest are fresh (misses). */
export interface QueryMix { hit: number; seed: number }
/** Per-sentence latency queries: 40% hits, 20% seeds, 40% misses. */
export const QUERY_MIX: QueryMix = { hit: 0.4, seed: 0.2 };
/** A news page: a tenth echoes the corpus, a tenth echoes the seeds, the rest is new. */
export const PAGE_MIX: QueryMix = { hit: 0.1, seed: 0.1 };

/** `count` queries in the given mix, interleaved: corpus sentences (hits), seed sentences, and
 *  fresh sentences over the same vocabulary (misses that still share common shingles). */
export function makeQueries(
  count: number, mix: QueryMix, articles: readonly Article[], seeds: readonly string[], vocabulary: Vocabulary, rng: Rng,
): Query[] {
  return Array.from({ length: count }, (_, i): Query => {
    const slot = (i * 0.618034) % 1; // low-discrepancy spread of the classes over the list
    if (slot < mix.hit) return { text: corpusSentence(articles, rng), cls: 'hit' };
    if (slot < mix.hit + mix.seed) return { text: rng.pick(seeds), cls: 'seed' };
    return { text: vocabulary.sentence(sentenceLength(rng)), cls: 'miss' };
  });
}
