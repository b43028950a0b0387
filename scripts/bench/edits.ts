import type { Rng } from './prng';

/** The ways a planted copy differs from its seed sentence. */
export const EDIT_KINDS = ['word-swap', 'dropped-clause', 'british', 'transliteration', 'truncation'] as const;
/** One of EDIT_KINDS. */
export type EditKind = (typeof EDIT_KINDS)[number];

const SYNONYMS: Record<string, string> = {
  said: 'stated', troops: 'soldiers', begin: 'start', began: 'started', leaving: 'exiting',
  crisis: 'turmoil', clashes: 'fighting', completed: 'finished', largest: 'biggest', support: 'backing',
  protesters: 'demonstrators', arrested: 'detained', announced: 'declared', country: 'nation',
  withdrawal: 'pullout', peaceful: 'calm', security: 'safety', government: 'administration',
};
const BRITISH: [RegExp, string][] = [
  [/\bdispatched\b/g, 'despatched'], [/\bdefense\b/gi, 'defence'], [/\bcenter\b/g, 'centre'],
  [/\b(\w+)ization\b/g, '$1isation'], [/\b(\w{3,})ize(d|s)?\b/g, '$1ise$2'], [/\bcolor\b/g, 'colour'],
  [/\bfavor\b/g, 'favour'], [/\blabor\b/g, 'labour'], [/\bunrecognizable\b/g, 'unrecognisable'],
];
const TRANSLITERATIONS: [RegExp, string][] = [
  [/\bTokayev\b/g, 'Toqaev'], [/\bKassym-Jomart\b/g, 'Qasym-Zhomart'], [/\bNazarbayev\b/g, 'Nazarbaev'],
  [/\bNur-Sultan\b/g, 'Nursultan'], [/\bSmailov\b/g, 'Smaiylov'], [/\bMasimov\b/g, 'Massimov'],
  [/\bShymkent\b/g, 'Chimkent'], [/\bKazakhstan\b/g, 'Qazaqstan'], [/\bAlmaty\b/g, 'Almati'],
];

/** Applies one kind of edit. The result may equal the input when the sentence offers nothing
 *  to edit that way (e.g. no American spelling): such a copy is then a verbatim one. */
export function editSentence(sentence: string, kind: EditKind, rng: Rng): string {
  switch (kind) {
    case 'word-swap': return swapWords(sentence, rng);
    case 'dropped-clause': return dropClause(sentence, rng);
    case 'british': return replaceAll(sentence, BRITISH);
    case 'transliteration': return replaceAll(sentence, TRANSLITERATIONS);
    case 'truncation': return truncate(sentence, rng);
  }
}

function replaceAll(sentence: string, rules: readonly [RegExp, string][]): string {
  return rules.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), sentence);
}

/** Replaces up to two words with synonyms; without any, swaps two neighbouring words. */
function swapWords(sentence: string, rng: Rng): string {
  const words = sentence.split(' ');
  const swappable = words.flatMap((w, i) => (SYNONYMS[w.toLowerCase()] ? [i] : []));
  if (swappable.length > 0) {
    for (const i of swappable.slice(0, 2)) words[i] = SYNONYMS[(words[i] ?? '').toLowerCase()] ?? words[i] ?? '';
    return words.join(' ');
  }
  const i = rng.int(1, Math.max(1, words.length - 3));
  [words[i], words[i + 1]] = [words[i + 1] ?? '', words[i] ?? ''];
  return words.join(' ');
}

/** Drops the shortest comma clause that leaves at least 60% of the words, else 3 middle words. */
function dropClause(sentence: string, rng: Rng): string {
  const clauses = sentence.split(/(?<=,) /);
  const total = sentence.split(' ').length;
  const candidates = clauses
    .map((clause, i) => ({ i, words: clause.split(' ').length }))
    .filter((c) => c.i > 0 && total - c.words >= total * 0.6)
    .sort((a, b) => a.words - b.words);
  const drop = candidates[0];
  if (drop) {
    const kept = clauses.filter((_, i) => i !== drop.i).join(' ').replace(/,$/, '');
    return /[.!?"”]$/.test(kept) ? kept : `${kept}.`;
  }
  const words = sentence.split(' ');
  words.splice(rng.int(2, Math.max(2, words.length - 5)), 3);
  return words.join(' ');
}

/** Keeps the first 70–85% of the words and ends with a full stop. */
function truncate(sentence: string, rng: Rng): string {
  const words = sentence.split(' ');
  const keep = Math.max(6, Math.round(words.length * (0.7 + rng.next() * 0.15)));
  return `${words.slice(0, keep).join(' ').replace(/[,;:]$/, '')}.`;
}
