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
