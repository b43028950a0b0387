/** Asking the background again while it cannot be reached (a stopping or restarting worker). */

/** Waits before asking the background again when it could not be reached. */
export const RETRY_DELAYS_MS: readonly number[] = [100, 500, 2000];

/** Asks, and asks again (after RETRY_DELAYS_MS) while the background could not be reached: a
 *  message sent while Chromium stops or restarts the worker can fail with "Receiving end does
 *  not exist" although the next one wakes it. Refusals and other errors are answered at once. */
export async function askWithRetry<T>(
  ask: () => Promise<{ ok: true; value: T } | { ok: false; error: string }>,
  stale: () => boolean,
  log: (message: string) => void,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  let answer = await ask();
  for (const delay of delays) {
    if (answer.ok || stale() || !/^(could not reach|no answer from) the background/.test(answer.error)) return answer;
    log(`${answer.error}; asking again in ${delay} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    answer = await ask();
  }
  return answer;
}
