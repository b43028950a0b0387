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

/** Seed words, most frequent in the seeds first (ties: first seen first). */
function bySeedFrequency(seedWords: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const word of seedWords) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
}

/** `size` distinct words: pseudo-words with the seeds' own words placed by how common they are
 *  in the seeds (the i-th of n at rank ≈ size·(i/n)^1.5), so function words are common,
 *  names rare, and common shingles exist without every seed sentence being common. */
export function createVocabulary(rng: Rng, size: number, seedWords: readonly string[]): Vocabulary {
  const seeds = bySeedFrequency(seedWords);
  const words: (string | undefined)[] = new Array(size).fill(undefined);
  seeds.forEach((word, i) => {
    let rank = Math.floor(size * (i / seeds.length) ** 1.5);
    while (rank < size - 1 && words[rank] !== undefined) rank += 1;
    words[rank] = word;
  });
  const seen = new Set(seeds);
  for (let rank = 0; rank < size; rank += 1) {
    if (words[rank] !== undefined) continue;
    let word = pseudoWord(rng);
    while (seen.has(word)) word = pseudoWord(rng);
    seen.add(word);
    words[rank] = word;
  }
  return fromWords(words.map((w) => w ?? ''), rng);
}

function fromWords(words: readonly string[], rng: Rng): Vocabulary {
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
