import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INTERVAL_MS, FIRST_BACKOFF_MS, MAX_BACKOFF_MS, MIN_INTERVAL_MS, NEW_TIMING,
  afterFailure, afterSuccess, dueFirst, intervalMs, isDue, nextSlotMs,
} from '../../../../lib/corpus/feeds/schedule';

const T0 = Date.UTC(2026, 11, 3, 8);

describe('feed schedule', () => {
  it('a new feed is due at once; after an answer, again after its interval', () => {
    expect(isDue(NEW_TIMING, T0)).toBe(true);
    const next = afterSuccess(NEW_TIMING, T0, null);
    expect(next).toEqual({ lastCheckedMs: T0, nextDueMs: T0 + DEFAULT_INTERVAL_MS, failures: 0, ttlMinutes: null });
    expect(isDue(next, T0 + DEFAULT_INTERVAL_MS - 1)).toBe(false);
    expect(isDue(next, T0 + DEFAULT_INTERVAL_MS)).toBe(true);
  });

  it.each([
    [null, DEFAULT_INTERVAL_MS], [60, 60 * 60_000], [1, MIN_INTERVAL_MS], [100_000, 6 * 60 * 60_000], [-5, DEFAULT_INTERVAL_MS],
  ])('ttl %s min -> every %s ms', (ttl, ms) => {
    expect(intervalMs(ttl)).toBe(ms);
  });

  it('a 304 keeps the ttl it knew', () => {
    const known = afterSuccess(NEW_TIMING, T0, 120);
    expect(afterSuccess(known, T0 + 1).ttlMinutes).toBe(120);
  });

  it('failures back off longer each time, capped, and a success resets them', () => {
    let timing = NEW_TIMING;
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      timing = afterFailure(timing, T0);
      waits.push(timing.nextDueMs! - T0);
    }
    expect(waits.slice(0, 4)).toEqual([FIRST_BACKOFF_MS * 2, FIRST_BACKOFF_MS * 2, FIRST_BACKOFF_MS * 4, FIRST_BACKOFF_MS * 8].map((w, i) => (i === 0 ? Math.max(FIRST_BACKOFF_MS, DEFAULT_INTERVAL_MS) : w)));
    expect(Math.max(...waits)).toBe(MAX_BACKOFF_MS);
    expect(waits.every((w, i) => i === 0 || w >= waits[i - 1]!)).toBe(true);
    expect(timing.failures).toBe(12);
    expect(afterSuccess(timing, T0).failures).toBe(0);
  });

  it('due feeds come longest-waiting first', () => {
    const feeds = [
      { id: 'later', timing: { ...NEW_TIMING, nextDueMs: T0 + 10 } },
      { id: 'waiting', timing: { ...NEW_TIMING, nextDueMs: T0 - 100 } },
      { id: 'new', timing: NEW_TIMING },
      { id: 'just-due', timing: { ...NEW_TIMING, nextDueMs: T0 } },
    ];
    expect(dueFirst(feeds, T0).map((f) => f.id)).toEqual(['new', 'waiting', 'just-due']);
  });

  it('one host gets requests spaced apart', () => {
    expect(nextSlotMs(null, T0)).toBe(T0);
    expect(nextSlotMs(T0, T0 + 1000, 5000)).toBe(T0 + 5000);
    expect(nextSlotMs(T0, T0 + 9000, 5000)).toBe(T0 + 9000);
  });
});
