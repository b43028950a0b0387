/** When to read a feed again, as a good citizen: the feed's own ttl, a floor so no feed is read
 *  more than every few minutes, a longer wait after each failure (capped), and one request at a
 *  time per host with a pause between them. Pure: `now` (ms since 1970) is always passed in. */

/** How often a feed is read when it says nothing (ms). */
export const DEFAULT_INTERVAL_MS = 30 * 60_000;
/** Never more often than this, whatever the ttl (ms). */
export const MIN_INTERVAL_MS = 10 * 60_000;
/** A ttl longer than this is read as this (ms): news must stay fresh. */
export const MAX_INTERVAL_MS = 6 * 60 * 60_000;
/** Wait after the first failure (ms); doubled after each further one ... */
export const FIRST_BACKOFF_MS = 15 * 60_000;
/** ... up to this (ms). */
export const MAX_BACKOFF_MS = 24 * 60 * 60_000;
/** Pause between two requests to one host (ms). */
export const HOST_SPACING_MS = 5_000;

/** What the scheduler keeps about one feed. */
export interface FeedTiming {
  /** Last time the feed was read (answered or failed); null = never. */
  lastCheckedMs: number | null;
  /** When it is due next; null = at once. */
  nextDueMs: number | null;
  /** Failures in a row (0 after any success, a 304 included). */
  failures: number;
  /** The feed's <ttl> in minutes, when it gave one. */
  ttlMinutes: number | null;
}

/** A feed never read: due at once. */
export const NEW_TIMING: FeedTiming = { lastCheckedMs: null, nextDueMs: null, failures: 0, ttlMinutes: null };

/** True when the feed should be read at `now`. */
export function isDue(timing: FeedTiming, now: number): boolean {
  return timing.nextDueMs === null || timing.nextDueMs <= now;
}

/** Interval between two reads of a feed that answers: its ttl within [MIN, MAX], else the default. */
export function intervalMs(ttlMinutes: number | null): number {
  if (ttlMinutes === null || !Number.isFinite(ttlMinutes) || ttlMinutes <= 0) return DEFAULT_INTERVAL_MS;
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, ttlMinutes * 60_000));
}

/** The timing after the feed answered (200 or 304) at `now`; `ttlMinutes` undefined keeps the known one. */
export function afterSuccess(timing: FeedTiming, now: number, ttlMinutes?: number | null): FeedTiming {
  const ttl = ttlMinutes === undefined ? timing.ttlMinutes : ttlMinutes;
  return { lastCheckedMs: now, nextDueMs: now + intervalMs(ttl), failures: 0, ttlMinutes: ttl };
}

/** The timing after a failure at `now`: FIRST_BACKOFF_MS doubled per failure in a row, capped at
 *  MAX_BACKOFF_MS, and never sooner than the feed's own interval. */
export function afterFailure(timing: FeedTiming, now: number): FeedTiming {
  const failures = timing.failures + 1;
  const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(failures - 1, 20));
  return { ...timing, lastCheckedMs: now, nextDueMs: now + Math.max(backoff, intervalMs(timing.ttlMinutes)), failures };
}

/** The feeds due at `now`, the longest-waiting first (never-read ones before all). */
export function dueFirst<T extends { timing: FeedTiming }>(feeds: readonly T[], now: number): T[] {
  return feeds.filter((f) => isDue(f.timing, now)).sort((a, b) => (a.timing.nextDueMs ?? -Infinity) - (b.timing.nextDueMs ?? -Infinity));
}

/** When a request to a host last asked at `lastMs` (null = never) may go, at `now` or later. */
export function nextSlotMs(lastMs: number | null, now: number, spacingMs = HOST_SPACING_MS): number {
  return lastMs === null ? now : Math.max(now, lastMs + spacingMs);
}
