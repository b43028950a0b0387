// Scores compareSentences on the MSRP training split (../shared/eval/msrp-train.tsv, not part of
// the repo): any reported kind counts as "same statement". A training figure: the matcher's few
// weights were fitted on this same file (scripts/fit-matcher.ts). Run: npm run eval
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compareSentences } from '../lib/match/verify/verify';
import type { MatchKind } from '../lib/match/types';

/** One labelled MSRP pair. */
export interface MsrpPair { label: 0 | 1; a: string; b: string }

/** Path of msrp-train.tsv beside the repo (../shared/eval). */
export const MSRP_PATH = fileURLToPath(new URL('../../shared/eval/msrp-train.tsv', import.meta.url));

/** The pairs (header skipped), or null when the file is absent. */
export function readMsrp(path = MSRP_PATH): MsrpPair[] | null {
  if (!existsSync(path)) return null;
  const pairs: MsrpPair[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    if (cols.length >= 5) pairs.push({ label: cols[0] === '1' ? 1 : 0, a: cols[3] ?? '', b: cols[4] ?? '' });
  }
  return pairs;
}

/** Accuracy, precision, recall, F1 and per-kind counts (by gold label) of compareSentences. */
export interface EvalFigures {
  pairs: number; accuracy: number; precision: number; recall: number; f1: number;
  kinds: Record<MatchKind | 'none', { positive: number; negative: number }>;
}

/** Runs compareSentences on every pair at one strictness. */
export function evaluate(pairs: readonly MsrpPair[], strictness = 0.5): EvalFigures {
  const kinds: EvalFigures['kinds'] = {
    verbatim: { positive: 0, negative: 0 }, reworded: { positive: 0, negative: 0 },
    paraphrase: { positive: 0, negative: 0 }, none: { positive: 0, negative: 0 },
  };
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const { label, a, b } of pairs) {
    const verdict = compareSentences(a, b, strictness);
    kinds[verdict?.kind ?? 'none'][label === 1 ? 'positive' : 'negative']++;
    if (verdict && label === 1) tp++;
    else if (verdict) fp++;
    else if (label === 1) fn++;
    else tn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  return { pairs: pairs.length, accuracy: (tp + tn) / Math.max(1, pairs.length), precision, recall, f1, kinds };
}

const fmt = (x: number) => x.toFixed(3);

/** Prints the MSRP figures at the default strictness and across the strictness range. */
export function printMsrp(): void {
  const pairs = readMsrp();
  if (!pairs) {
    console.log('skipped: ../shared/eval not found (expected ' + MSRP_PATH + ')');
    return;
  }
  const r = evaluate(pairs);
  console.log(`MSRP train (${r.pairs} pairs, TRAINING figure: weights fitted on this file), strictness 0.5`);
  console.log(`accuracy ${fmt(r.accuracy)}  precision ${fmt(r.precision)}  recall ${fmt(r.recall)}  F1 ${fmt(r.f1)}`);
  console.log('kind        gold=1  gold=0');
  for (const [kind, c] of Object.entries(r.kinds)) console.log(`${kind.padEnd(10)} ${String(c.positive).padStart(7)} ${String(c.negative).padStart(7)}`);
  console.log('\nstrictness  accuracy  precision  recall  F1');
  for (const s of [0, 0.25, 0.5, 0.75, 1]) {
    const x = evaluate(pairs, s);
    console.log(`${s.toFixed(2).padStart(10)}  ${fmt(x.accuracy)}     ${fmt(x.precision)}      ${fmt(x.recall)}   ${fmt(x.f1)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) printMsrp();
