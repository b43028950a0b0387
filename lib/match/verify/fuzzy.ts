/** Names that look alike but are different facts: never treated as spelling variants. */
const DISTINCT_NAMES: ReadonlySet<string> = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december austria australia').split(' '),
);

const HAS_DIGIT = /\d/;

/** Largest edit distance, as a share of the longer name, still taken for a spelling variant. */
export const MAX_NAME_EDIT_SHARE = 0.34;

/** Levenshtein distance, stopping early (returns limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    [prev, row] = [row, prev];
  }
  return prev[b.length] ?? limit + 1;
}

/** True when two canonical names are probably one name spelt or transliterated differently
 *  (Tokayev / Toqaev / Tokhaev, Nazarbayev / Nazarvaev): both at least 5 letters, no digits,
 *  not a weekday or month, and an edit distance of at most a third of the longer one. */
export function isNameVariant(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  // Cheapest refusal first: lengths too far apart for the edit limit.
  const limit = Math.floor(Math.max(a.length, b.length) * MAX_NAME_EDIT_SHARE);
  if (Math.abs(a.length - b.length) > limit) return false;
  if (DISTINCT_NAMES.has(a) || DISTINCT_NAMES.has(b) || HAS_DIGIT.test(a) || HAS_DIGIT.test(b)) return false;
  return editDistance(a, b, limit) <= limit;
}

