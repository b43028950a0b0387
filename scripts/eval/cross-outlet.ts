// Recall and false matches on the labelled shared sentences of ../shared/fixtures/cross-outlet/
// (labels in tests/fixtures/cross-outlet/labels.json): each page as raw HTML against its story's
// other pages, once with the default kinds (verbatim, reworded) and once with paraphrases on.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MatchKind, ReuseClass } from '../../lib/match/types';
import { wordsOf } from '../../lib/text/tokenize';
import { readStories, runStory, CROSS_OUTLET_DIR, type FoundPair } from './cross-outlet-run';

/** What a labelled pair is: see labels.json's "about". */
export type PairLabel = 'copy' | 'quote' | 'paraphrase' | 'different';

/** One labelled pair of sentences of two outlets of one story. */
export interface LabelledPair {
  story: string; label: PairLabel;
  a: { outlet: string; text: string }; b: { outlet: string; text: string };
}

/** Path of the labels kept with the tests. */
export const LABELS_PATH = fileURLToPath(new URL('../../tests/fixtures/cross-outlet/labels.json', import.meta.url));

/** The labelled pairs. */
export function readLabels(path = LABELS_PATH): LabelledPair[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { pairs: LabelledPair[] }).pairs;
}

const key = (text: string) => ` ${wordsOf(text).join(' ')} `;

/** The same sentence, allowing for how a page splits it (one holds the other's words in a row). */
export function sameSentence(x: string, y: string): boolean {
  const a = key(x);
  const b = key(y);
  return a.trim() !== '' && b.trim() !== '' && (a.includes(b) || b.includes(a));
}

/** Counts per label, each pair counted once per direction (a's page against b, b's against a). */
export interface CrossOutletFigures {
  kinds: readonly MatchKind[];
  /** found: reported (copy and quote: as verbatim or reworded); reuse: with the right reuse class. */
  byLabel: Record<PairLabel, { total: number; found: number; reuse: number }>;
  /** Reported matches no label calls copy, quote or paraphrase. */
  falseMatches: FoundPair[];
}

function found(pair: LabelledPair, from: 'a' | 'b', all: readonly FoundPair[]): FoundPair | undefined {
  const [page, other] = from === 'a' ? [pair.a, pair.b] : [pair.b, pair.a];
  return all.find((f) => f.story === pair.story && f.pageOutlet === page.outlet && f.otherOutlet === other.outlet &&
    sameSentence(f.pageText, page.text) && sameSentence(f.otherText, other.text));
}

/** Scores the reported matches against the labels. */
export function score(labels: readonly LabelledPair[], all: readonly FoundPair[], kinds: readonly MatchKind[]): CrossOutletFigures {
  const byLabel = {
    copy: { total: 0, found: 0, reuse: 0 }, quote: { total: 0, found: 0, reuse: 0 },
    paraphrase: { total: 0, found: 0, reuse: 0 }, different: { total: 0, found: 0, reuse: 0 },
  };
  const explained = new Set<FoundPair>();
  for (const pair of labels) {
    for (const from of ['a', 'b'] as const) {
      const hit = found(pair, from, all);
      const counts = byLabel[pair.label];
      counts.total++;
      if (!hit) continue;
      if (pair.label !== 'different') explained.add(hit);
      const asCopy = hit.kind === 'verbatim' || hit.kind === 'reworded';
      if (pair.label === 'paraphrase' || pair.label === 'different' || asCopy) counts.found++;
      if ((pair.label === 'copy' || pair.label === 'quote') && hit.reuse === (pair.label as ReuseClass)) counts.reuse++;
    }
  }
  return { kinds, byLabel, falseMatches: all.filter((f) => !explained.has(f)) };
}

/** Runs every story under `kinds` and scores it; null when ../shared is absent. */
export function evaluateCrossOutlet(kinds: readonly MatchKind[], dir = CROSS_OUTLET_DIR): CrossOutletFigures | null {
  const stories = readStories(dir);
  if (!stories) return null;
  const all = [...stories].flatMap(([story, pages]) => runStory(story, pages, kinds));
  return score(readLabels(), all, kinds);
}

const share = (n: number, d: number) => `${n}/${d}${d > 0 ? ` (${(n / d).toFixed(2)})` : ''}`;
const clean = (text: string) => text.replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').slice(0, 140);

/** Prints the figures of both runs and the false matches. */
export function printCrossOutlet(): void {
  for (const kinds of [['verbatim', 'reworded'], ['verbatim', 'reworded', 'paraphrase']] as MatchKind[][]) {
    const r = evaluateCrossOutlet(kinds);
    if (!r) return void console.log(`skipped: ../shared/fixtures/cross-outlet not found (expected ${CROSS_OUTLET_DIR})`);
    const { copy, quote, paraphrase, different } = r.byLabel;
    console.log(`\nkinds ${kinds.join(',')} — each labelled pair counted from both pages`);
    console.log(`  copies found as verbatim/reworded  ${share(copy.found, copy.total)}   reuse "copy" ${share(copy.reuse, copy.total)}`);
    console.log(`  quotes found as verbatim/reworded  ${share(quote.found, quote.total)}   reuse "quote" ${share(quote.reuse, quote.total)}`);
    console.log(`  paraphrases found (any kind)       ${share(paraphrase.found, paraphrase.total)}`);
    console.log(`  look-alikes/furniture matched      ${share(different.found, different.total)}`);
    console.log(`  false matches (not labelled copy/quote/paraphrase): ${r.falseMatches.length}`);
    for (const f of r.falseMatches) console.log(`    ${f.story} ${f.pageOutlet}->${f.otherOutlet} ${f.kind}: "${clean(f.pageText)}" ~ "${clean(f.otherText)}"`);
  }
}
