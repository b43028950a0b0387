/** Recall at scale on real text (`npm run bench -- --recall`): copies of real sentences planted
 *  in each edit shape (shapes.ts), found by querying their originals, with 0, 1,000 and 10,000
 *  distractor articles of real news text (real-text.ts) beside them. Prints figures; skips with
 *  a message when ../shared/eval/msrp-train.tsv is absent. */
import { fileURLToPath } from 'node:url';
import type { Article } from '../../../lib/corpus/article';
import { createCorpusIndex } from '../../../lib/match/index/corpus-index';
import type { MatchKind } from '../../../lib/match/types';
import { splitSentences } from '../../../lib/text/sentences';
import { createRng, type Rng } from '../prng';
import { readSeedSentences } from '../seed-sentences';
import { readMsrpPairs, SentenceChain } from './real-text';
import { applyShape, clausesOf, SHAPES, type Shape } from './shapes';

const MSRP = fileURLToPath(new URL('../../../../shared/eval/msrp-train.tsv', import.meta.url));
const SEEDS_DIR = fileURLToPath(new URL('../../../seeds', import.meta.url));
const REPORTED: readonly MatchKind[] = ['verbatim', 'reworded'];
/** MSRP pairs kept out of the distractor text: their sentences are the originals. */
const HELD_OUT_PAIRS = 1_000;
/** Planted copies per shape. */
const PER_SHAPE = 100;

/** One planted copy: article `articleId` holds `copy`, `original` edited as `shape`. */
export interface Planted { shape: Shape; original: string; copy: string; articleId: string }

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The shapes that apply to fewest sentences pick their originals first. */
const PLANT_ORDER: readonly Shape[] = ['short-attributed', 'clause-dropped', 'reworded-wire', 'trimmed', 'clause-added', 'verbatim'];

/** Whether the splitter reads the text as one sentence (MSRP keeps Reuters codes such as
 *  "<.SPX>", which it splits at: the bench measures matching, not splitting). */
const oneSentence = (text: string) => splitSentences(text, [0]).length === 1;

/** `perShape` copies per shape, each of a different original read as one sentence, each alone in
 *  an article of its own. */
export function plantCopies(originals: readonly string[], clauses: readonly string[], rng: Rng, perShape = PER_SHAPE): Planted[] {
  const used = new Set<string>();
  const planted: Planted[] = [];
  for (const shape of PLANT_ORDER) {
    let count = 0;
    for (const original of originals) {
      if (count >= perShape) break;
      if (used.has(original) || !oneSentence(original)) continue;
      const copy = applyShape(original, shape, rng, rng.pick(clauses));
      if (copy === null || (shape !== 'verbatim' && copy === original) || !oneSentence(copy)) continue;
      used.add(original);
      planted.push({ shape, original, copy, articleId: `planted-${shape}-${count++}` });
    }
  }
  return planted;
}

/** An article of `paragraphs` (with an address, as a newsroom import wants one). */
export function article(id: string, paragraphs: readonly string[]): Article {
  let offset = 0;
  const blocks = paragraphs.map((p) => {
    const block = { kind: 'body' as const, start: offset, end: offset + p.length };
    offset += p.length + 2;
    return block;
  });
  return { id, outlet: id, site: `${id}.example`, url: `https://${id}.example/a`, published: null, title: null, credit: null, text: paragraphs.join('\n\n'), blocks };
}

/** `count` articles of 30-40 chain sentences, 1-4 to a paragraph. */
function distractors(count: number, chain: SentenceChain, rng: Rng): Article[] {
  return Array.from({ length: count }, (_, n) => {
    const sentences = Array.from({ length: rng.int(30, 40) }, () => chain.sentence(rng));
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + rng.int(1, 4)).join(' '));
    return article(`real-${String(n).padStart(5, '0')}`, paragraphs);
  });
}

/** Which planted copies querying their originals finds as verbatim or reworded. */
function foundCopies(articles: readonly Article[], planted: readonly Planted[]): boolean[] {
  const index = createCorpusIndex(articles);
  return planted.map((p) => index.matchSentence(p.original, { kinds: REPORTED }).some((m) => m.articleId === p.articleId));
}

/** The recall bench's corpus: copies planted in articles of their own, beside `distractorCount`
 *  articles of real news text (real-text.ts), all seeded; null when MSRP is absent. */
export function realTextCorpus(distractorCount: number): { planted: Planted[]; plantedArticles: Article[]; distractors: Article[] } | null {
  const pairs = readMsrpPairs(MSRP);
  if (pairs.length === 0) return null;
  const rng = createRng(2026);
  const order = shuffled(pairs, rng);
  const heldOut = order.slice(0, HELD_OUT_PAIRS).flat();
  const pool = order.slice(HELD_OUT_PAIRS).flat();
  const originals = [...shuffled(heldOut, rng), ...readSeedSentences(SEEDS_DIR, 5).sentences];
  const planted = plantCopies(originals, clausesOf(pool), rng);
  const chain = new SentenceChain(pool);
  const all = distractors(distractorCount, chain, createRng(99));
  return { planted, plantedArticles: planted.map((p) => article(p.articleId, [p.copy])), distractors: all };
}

/** Why the recall bench and its server twin skip without ../shared. */
export const MSRP_ABSENT = `${MSRP} is absent (the distractors are built from its sentences)`;

/** Runs the recall bench and prints its table; `sizes`: distractor articles per run. */
export function runRecallBench(log: (line: string) => void, sizes: readonly number[] = [0, 1_000, 10_000]): void {
  const largest = Math.max(0, ...sizes);
  const corpus = realTextCorpus(largest);
  if (!corpus) {
    console.log(`\nRecall on real text: skipped, ${MSRP_ABSENT}.`);
    return;
  }
  const { planted, plantedArticles, distractors: all } = corpus;
  log(`recall on real text: ${planted.length} planted copies beside up to ${largest.toLocaleString('en-US')} distractor articles`);
  const runs = sizes.map((size) => {
    const found = foundCopies([...plantedArticles, ...all.slice(0, size)], planted);
    log(`  ${size.toLocaleString('en-US')} distractors: ${found.filter(Boolean).length}/${planted.length} found`);
    return found;
  });
  printTable(sizes, planted, runs);
  const lost = planted.filter((_, i) => runs[0]?.[i] && !runs[runs.length - 1]?.[i]);
  for (const p of lost.slice(0, 4)) console.log(`  lost at ${largest.toLocaleString('en-US')} (${p.shape}): ${p.original}\n      copy: ${p.copy}`);
}

function printTable(sizes: readonly number[], planted: readonly Planted[], runs: readonly boolean[][]): void {
  console.log(`\nRecall on copies of real sentences (verbatim or reworded), by edit shape and distractor articles of real news text:`);
  const header = ['shape', ...sizes.map((s) => `${s.toLocaleString('en-US')} articles`)];
  const cell = (pick: (p: Planted) => boolean, found: readonly boolean[]) => {
    const total = planted.filter(pick).length;
    const hits = planted.filter((p, i) => pick(p) && found[i]).length;
    return `${(hits / Math.max(1, total)).toFixed(3)} (${hits}/${total})`;
  };
  const rows = [
    ...SHAPES.map((shape) => [shape, ...runs.map((found) => cell((p) => p.shape === shape, found))]),
    ['all', ...runs.map((found) => cell(() => true, found))],
  ];
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  for (const r of table) console.log(r.map((x, c) => (c === 0 ? x.padEnd(widths[c] ?? 0) : x.padStart(widths[c] ?? 0))).join('  '));
}
