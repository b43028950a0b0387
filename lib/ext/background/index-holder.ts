/** Holds the two corpora the background loads at start, in parallel: the built-in index (the
 *  prebuilt asset) and the user's corpus (IndexedDB), and times them (cold start). */
import type { CorpusIndex } from '../../match/index/corpus-index';
import type { CallResult, Diagnostics } from '../messaging/messages';
import type { UserCorpus, UserIndexSource } from '../corpus/user-corpus';

/** The corpora once settled; either may be missing (see the diagnostics' errors). */
export interface Corpora {
  builtin: CorpusIndex | null;
  user: UserCorpus | null;
}

/** The loading or loaded corpora and the timings for getDiagnostics. */
export interface IndexHolder {
  /** Settles when both corpora have loaded or failed. */
  ready: Promise<void>;
  /** Waits for both; { ok: false } when neither is available, saying why. */
  need(): Promise<CallResult<Corpora>>;
  /** Waits for the built-in index; null when it failed. */
  builtin(): Promise<CorpusIndex | null>;
  /** Waits for the user corpus; { ok: false } says why it is not available. */
  user(): Promise<CallResult<UserCorpus>>;
  /** Timings so far (a copy). */
  diagnostics(): Diagnostics;
  /** Records one matchPage that took `durationMs`, answered at clock time `answeredAt`. */
  recordMatch(durationMs: number, answeredAt: number): void;
  /** Records a call received at clock time `at`; only the first is kept (Diagnostics.firstCall). */
  recordCall(name: string, at: number): void;
  /** Records the texts a woken worker fetched for a page (see Diagnostics.textFetch). */
  recordTextFetch(articles: number, ms: number, lookupMs: number): void;
}

/** Loads the index; calls `fetched()` once the asset is fetched and parsed (before reviving). */
export type IndexLoader = (fetched: () => void) => Promise<CorpusIndex>;
/** Loads the user corpus (revived from its snapshot, or rebuilt). */
export type UserLoader = () => Promise<{ corpus: UserCorpus; source: UserIndexSource; readMs?: number; reviveMs?: number }>;

/** Extra loading options: the user corpus, and a warm-up run while the loads wait on I/O. */
export interface HoldOptions {
  loadUser?: UserLoader;
  /** Runs the engine once (warmUpEngine), if the user corpus is still loading when the built-in
   *  index is ready; answers its milliseconds. */
  warmUp?: () => number;
}

/** Starts both loads now; `startedAt` (same clock as `now`) is the worker's start. Logs
 *  `[echoes] index ready in X ms` and `[echoes] user corpus ready in X ms`. */
export function holdIndex(loadIndex: IndexLoader, now: () => number, log: (line: string) => void, startedAt = now(), opts: HoldOptions = {}): IndexHolder {
  const loadStart = now();
  let fetchedAt: number | null = null;
  const ms = (at: number) => Math.round(at - startedAt);
  const diag: Diagnostics = {
    serviceStartMs: Math.round(loadStart - startedAt), indexFetchMs: null, indexReviveMs: null, indexReadyMs: null,
    userIndexReadyMs: null, userIndexReadMs: null, userIndexReviveMs: null, userIndexSource: null, userArticles: null, userIndexError: null, warmUpMs: null,
    firstAnswerMs: null, firstCall: null, lastMatchMs: null, textFetch: null, index: null, indexError: null,
  };
  let builtin: CorpusIndex | null = null;
  let user: UserCorpus | null = null;
  const builtinReady = Promise.resolve()
    .then(() => loadIndex(() => (fetchedAt = now())))
    .then(
      (index) => {
        builtin = index;
        const readyAt = now();
        diag.indexReadyMs = ms(readyAt);
        if (fetchedAt !== null) [diag.indexFetchMs, diag.indexReviveMs] = [Math.round(fetchedAt - loadStart), Math.round(readyAt - fetchedAt)];
        const { articles, sentences } = index.stats();
        diag.index = { articles, sentences };
        log(`[echoes] index ready in ${diag.indexReadyMs} ms (${articles} articles, ${sentences} sentences)`);
      },
      (error: unknown) => {
        diag.indexError = errorText(error);
        log(`[echoes] index failed to load: ${diag.indexError}`);
      },
    );
  const loadUser = opts.loadUser;
  const userReady = !loadUser ? Promise.resolve() : Promise.resolve().then(loadUser).then(
    ({ corpus, source, readMs, reviveMs }) => {
      user = corpus;
      [diag.userIndexReadyMs, diag.userIndexSource] = [ms(now()), source];
      const round = (v: number | undefined) => (v === undefined ? null : Math.round(v));
      [diag.userIndexReadMs, diag.userIndexReviveMs] = [round(readMs), round(reviveMs)];
      log(`[echoes] user corpus ready in ${diag.userIndexReadyMs} ms (${corpus.size} articles, ${source})`);
    },
    (error: unknown) => {
      diag.userIndexError = errorText(error);
      log(`[echoes] user corpus failed to load: ${diag.userIndexError}`);
    },
  );
  // Warm the engine up only while there is I/O left to wait for: once the built-in index is in,
  // if the user corpus is still being read. Run first thing, it sat on the critical path of a
  // worker woken by a page (the seed asset loads in 15-40 ms). e2e cold starts on the seeds,
  // medians: always first, first answer 56 ms (first match 20 ms); never, 49 ms (25 ms); this
  // way, 45 ms (16.5 ms).
  let userSettled = false;
  void userReady.then(() => (userSettled = true));
  const warmUp = opts.warmUp;
  if (warmUp) void builtinReady.then(() => { if (!userSettled) diag.warmUpMs = Math.round(warmUp()); });
  const ready = Promise.all([builtinReady, userReady]).then(() => undefined);
  const unavailable = () => `the corpus index is not available (${diag.indexError ?? 'not loaded'})`;
  return {
    ready,
    async need() {
      await ready;
      if (!builtin && !user) return { ok: false, error: unavailable() };
      return { ok: true, value: { builtin, user } };
    },
    builtin: () => builtinReady.then(() => builtin),
    async user() {
      await userReady;
      if (user) {
        await user.whenTextsLoaded(); // listing, search, export and changes read every text
        return { ok: true, value: user };
      }
      const why = diag.userIndexError ?? 'this extension build has no user corpus';
      return { ok: false, error: `your corpus could not be opened (${why}); reload the extension, and check that the browser allows it to store data` };
    },
    diagnostics: () => ({ ...diag, userArticles: user ? user.size : null, index: diag.index && { ...diag.index }, firstCall: diag.firstCall && { ...diag.firstCall } }),
    recordCall(name, at) {
      diag.firstCall ??= { name, ms: ms(at) };
    },
    recordTextFetch(articles, ms, lookupMs) {
      diag.textFetch = { articles, ms: Math.round(ms), lookupMs: Math.round(lookupMs) };
    },
    recordMatch(durationMs, answeredAt) {
      diag.lastMatchMs = Math.round(durationMs * 10) / 10;
      diag.firstAnswerMs ??= ms(answeredAt);
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
