import { describe, expect, it } from 'vitest';
import { KnownStopped } from '../../../lib/server/known-stopped';

describe('keys known stop-listed', () => {
  it('skips keys found stopped at the same cap, and forgets them when the cap moves', () => {
    const memory = new KnownStopped();
    expect(memory.split([1, 2, 3], 64)).toEqual({ known: [], probe: [1, 2, 3] });
    memory.add([2], 64);
    expect(memory.split([1, 2, 3], 64)).toEqual({ known: [2], probe: [1, 3] });
    // The corpus grew and its cap with it: a list over 64 may be under the new cap.
    expect(memory.split([1, 2, 3], 65)).toEqual({ known: [], probe: [1, 2, 3] });
    memory.add([3], 64); // found under the old cap while the cap moved: not kept
    expect(memory.split([1, 2, 3], 65)).toEqual({ known: [], probe: [1, 2, 3] });
  });
});
