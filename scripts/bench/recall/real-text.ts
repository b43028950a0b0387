/** Distractor text made of real news sentences (MSRP's training pairs, ../shared/eval): walks of a
 *  word-trigram chain over them, so word pairs come at their real frequencies (what the index's
 *  stop list and candidate stage react to) while few sentences repeat whole. Some sentences are
 *  held out of the chain, to serve as the originals of planted copies. */
import { existsSync, readFileSync } from 'node:fs';
import type { Rng } from '../prng';

/** The real sentences of a tab-separated MSRP file (both columns, each once, in file order);
 *  null when the file is absent. */
export function readMsrpSentences(path: string): string[] | null {
  if (!existsSync(path)) return null;
  const seen = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    for (const s of [cols[3], cols[4]]) if (s && s.trim()) seen.add(s.trim());
  }
  return [...seen];
}

/** MSRP's pairs as [#1, #2] (a held-out sentence's paraphrase is held out with it). */
export function readMsrpPairs(path: string): Array<[string, string]> {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').slice(1).flatMap((line): Array<[string, string]> => {
    const cols = line.split('\t');
    return cols[3] && cols[4] ? [[cols[3].trim(), cols[4].trim()]] : [];
  });
}

const END = '\u0000';

/** A word-trigram chain: after two words, the words that followed them somewhere in the text. */
export class SentenceChain {
  private readonly next = new Map<string, string[]>();
  private readonly starts: Array<[string, string]> = [];

  constructor(sentences: readonly string[]) {
    for (const sentence of sentences) {
      const words = sentence.split(/\s+/).filter(Boolean);
      if (words.length < 4) continue;
      this.starts.push([words[0] as string, words[1] as string]);
      for (let i = 2; i <= words.length; i++) {
        const key = `${words[i - 2]} ${words[i - 1]}`;
        const list = this.next.get(key);
        const word = words[i] ?? END;
        if (list) list.push(word);
        else this.next.set(key, [word]);
      }
    }
  }

  /** One sentence: a real opening pair, then words drawn after each pair as often as the text
   *  has them, until a sentence end (or `maxWords`, cut back to the last full stop if any). */
  sentence(rng: Rng, maxWords = 45): string {
    const [first, second] = rng.pick(this.starts);
    const words = [first, second];
    for (;;) {
      const options = this.next.get(`${words[words.length - 2]} ${words[words.length - 1]}`);
      const word = options ? rng.pick(options) : END;
      if (word === END) break;
      words.push(word);
      if (words.length >= maxWords) return `${words.join(' ').replace(/[,;:]$/, '')}.`;
    }
    return words.join(' ');
  }
}
