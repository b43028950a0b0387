/** Running work written as a generator that yields between pieces (mergeSteps, packSteps):
 *  all at once, or a piece at a time with a pause between, so other work runs meanwhile. */

/** Runs `steps` to the end without pausing; answers its result. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs `steps` calling `pause` between pieces; answers its result, or null when `stillWanted`
 *  says no after a pause (the pieces done are dropped). */
export async function runStepsPaused<T>(steps: Generator<void, T>, pause: () => Promise<void>, stillWanted: () => boolean = () => true): Promise<T | null> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
    if (!stillWanted()) return null;
  }
}

/** How runStepsTimed paces work: `pause` gives the thread to others (a zero timeout), `now`
 *  is a millisecond clock, `sliceMs` how long to run before pausing, and `stillWanted` is
 *  asked after each pause (false: stop, dropping the pieces done). */
export interface TimedPacing {
  pause: () => Promise<void>;
  now: () => number;
  sliceMs: number;
  stillWanted?: () => boolean;
}

/** Runs `steps`, whose pieces may be tiny (one sentence), pausing only once a slice has run
 *  `sliceMs`: a pause per piece would cost more than the pieces. Answers the result, or null
 *  when `stillWanted` said no. */
export async function runStepsTimed<T>(steps: Generator<void, T>, pacing: TimedPacing): Promise<T | null> {
  let sliceStart = pacing.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (pacing.now() - sliceStart < pacing.sliceMs) continue;
    await pacing.pause();
    if (pacing.stillWanted && !pacing.stillWanted()) return null;
    sliceStart = pacing.now();
  }
}
