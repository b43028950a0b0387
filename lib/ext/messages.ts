/** Every message of the extension, one typed map per receiver. Each call takes one JSON-safe
 *  `data` object and answers one JSON-safe value; lib/ext/messaging.ts sends and receives them
 *  and wraps the answer as CallResult (a refused or failed call is { ok: false, error }). */
import type { Report } from '../report/types';
import type { MatchSettings, Settings } from './settings';

/** What the background knows about a tab's page.
 *  ok: the report of its article; pending: scanning (or not heard from yet);
 *  no-article: the content script found no article; off: Echoes is switched off for `site`
 *  (or globally); unsupported: a page the extension may not run on (chrome://, the stores). */
export type TabState =
  | { state: 'ok'; report: Report }
  | { state: 'pending' }
  | { state: 'no-article' }
  | { state: 'off'; site: string }
  | { state: 'unsupported' };

/** One corpus article as the options page lists it (no text). */
export interface CorpusArticleInfo {
  id: string;
  outlet: string;
  title: string | null;
  url: string | null;
  /** YYYY-MM-DD or null. */
  published: string | null;
  /** Wire/byline credit ("AFP") or null. */
  credit: string | null;
  sentences: number;
}

/** The corpus: outlets (distinct, sorted by name, with their article counts) and articles. */
export interface CorpusListing {
  outlets: { outlet: string; articles: number }[];
  articles: CorpusArticleInfo[];
}

/** One search hit: the article, and the matching sentence when the hit is in the text
 *  (null when only the title matched). `score` is 0..1, 1 = exact (Fuse's score inverted). */
export interface CorpusSearchHit {
  article: CorpusArticleInfo;
  sentence: string | null;
  score: number;
}

/** Timings of the background, for the e2e and the options page. Milliseconds from the
 *  worker's start (its time origin, so script evaluation counts); null = not yet. */
export interface Diagnostics {
  /** Worker start to the background service being created (script evaluation). */
  serviceStartMs: number | null;
  /** Fetching and parsing the prebuilt index asset. */
  indexFetchMs: number | null;
  /** Reviving the parsed asset into a usable index. */
  indexReviveMs: number | null;
  /** Worker start to the seed index being loaded and usable. */
  indexReadyMs: number | null;
  /** Worker start to the first matchPage answer. */
  firstAnswerMs: number | null;
  /** Duration of the most recent matchPage. */
  lastMatchMs: number | null;
  index: { articles: number; sentences: number } | null;
  /** Why the index failed to load, or null. */
  indexError: string | null;
}

/** Calls the background answers. Who may call what is checked against the sender
 *  (lib/ext/messaging.ts BACKGROUND_ACCESS): content scripts only matchPage and pageState;
 *  everything else only the extension's own pages (popup, options). */
export interface BackgroundCalls {
  /** content script -> background: the page's article text model. Answers the Report
   *  (sentence start/end are offsets into `text`), stores it as the sender tab's state and
   *  sets the badge to the number of echoed sentences. */
  matchPage(data: { url: string; title: string | null; outlet: string | null; text: string; blockStarts: number[] }): Report;
  /** content script -> background: this tab has no article, or was switched off and cleared.
   *  Stores the state and clears the badge. */
  pageState(data: { state: 'no-article' | 'off' }): null;
  /** popup -> background: the tab's state; for a tab not heard from, 'unsupported', 'off'
   *  or 'pending' from its URL and the settings. */
  getTabState(data: { tabId: number }): TabState;
  /** extension page -> background: the current settings (repaired if stored badly). */
  getSettings(data: Record<string, never>): Settings;
  /** extension page: switch one site (a host or URL; "www." ignored) on or off. Answers the
   *  new settings; a bad site answers { ok: false, error }. */
  setSiteEnabled(data: { site: string; enabled: boolean }): Settings;
  /** extension page: the global on/off. Answers the new settings. */
  setGlobalEnabled(data: { enabled: boolean }): Settings;
  /** extension page: replace the match settings (repaired: strictness clamped to 0..1). */
  setMatchSettings(data: MatchSettings): Settings;
  /** extension page: the corpus's outlets and articles. */
  listCorpus(data: Record<string, never>): CorpusListing;
  /** extension page: fuzzy search (Fuse.js) over titles and sentences; at most `limit`
   *  (default 20) hits, best first; an empty query answers []. */
  searchCorpus(data: { query: string; limit?: number }): CorpusSearchHit[];
  /** extension page: load and answer timings (see Diagnostics). */
  getDiagnostics(data: Record<string, never>): Diagnostics;
}

/** Calls a tab's content script answers (sent with tabs.sendMessage). */
export interface ContentCalls {
  /** popup -> content: scroll to sentence `index`'s highlight and flash it; false when that
   *  sentence has no highlight on the page. */
  revealSentence(data: { index: number }): boolean;
}

/** The answer of any call: the value, or why there is none. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Names of the calls of a map. */
export type CallName<Calls> = keyof Calls & string;
/** The `data` argument of a call. */
export type CallData<Calls, K extends keyof Calls> = Calls[K] extends (data: infer D) => unknown ? D : never;
/** The answer value of a call. */
export type CallValue<Calls, K extends keyof Calls> = Calls[K] extends (data: never) => infer R ? R : never;
