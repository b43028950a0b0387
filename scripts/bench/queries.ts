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

/** `count` queries: 40% corpus sentences (hits), 20% seed sentences, 40% fresh sentences
 *  over the same vocabulary (misses that still share common shingles). */
export function makeQueries(
  count: number, articles: readonly Article[], seeds: readonly string[], vocabulary: Vocabulary, rng: Rng,
): string[] {
  return Array.from({ length: count }, (_, i) => {
    const slot = i % 5;
    if (slot < 2) return corpusSentence(articles, rng);
    if (slot === 2) return rng.pick(seeds);
    return vocabulary.sentence(sentenceLength(rng));
  });
}
