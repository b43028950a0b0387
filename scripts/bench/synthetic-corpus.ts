import type { Article, Block } from '../../lib/corpus/article';
import { EDIT_KINDS, editSentence, type EditKind } from './edits';
import type { Rng } from './prng';
import type { Vocabulary } from './vocabulary';

/** Ground truth: article `articleId` carries an edited copy of seed sentence `seedIndex`. */
export interface PlantedCopy { seedIndex: number; articleId: string; edit: EditKind; copy: string }

/** A synthetic corpus and which of its sentences copy which seed sentence. */
export interface SyntheticCorpus { articles: Article[]; planted: PlantedCopy[] }

/** Random sentence length: 8–30 words, most around 18. */
export function sentenceLength(rng: Rng): number {
  return Math.round(8 + (rng.next() + rng.next() + rng.next()) / 3 * 22);
}

/** `size` articles of 30–40 sentences; min(size, maxPlanted) of them get one planted, edited
 *  copy of a seed sentence (edits cycle through EDIT_KINDS). Deterministic for a given rng. */
export function generateCorpus(
  size: number, vocabulary: Vocabulary, seeds: readonly string[], rng: Rng, maxPlanted = 300,
): SyntheticCorpus {
  const planted: PlantedCopy[] = [];
  const plantEvery = Math.max(1, Math.floor(size / Math.min(size, maxPlanted)));
  const articles = Array.from({ length: size }, (_, n) => {
    const id = `syn-${size}-${String(n).padStart(5, '0')}`;
    const sentences = Array.from({ length: rng.int(30, 40) }, () => vocabulary.sentence(sentenceLength(rng)));
    if (n % plantEvery === 0 && planted.length < maxPlanted) {
      const edit = EDIT_KINDS[planted.length % EDIT_KINDS.length] ?? 'word-swap';
      const { seedIndex, copy } = plantable(seeds, edit, rng);
      sentences[rng.int(0, sentences.length - 1)] = copy;
      planted.push({ seedIndex, articleId: id, edit, copy });
    }
    return makeArticle(id, n, sentences, rng);
  });
  return { articles, planted };
}

/** A random seed sentence this edit actually changes (a few tries; else the last one, unchanged). */
function plantable(seeds: readonly string[], edit: EditKind, rng: Rng): { seedIndex: number; copy: string } {
  let seedIndex = 0;
  let copy = '';
  for (let attempt = 0; attempt < 40; attempt += 1) {
    seedIndex = rng.int(0, seeds.length - 1);
    copy = editSentence(seeds[seedIndex] ?? '', edit, rng);
    if (copy !== seeds[seedIndex]) break;
  }
  return { seedIndex, copy };
}

/** Sentences -> an Article with paragraphs of 1–4 sentences as body blocks. */
function makeArticle(id: string, n: number, sentences: readonly string[], rng: Rng): Article {
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const take = rng.int(1, 4);
    paragraphs.push(sentences.slice(i, i + take).join(' '));
    i += take;
  }
  const blocks: Block[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    blocks.push({ kind: 'body', start: offset, end: offset + paragraph.length });
    offset += paragraph.length + 2;
  }
  const site = `outlet${n % 97}.example`;
  return {
    id, outlet: `Outlet ${n % 97}`, site, url: `https://${site}/news/${id}`,
    published: '2022-01-12', title: null, credit: null, text: paragraphs.join('\n\n'), blocks,
  };
}
