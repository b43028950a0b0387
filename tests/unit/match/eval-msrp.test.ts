import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, MSRP_PATH, readMsrp } from '../../../scripts/eval-msrp';

const present = existsSync(MSRP_PATH);
if (!present) console.warn(`skipped: ../shared/eval not found (${MSRP_PATH})`);

// A training figure (the weights were fitted on this file): guards against regressions only.
describe.skipIf(!present)('MSRP train', () => {
  it('keeps accuracy >= 0.75 and F1 >= 0.83 at the default strictness', () => {
    const r = evaluate(readMsrp() ?? []);
    expect(r.pairs).toBeGreaterThan(4000);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(r.f1).toBeGreaterThanOrEqual(0.83);
  });
});
