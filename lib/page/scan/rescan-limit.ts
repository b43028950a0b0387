/** Forced rescans (a new address, new match settings) each run the article finder and a
 *  matchPage request; a page rewriting its address in a loop must not turn that into a loop. */

/** Options of createRescanLimit. */
export interface RescanLimitOptions {
  /** Least time between two forced rescans; default 2000 ms. */
  minGapMs?: number;
  now?: () => number;
  /** Schedules the postponed run (tie it to the content script's lifetime). */
  setTimeout: (run: () => void, ms: number) => unknown;
}

/** Runs requested work at most once per `minGapMs`: a request inside the gap is postponed to its
 *  end, and any number of requests in one gap make one run (the latest request wins). */
export interface RescanLimit {
  request(run: () => void): void;
}

/** Creates the per-page limit. */
export function createRescanLimit(opts: RescanLimitOptions): RescanLimit {
  const gap = opts.minGapMs ?? 2000;
  const now = opts.now ?? (() => performance.now());
  let lastRun = -Infinity;
  let pending: (() => void) | null = null;
  const fire = (): void => {
    const run = pending;
    pending = null;
    if (!run) return;
    lastRun = now();
    run();
  };
  return {
    request: (run) => {
      const waiting = pending !== null;
      pending = run;
      if (waiting) return;
      const wait = lastRun + gap - now();
      if (wait <= 0) fire();
      else opts.setTimeout(fire, wait);
    },
  };
}
