/** The edit shapes outlets make when they reuse a wire sentence, applied to real sentences for
 *  the recall bench: each shape either edits a sentence its way or says it does not apply. */
import type { Rng } from '../prng';

/** How a planted copy differs from its original. */
export const SHAPES = ['verbatim', 'trimmed', 'clause-added', 'clause-dropped', 'reworded-wire', 'short-attributed'] as const;
/** One of SHAPES. */
export type Shape = (typeof SHAPES)[number];

/** Light one-word rewordings as wire editors make them (not the seeds' topic words). */
const REWORDINGS: Record<string, string> = {
  said: 'stated', says: 'states', about: 'around', company: 'firm', shares: 'stock', rose: 'climbed',
  fell: 'dropped', announced: 'unveiled', expected: 'forecast', officials: 'authorities', began: 'started',
  nearly: 'almost', largest: 'biggest', bought: 'acquired', help: 'assist', troops: 'soldiers',
  country: 'nation', government: 'administration', also: 'further', killed: 'slain',
  charged: 'accused', plans: 'intends', want: 'wish', wants: 'wishes', big: 'large', begin: 'start',
};
const ATTRIBUTION = /\b(said|says|told|added|according)\b/;
const DETAILS = [' in a statement', ' on Tuesday', ' in a statement on Thursday', ' late on Monday'];

const wordsOf = (s: string) => s.split(' ').filter(Boolean);
const endWithStop = (s: string) => (/[.!?"”]$/.test(s) ? s : `${s.replace(/[,;:]$/, '')}.`);

/** The copy of `sentence` edited as `shape`, or null when the shape does not apply to it (too
 *  short, no clause to drop, nothing to reword, no attribution). `clause`: a real clause of
 *  another sentence, for clause-added. */
export function applyShape(sentence: string, shape: Shape, rng: Rng, clause: string): string | null {
  const words = wordsOf(sentence);
  switch (shape) {
    case 'verbatim': return words.length >= 8 ? sentence : null;
    case 'trimmed': return words.length >= 12 ? trim(words, 0.7 + rng.next() * 0.15) : null;
    case 'clause-added': return words.length >= 8 ? addClause(sentence, clause, rng) : null;
    case 'clause-dropped': return words.length >= 12 ? dropLargestClause(sentence) : null;
    case 'reworded-wire': return words.length >= 12 ? reword(trim(words, 0.8 + rng.next() * 0.1)) : null;
    case 'short-attributed': return words.length >= 5 && words.length <= 16 && ATTRIBUTION.test(sentence)
      ? sentence.replace(/([.!?])?(["”]?)$/, (_, stop: string | undefined, quote: string) => `${rng.pick(DETAILS)}${stop ?? '.'}${quote}`)
      : null;
  }
}

/** Words a trimmed sentence does not end on. */
const DANGLING = /^(a|an|the|and|or|but|of|in|on|at|to|for|by|with|from|as|its|their|his|her)$/i;

/** The first `share` of the words (not ending on a dangling function word), ended with a full stop. */
function trim(words: readonly string[], share: number): string {
  let keep = Math.max(6, Math.round(words.length * share));
  while (keep > 6 && DANGLING.test(words[keep - 1] ?? '')) keep--;
  return endWithStop(words.slice(0, keep).join(' '));
}

/** `clause` set off by commas after the sentence's first comma, or appended before its end. */
function addClause(sentence: string, clause: string, rng: Rng): string {
  const comma = sentence.indexOf(', ');
  if (comma > 0 && rng.next() < 0.5) return `${sentence.slice(0, comma)}, ${clause},${sentence.slice(comma + 1)}`;
  const stop = sentence.match(/[.!?]["”]?$/)?.[0] ?? '';
  return `${sentence.slice(0, sentence.length - stop.length).replace(/[,;:]$/, '')}, ${clause}${stop || '.'}`;
}

/** Drops the longest comma clause after the first one (4+ words) that leaves half the words. */
function dropLargestClause(sentence: string): string | null {
  const clauses = sentence.split(/(?<=,) /);
  const total = wordsOf(sentence).length;
  const drop = clauses
    .map((text, i) => ({ i, words: wordsOf(text).length }))
    .filter((c) => c.i > 0 && c.words >= 4 && total - c.words >= total * 0.5)
    .sort((a, b) => b.words - a.words)[0];
  return drop ? endWithStop(clauses.filter((_, i) => i !== drop.i).join(' ').replace(/,$/, '')) : null;
}

/** Up to two words reworded (REWORDINGS), never inside a name ("Big Board"); null when none can be. */
function reword(sentence: string): string | null {
  let changed = 0;
  const out = wordsOf(sentence).map((word, i) => {
    const bare = word.replace(/[^A-Za-z]/g, '');
    const other = REWORDINGS[bare.toLowerCase()];
    if (changed >= 2 || !other || (i > 0 && /^[A-Z]/.test(bare))) return word;
    changed++;
    return word.replace(bare, bare[0] === bare[0]?.toUpperCase() ? other[0]?.toUpperCase() + other.slice(1) : other);
  });
  return changed > 0 ? out.join(' ') : null;
}

/** Real clauses to add: comma-bounded stretches of 4-12 words that open in lower case. */
export function clausesOf(sentences: readonly string[]): string[] {
  return sentences.flatMap((s) => s.split(', ').slice(1, -1)).filter((c) => /^[a-z]/.test(c) && wordsOf(c).length >= 4 && wordsOf(c).length <= 12);
}
