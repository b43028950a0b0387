/** The content script's own lifetime. WXT ends its context when `document` receives a
 *  `<id>:content:wxt:content-script-started` event from another instance; a page can forge that
 *  event, so the context's end is only a hint: we end when the extension really went away. */

/** One content script run's lifetime: its signal undoes every listener, timer and watcher. */
export interface Lifetime {
  /** Aborted when the run ends; pass it to addEventListener and friends. */
  readonly signal: AbortSignal;
  /** setTimeout that never fires after the end. */
  setTimeout(run: () => void, ms: number): ReturnType<typeof setTimeout>;
  /** Registers `fn` to run once at the end (immediately when already ended). */
  onEnd(fn: () => void): void;
  /** Someone said this run is over (WXT's context ended). Ends only when `extensionAlive()`
   *  says the extension is gone; true when it ended. */
  claimEnded(): boolean;
  /** True once ended. Checks the extension first, so an orphaned script finds out on its own. */
  ended(): boolean;
}

/** Creates a lifetime; `extensionAlive` is e.g. `() => browser.runtime?.id != null` (an
 *  updated or removed extension leaves its old content scripts without a runtime id). */
export function createLifetime(extensionAlive: () => boolean): Lifetime {
  const abort = new AbortController();
  const end = (): void => {
    if (!abort.signal.aborted) abort.abort('the extension went away');
  };
  const alive = (): boolean => {
    try {
      return extensionAlive();
    } catch {
      return false; // reading runtime of a removed extension throws in some browsers
    }
  };
  return {
    signal: abort.signal,
    setTimeout: (run, ms) => {
      const id = setTimeout(() => {
        if (!abort.signal.aborted) run();
      }, ms);
      abort.signal.addEventListener('abort', () => clearTimeout(id), { once: true });
      return id;
    },
    onEnd: (fn) => {
      if (abort.signal.aborted) fn();
      else abort.signal.addEventListener('abort', fn, { once: true });
    },
    claimEnded: () => {
      if (!alive()) end();
      return abort.signal.aborted;
    },
    ended: () => {
      if (!abort.signal.aborted && !alive()) end();
      return abort.signal.aborted;
    },
  };
}
