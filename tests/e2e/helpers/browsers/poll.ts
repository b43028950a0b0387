/** Calls `test` every `everyMs` until it answers true or `timeoutMs` passed; answers whether
 *  it did. A waiting helper, never an assertion about time. */
export async function pollUntil(test: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await test()) return true;
    if (Date.now() > end) return false;
    await new Promise((done) => setTimeout(done, everyMs));
  }
}
