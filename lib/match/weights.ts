import type { PairFeatures } from './features';

// Fitted ONCE on the MSRP training split (../shared/eval/msrp-train.tsv, 4,076 pairs) by
// scripts/fit-matcher.ts: logistic regression by Newton's method, L2 penalty 0.1 (L2=0.1), all
// features of PairFeatures except `identical` (verbatim is decided by rule). Several features are
// strongly correlated, so single weights (even their signs) mean little alone; only the sum does.
// Refit with `L2=0.1 npx tsx scripts/fit-matcher.ts` after changing features.ts.

/** Logistic-regression weights per feature. */
export const FEATURE_WEIGHTS: Partial<Record<keyof PairFeatures, number>> = {
  uniShort: -0.521,
  uniLong: 6.287,
  biShort: -2.934,
  biLong: 2.461,
  lcsShort: -0.694,
  lcsLong: 6.086,
  contentShort: -1.862,
  contentLong: -2.838,
  numberClash: -0.537,
  numberExtra: -0.148,
  extraShort: -0.435,
  extraLong: -1.656,
  nameClash: -0.316,
  nameExtra: 0.551,
  lengthRatio: -3.035,
  quoteShared: 0.244,
  weightedShort: -0.975,
  weightedLong: 0.561,
  triShort: -3.252,
  negationClash: -1.171,
  stemShort: 3.266,
  stemLong: 3.768,
};
/** Logistic-regression bias. */
export const FEATURE_BIAS = -1.214;
/** Probability at or above which a pair is a paraphrase at strictness 0.5: the best-accuracy
 *  region of the threshold sweep printed by fit-matcher (0.50: accuracy 0.765, F1 0.835, model alone). */
export const PARAPHRASE_THRESHOLD = 0.5;
/** Reworded: least share of the shorter sentence's words found in order in the longer one. */
export const REWORD_MIN_SHORT = 0.8;
/** Reworded: least share of the longer sentence's words found in order in the shorter one
 *  (low, so a truncated copy still counts). */
export const REWORD_MIN_LONG = 0.35;
/** Reworded: least number of words shared in order (shorter runs are phrases, not sentences). */
export const REWORD_MIN_WORDS = 6;
/** How far strictness 0..1 moves the paraphrase threshold in total (±0.2 around the tuned value);
 *  the reworded thresholds move by a half (short) and the full (long) share of it. */
export const STRICTNESS_SPAN = 0.4;
