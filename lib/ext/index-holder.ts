/** Holds the corpus index the background loads at start, and times it (cold start). */
import type { CorpusIndex } from '../match/corpus-index';
import { createCorpusCatalog, type CorpusCatalog } from './corpus-catalog';
import type { CallResult, Diagnostics } from './messages';

/** The loading or loaded index, its catalog and the timings for getDiagnostics. */
export interface IndexHolder {
  /** Settles when the index has loaded or failed. */
  ready: Promise<void>;
  /** Waits for the index; { ok: false } says why there is none. */
  need(): Promise<CallResult<{ index: CorpusIndex; catalog: CorpusCatalog }>>;
  /** Timings so far (a copy). */
  diagnostics(): Diagnostics;
  /** Records one matchPage that took `durationMs`, answered at clock time `answeredAt`. */
  recordMatch(durationMs: number, answeredAt: number): void;
}

/** Loads the index; calls `fetched()` once the asset is fetched and parsed (before reviving). */
export type IndexLoader = (fetched: () => void) => Promise<CorpusIndex>;

/** Starts `loadIndex()` now; `startedAt` (same clock as `now`) is the worker's start. Logs
 *  `[echoes] index ready in X ms`. */
export function holdIndex(loadIndex: IndexLoader, now: () => number, log: (line: string) => void, startedAt = now()): IndexHolder {
  const loadStart = now();
  let fetchedAt: number | null = null;
  const diag: Diagnostics = {
    serviceStartMs: Math.round(loadStart - startedAt), indexFetchMs: null, indexReviveMs: null,
    indexReadyMs: null, firstAnswerMs: null, lastMatchMs: null, index: null, indexError: null,
  };
  let loaded: { index: CorpusIndex; catalog: CorpusCatalog } | null = null;
  const ready = Promise.resolve()
    .then(() => loadIndex(() => (fetchedAt = now())))
    .then(
      (index) => {
        loaded = { index, catalog: createCorpusCatalog(index) };
        const readyAt = now();
        diag.indexReadyMs = Math.round(readyAt - startedAt);
        if (fetchedAt !== null) [diag.indexFetchMs, diag.indexReviveMs] = [Math.round(fetchedAt - loadStart), Math.round(readyAt - fetchedAt)];
        const { articles, sentences } = index.stats();
        diag.index = { articles, sentences };
        log(`[echoes] index ready in ${diag.indexReadyMs} ms (${articles} articles, ${sentences} sentences)`);
      },
      (error: unknown) => {
        diag.indexError = error instanceof Error ? error.message : String(error);
        log(`[echoes] index failed to load: ${diag.indexError}`);
      },
    );
  return {
    ready,
    async need() {
      await ready;
      if (loaded) return { ok: true, value: loaded };
      return { ok: false, error: `the corpus index is not available (${diag.indexError ?? 'not loaded'})` };
    },
    diagnostics: () => ({ ...diag, index: diag.index && { ...diag.index } }),
    recordMatch(durationMs, answeredAt) {
      diag.lastMatchMs = Math.round(durationMs * 10) / 10;
      diag.firstAnswerMs ??= Math.round(answeredAt - startedAt);
    },
  };
}
