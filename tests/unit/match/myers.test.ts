// Our Myers diff is meant to make exactly jsdiff's choices (lib/match/myers.ts says why it exists):
// jsdiff's diffArrays is the reference it is checked against, on generated sequences.
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { DELETE, diffRuns, EQUAL, INSERT } from '../../../lib/match/myers';
import { createRng } from '../../../scripts/bench/prng';

const KIND = { [EQUAL]: 'equal', [INSERT]: 'insert', [DELETE]: 'delete' } as Record<number, string>;

/** Our runs as kind/count pairs. */
function ours(a: number[], b: number[]): string[] {
  return diffRuns(a, b).map((r) => `${KIND[r.kind]} ${r.count}`);
}

/** jsdiff's changes as kind/count pairs (neighbours of one kind merged, as ours are). */
function theirs(a: number[], b: number[]): string[] {
  const runs: { kind: string; count: number }[] = [];
  for (const change of diffArrays(a, b)) {
    const kind = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.count += change.count ?? change.value.length;
    else runs.push({ kind, count: change.count ?? change.value.length });
  }
  return runs.filter((r) => r.count > 0).map((r) => `${r.kind} ${r.count}`);
}

/** A sequence of `length` ids drawn from `alphabet` values. */
function sequence(next: () => number, length: number, alphabet: number): number[] {
  return Array.from({ length }, () => Math.floor(next() * alphabet));
}

/** `base` edited: ids replaced, dropped, inserted and a stretch moved, as a rewording does. */
function edited(next: () => number, base: number[], alphabet: number): number[] {
  const out = base.filter(() => next() > 0.15).map((id) => (next() < 0.1 ? Math.floor(next() * alphabet) : id));
  for (let i = 0; i < 3; i++) out.splice(Math.floor(next() * (out.length + 1)), 0, Math.floor(next() * alphabet));
  if (out.length > 6 && next() < 0.5) out.push(...out.splice(1, 3));
  return out;
}

describe('diffRuns against jsdiff diffArrays', () => {
  it.each([
    [[], []], [[1, 2, 3], []], [[], [1, 2]], [[1, 2, 3], [1, 2, 3]], [[1, 2, 3], [3, 2, 1]],
    [[1, 2, 1, 2], [2, 1, 2, 1]], [[5, 5, 5], [5, 5]], [[1, 2, 3, 4, 5], [1, 9, 3, 8, 5]],
  ])('%j -> %j', (a, b) => {
    expect(ours(a, b)).toEqual(theirs(a, b));
  });

  it('makes the same edit script on 3,000 generated pairs (random and edited copies)', () => {
    const rng = createRng(20261130);
    for (let n = 0; n < 3000; n++) {
      const alphabet = [3, 8, 40][n % 3]!;
      const a = sequence(rng.next, rng.int(0, 40), alphabet);
      const b = n % 2 === 0 ? sequence(rng.next, rng.int(0, 40), alphabet) : edited(rng.next, a, alphabet);
      expect(ours(a, b), `pair ${n}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`).toEqual(theirs(a, b));
    }
  });
});
