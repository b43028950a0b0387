// Fits the paraphrase model's weights ONCE on the MSRP training split and prints them as the
// constants of lib/match/verify/weights.ts (pasted by hand). Plain batch gradient descent on the
// logistic loss with a small L2 penalty; then a sweep of the decision threshold over the
// complete verdict (reworded rules + model). Run: npx tsx scripts/fit-matcher.ts
import { analyzeSentence } from '../lib/match/verify/analyze';
import { pairFeatures, type PairFeatures } from '../lib/match/verify/features';
import { readMsrp } from './eval-msrp';

/** Features the model uses (identical pairs are verbatim by rule, so that one is left out). */
const NAMES: Array<keyof PairFeatures> = [
  'uniShort', 'uniLong', 'biShort', 'biLong', 'lcsShort', 'lcsLong', 'contentShort', 'contentLong',
  'numberClash', 'numberExtra', 'extraShort', 'extraLong', 'nameClash', 'nameExtra', 'lengthRatio', 'quoteShared',
  'weightedShort', 'weightedLong', 'triShort', 'negationClash', 'stemShort', 'stemLong',
];

/** Solves m·x = v in place by Gaussian elimination with partial pivoting. */
function solve(m: number[][], v: number[]): number[] {
  const n = v.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    [v[c], v[p]] = [v[p]!, v[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k < n; k++) m[r]![k]! -= f * m[c]![k]!;
      v[r]! -= f * v[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = v[r]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/** Logistic regression by Newton's method (IRLS) with an L2 penalty; the last column is the bias. */
function fit(x: number[][], y: number[], l2 = Number(process.env.L2 ?? 1), iterations = 25): { w: number[]; b: number } {
  const rows = x.map((r) => [...r, 1]);
  const n = NAMES.length + 1;
  let beta = new Array<number>(n).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = beta.map((b, k) => (k < n - 1 ? l2 * b : 0));
    const hess = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j && i < n - 1 ? l2 : 0)));
    rows.forEach((r, i) => {
      const p = 1 / (1 + Math.exp(-r.reduce((s, v, k) => s + v * beta[k]!, 0)));
      const wgt = p * (1 - p);
      r.forEach((v, j) => {
        grad[j]! += (p - y[i]!) * v;
        r.forEach((u, k) => (hess[j]![k]! += wgt * v * u));
      });
    });
    const step = solve(hess, grad);
    beta = beta.map((b, k) => b - step[k]!);
  }
  return { w: beta.slice(0, n - 1), b: beta[n - 1]! };
}

function main(): void {
  const pairs = readMsrp();
  if (!pairs) return console.log('skipped: ../shared/eval not found');
  const feats = pairs.map((p) => pairFeatures(analyzeSentence(p.a), analyzeSentence(p.b)));
  const x = feats.map((f) => NAMES.map((n) => f[n]));
  const y = pairs.map((p) => p.label);
  const { w, b } = fit(x, y);
  console.log('/** Logistic-regression weights per feature. */');
  console.log('export const FEATURE_WEIGHTS: Partial<Record<keyof PairFeatures, number>> = {');
  NAMES.forEach((n, k) => console.log(`  ${n}: ${(w[k] ?? 0).toFixed(3)},`));
  console.log('};');
  console.log(`export const FEATURE_BIAS = ${b.toFixed(3)};`);
  console.log('\nthreshold  accuracy  F1   (model alone)');
  for (let t = 0.3; t <= 0.71; t += 0.05) {
    let tp = 0, fp = 0, fn = 0;
    x.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-row.reduce((s, v, k) => s + v * (w[k] ?? 0), b)));
      if (p >= t && y[i] === 1) tp++; else if (p >= t) fp++; else if (y[i] === 1) fn++;
    });
    const acc = (pairs.length - fp - fn) / pairs.length;
    console.log(`${t.toFixed(2)}       ${acc.toFixed(3)}     ${((2 * tp) / (2 * tp + fp + fn)).toFixed(3)}`);
  }
}

main();
