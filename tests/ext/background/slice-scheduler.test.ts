import { describe, expect, it } from 'vitest';
import { createSliceScheduler } from '../../../lib/ext/background/slice-scheduler';
import { runStepsTimed } from '../../../lib/match/index/steps';

describe('createSliceScheduler', () => {
  it('resumes the match that has had the least time first, one per turn', async () => {
    const turns: Array<() => void> = [];
    const scheduler = createSliceScheduler(() => new Promise<void>((resolve) => turns.push(resolve)));
    const resumed: string[] = [];
    const wait = (name: string, consumed: number) => scheduler.pause(consumed).then(() => void resumed.push(name));
    const all = Promise.all([wait('huge', 900), wait('small', 10), wait('middle', 300)]);
    expect(scheduler.waiting()).toBe(3);
    for (let turn = 0; turn < 3; turn++) {
      await Promise.resolve();
      turns.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
      expect(resumed).toHaveLength(turn + 1); // one match per turn, not all at once
    }
    await all;
    expect(resumed).toEqual(['small', 'middle', 'huge']);
  });
});

describe('runStepsTimed', () => {
  function* pieces(n: number, log: string[]): Generator<void, number> {
    for (let i = 0; i < n; i++) {
      log.push(`piece ${i}`);
      yield;
    }
    return n;
  }

  it('pauses only when a slice has used its time', async () => {
    let clock = 0;
    const log: string[] = [];
    const result = await runStepsTimed(pieces(6, log), {
      now: () => (clock += 4), sliceMs: 10, pause: async () => void log.push('pause'),
    });
    expect(result).toBe(6);
    // Each now() call moves 4 ms: a slice start and two checks pass 10 ms after two or three pieces.
    expect(log.filter((l) => l === 'pause').length).toBeGreaterThan(0);
    expect(log.filter((l) => l === 'pause').length).toBeLessThan(6);
  });

  it('stops with null when the work is no longer wanted after a pause', async () => {
    let wanted = true;
    const log: string[] = [];
    const result = await runStepsTimed(pieces(100, log), {
      now: () => 0, sliceMs: -1, pause: async () => void (wanted = false), stillWanted: () => wanted,
    });
    expect(result).toBeNull();
    expect(log).toEqual(['piece 0']);
  });
});
