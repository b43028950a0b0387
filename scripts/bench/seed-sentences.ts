import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanRawText } from '../../lib/corpus/clean/clean';
import { splitSentences } from '../../lib/text/sentences';

/** The seed articles' sentences long enough to plant (at least `minWords` words), in file order,
 *  and every word of the seeds for the vocabulary. */
export function readSeedSentences(seedsDir: string, minWords = 10): { sentences: string[]; words: string[] } {
  const sentences: string[] = [];
  const words: string[] = [];
  for (const name of readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort()) {
    const cleaned = cleanRawText(readFileSync(join(seedsDir, name), 'utf8'));
    for (const span of splitSentences(cleaned.text, cleaned.blocks.map((b) => b.start))) {
      const spanWords = span.text.split(/\s+/);
      words.push(...spanWords.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean));
      if (spanWords.length >= minWords && !sentences.includes(span.text)) sentences.push(span.text);
    }
  }
  return { sentences, words };
}
