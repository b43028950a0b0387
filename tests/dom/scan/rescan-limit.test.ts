import { describe, expect, it } from 'vitest';
import { createRescanLimit } from '../../../lib/page/scan/rescan-limit';

/** A hand-driven clock and timer queue. */
function clock() {
  let t = 0;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => t,
    setTimeout: (run: () => void, ms: number) => void timers.push({ at: t + ms, run }),
    advance(ms: number) {
      t += ms;
      for (const timer of timers.filter((x) => x.at <= t)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
    },
  };
}

describe('rescan limit', () => {
  it('runs the first request at once and folds a burst inside the gap into one later run', () => {
    const c = clock();
    const limit = createRescanLimit({ minGapMs: 2000, now: c.now, setTimeout: c.setTimeout });
    const runs: number[] = [];
    limit.request(() => runs.push(0));
    for (let i = 1; i <= 15; i++) limit.request(() => runs.push(i));
    expect(runs).toEqual([0]);
    c.advance(1999);
    expect(runs).toEqual([0]);
    c.advance(1);
    expect(runs).toEqual([0, 15]);
  });

  it('a page changing its address every 100 ms for a minute gets at most one rescan per 2 s', () => {
    const c = clock();
    const limit = createRescanLimit({ minGapMs: 2000, now: c.now, setTimeout: c.setTimeout });
    let runs = 0;
    for (let i = 0; i < 600; i++) {
      limit.request(() => runs++);
      c.advance(100);
    }
    expect(runs).toBeLessThanOrEqual(31);
    expect(runs).toBeGreaterThanOrEqual(29);
  });
});
