/** Whose slice of matching runs next when several pages are matched at once: the one that has
 *  had the least time so far (least attained service). A page that just arrived goes ahead of
 *  a huge one already running, so a normal page is answered in about its own matching time
 *  rather than in turns with the huge one; the huge one still progresses whenever the others
 *  have caught up or finished. Between any two slices the thread is given back (a zero
 *  timeout), so messages (the popup, new pages) are heard. */

/** The shared scheduler: `pause(consumedMs)` resolves when it is this match's turn again. */
export interface SliceScheduler {
  pause(consumedMs: number): Promise<void>;
  /** Matches waiting for their turn (for tests). */
  waiting(): number;
}

const zeroTimeout = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Creates the scheduler; `yieldTurn` gives the thread to other work (default: a zero timeout). */
export function createSliceScheduler(yieldTurn: () => Promise<void> = zeroTimeout): SliceScheduler {
  const queue: { consumedMs: number; resume: () => void }[] = [];
  let pumping = false;
  const pump = async () => {
    pumping = true;
    while (queue.length > 0) {
      await yieldTurn();
      let best = 0;
      for (let i = 1; i < queue.length; i++) if ((queue[i]?.consumedMs ?? 0) < (queue[best]?.consumedMs ?? 0)) best = i;
      // The resumed match runs its slice in microtasks, before the next turn is taken.
      queue.splice(best, 1)[0]?.resume();
    }
    pumping = false;
  };
  return {
    pause(consumedMs) {
      return new Promise<void>((resume) => {
        queue.push({ consumedMs, resume });
        if (!pumping) void pump();
      });
    },
    waiting: () => queue.length,
  };
}
