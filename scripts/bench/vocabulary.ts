import { createZipfSampler, type Rng } from './prng';

const ONSETS = ['b', 'br', 'k', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'st', 't', 'tr', 'v', 'z', 'sh', 'ch'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'k', 'nd', 'st'];

/** Words of the synthetic corpus, most frequent first, and a sentence generator over them. */
export interface Vocabulary {
  words: readonly string[];
  /** A sentence of `length` words drawn with Zipf-like frequencies, capitalised, with a full stop. */
  sentence(length: number): string;
}

function pseudoWord(rng: Rng): string {
  let word = '';
  for (let i = rng.int(1, 3); i > 0; i -= 1) word += rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
  return word;
}

/** `size` distinct pseudo-words mixed with the seeds' own words. Seed words are spread over
 *  all ranks, so common shingles exist and seed sentences are not trivially rare. */
export function createVocabulary(rng: Rng, size: number, seedWords: readonly string[]): Vocabulary {
  const seen = new Set<string>();
  const words: string[] = [];
  const seeds = [...new Set(seedWords.map((w) => w.toLowerCase()))];
  let seedAt = 0;
  while (words.length < size) {
    const fromSeeds = seedAt < seeds.length && words.length % 6 === 0;
    const word = fromSeeds ? (seeds[seedAt++] ?? '') : pseudoWord(rng);
    if (word === '' || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  const sample = createZipfSampler(words.length, 1.05, rng);
  const sentence = (length: number) => {
    const parts: string[] = [];
    for (let i = 0; i < length; i += 1) {
      const word = words[sample()] ?? 'word';
      parts.push(i > 3 && i < length - 2 && rng.next() < 0.08 ? `${word},` : word);
    }
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  return { words, sentence };
}
