/** Every message of the extension, one typed map per receiver. Each call takes one JSON-safe
 *  `data` object and answers one JSON-safe value; lib/ext/messaging/messaging.ts sends and receives them
 *  and wraps the answer as CallResult (a refused or failed call is { ok: false, error }). */
import type { Article } from '../../corpus/article';
import type { PageArticle } from '../../corpus/clean/page-article';
import type { ExtractOutcome } from '../../page/find/article-extract';
import type { CardFrameEvent } from '../../page/card';
import type { Report, ReportSentence } from '../../report/types';
import type { MatchSettings, ReadingMemory, Settings } from '../settings/settings';

/** What the background knows about a tab's page.
 *  ok: the report of its article; pending: scanning (or not heard from yet);
 *  no-article: the content script found no article (`reason`: why, in one line, e.g. a page too large); off: Echoes is switched off for `site`
 *  (or globally); unsupported: a page the extension may not run on (chrome://, the stores). */
export type TabState =
  | { state: 'ok'; report: Report }
  | { state: 'pending' }
  | { state: 'no-article'; reason?: string }
  | { state: 'off'; site: string }
  | { state: 'unsupported' }
  /** The page is past lib/report/limits' PAGE_LIMITS; `reason` says what was too big. */
  | { state: 'too-large'; reason: string };

/** Which corpus an article belongs to: the built-in one shipped with the extension (read-only,
 *  can be hidden) or the user's own (IndexedDB). */
export type CorpusOrigin = 'builtin' | 'user';

/** One corpus article as the options page lists it (no text). */
export interface CorpusArticleInfo {
  id: string;
  origin: CorpusOrigin;
  outlet: string;
  /** Host without "www.", or null when unknown. */
  site: string | null;
  title: string | null;
  url: string | null;
  /** YYYY-MM-DD or null. */
  published: string | null;
  /** Wire/byline credit ("AFP") or null. */
  credit: string | null;
  /** Indexed sentences (four words or more). */
  sentences: number;
  /** For the user's feed and read articles: what retention may do to it (see ArticleRetention);
   *  absent for imported and built-in articles, which always stay. */
  retention?: ArticleRetention;
}

/** What retention may do to an article that came on its own (from a feed, or read): 'expires'
 *  (it leaves once past the chosen age, or the oldest first over the chosen count) or 'pinned'
 *  (the person pinned it: it stays until unpinned). */
export type ArticleRetention = 'expires' | 'pinned';

/** The corpus: outlets (distinct, sorted by name, with their article counts) and articles of
 *  both corpora, built-in ones listed even when hidden (tell them apart by `origin`). */
export interface CorpusListing {
  outlets: { outlet: string; articles: number }[];
  articles: CorpusArticleInfo[];
  /** The built-in corpus is hidden: not matched (its articles are still listed). */
  builtinHidden: boolean;
  userArticles: number;
  builtinArticles: number;
}

/** An article to import, as lib/corpus made it, with a label naming where it came from
 *  ("reuters.jsonl line 12", "pasted article", "this page") for messages. */
export interface ImportArticle { article: Article; label: string }
/** An article not imported and why ('same URL as "<title or id>"', 'same text as ...', or what
 *  was wrong with its shape). */
export interface ImportSkip { label: string; reason: string }
/** What an import added (user articles, as listed) and what it skipped. */
export interface ImportSummary { added: CorpusArticleInfo[]; skipped: ImportSkip[] }

/** What became of a page read ("remember what I read"): added (its article id), or why not
 *  (the site is not listed, no article, already in the corpus, too old to keep). */
export interface ReadOutcome { added: boolean; articleId: string | null; reason: string | null }

/** The article a content script found on its page (ContentCalls.pageArticle). */
export type { PageArticle } from '../../corpus/clean/page-article';

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
  /** Worker start to the user corpus (IndexedDB) being loaded and usable. */
  userIndexReadyMs: number | null;
  /** Of that: reading the stored snapshot, articles and journal from IndexedDB, and reviving the
   *  index from them; null until loaded (or when it was rebuilt). */
  userIndexReadMs: number | null;
  userIndexReviveMs: number | null;
  /** How the user index was loaded: revived from its stored snapshot, or rebuilt from the
   *  stored articles (no snapshot, or a stale one); null until loaded. */
  userIndexSource: 'snapshot' | 'rebuilt' | 'empty' | null;
  /** Committed user articles (null until the user corpus is loaded). */
  userArticles: number | null;
  /** Why the user corpus could not be loaded, or null. */
  userIndexError: string | null;
  /** The engine's warm-up run while the corpora load (lib/report/warm-up). */
  warmUpMs: number | null;
  /** Worker start to the first matchPage answer. */
  firstAnswerMs: number | null;
  /** The first call the worker received and when (ms from its start): the one that woke it,
   *  for a page usually its extractArticle, sent before its matchPage; null before any. */
  firstCall: { name: string; ms: number } | null;
  /** Duration of the most recent matchPage. */
  lastMatchMs: number | null;
  /** A woken worker's first page: how many article texts it fetched for the page's candidates,
   *  and how long that took, of which `lookupMs` finding the candidates (kept for the match; the
   *  rest is reading the store); null when every text was in memory. */
  textFetch: { articles: number; ms: number; lookupMs: number } | null;
  index: { articles: number; sentences: number } | null;
  /** Why the index failed to load, or null. */
  indexError: string | null;
}

/** One subscribed feed as the options page lists it. Times are ms since 1970; null = never. */
export interface FeedView {
  id: string;
  url: string;
  outlet: string;
  lastCheckedMs: number | null;
  nextDueMs: number | null;
  /** Failed reads in a row (0 when the last read went well). */
  failures: number;
  /** The last read's problem in plain words, or null. */
  lastError: string | null;
  /** Articles the last read added. */
  lastNew: number;
  /** Items the feed listed when last read (null: never read). */
  listed: number | null;
  /** Articles from this feed in the corpus, and of them those that are only the feed's summary
   *  (the page was paywalled, too short or could not be read). */
  articles: number;
  summaries: number;
  /** Why the latest items that gave no article gave none (at most five). */
  problems: string[];
  /** True while this feed is being read. */
  refreshing: boolean;
}

/** What checkFeed found at an address: the feed itself (found from a page's
 *  <link rel="alternate"> when the address was a site's), and the hosts its articles are on
 *  that Echoes has no permission for yet. */
export interface FeedCheck { feedUrl: string; title: string | null; items: number; missingOrigins: string[] }

/** Calls the background answers. Who may call what is checked against the sender
 *  (lib/ext/messaging/messaging.ts BACKGROUND_ACCESS): content scripts only ask about their page
 *  (matchPage, pageState, extractArticle, cardOpen); everything else only the extension's own
 *  pages (popup, options, the card frame). */
export interface BackgroundCalls {
  /** content script -> background: the page's article text model. Answers the Report
   *  (sentence start/end are offsets into `text`), stores it as the sender tab's state and
   *  sets the badge to the number of echoed sentences. */
  matchPage(data: {
    url: string; title: string | null; outlet: string | null; text: string; blockStarts: number[];
    /** What the page says of its publication and credits (lib/page readPageMeta); checked by page-claims. */
    published?: string | null; publishedAt?: string | null; credits?: string[]; sourceLinks?: string[];
  }): Report;
  /** content script -> background: this tab has no article, was switched off and cleared,
   *  or its article is too large to send (`reason`, at most 300 characters, says what).
   *  Stores the state and clears the badge. */
  pageState(data: { state: 'no-article' | 'off' | 'too-large'; reason?: string }): null;
  /** content script -> background: this page's article was read (sent once per address, only
   *  when the reading memory is on for its site). The background checks the setting itself,
   *  asks the tab for its article (pageArticle) and adds it as a read article. */
  pageRead(data: Record<string, never>): ReadOutcome;
  /** content script -> background: the page's serialised HTML (at most MAX_PAGE_HTML_CHARS,
   *  lib/page/find/page-limits.ts); answers the article Readability finds in it, found where a DOM
   *  parser runs off the page's thread (lib/ext/extract), or why the page is not an article. */
  extractArticle(data: { html: string }): ExtractOutcome;
  /** content script -> background: its hover card `token` (32 hex digits, random per card)
   *  shows sentence `index` of this tab's report now, as opening `seq`. The background sends it
   *  on to the card's frame once that frame has called in (CardFrameCalls.showCard); until then
   *  the frame reads it when it loads (cardSentence). Only a frame inside this tab may. */
  cardOpen(data: { token: string; index: number; seq: number }): null;
  /** card frame -> background: when it loads, the sentence its content script opened last,
   *  with that opening's `seq` (null before the first opening); refused unless the frame is in
   *  the tab of `token`. The background keeps which frame it is, to send it later openings. */
  cardSentence(data: { token: string }): CardSentence | null;
  /** card frame -> background: it drew opening `seq` (and its size), or the person asked it
   *  to close; passed on to the content script of the token's tab (ContentCalls.cardEvent). */
  cardEvent(data: { token: string; event: CardFrameEvent }): null;
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
  /** extension page: starts an import job of about `total` articles (for progress); answers
   *  its id. A job idle for 60 s is cancelled. */
  beginImport(data: { total: number }): { jobId: string };
  /** extension page: indexes a batch (at most 200 articles or about 2 MB), invisible until
   *  finishImport; answers how many were accepted and which were skipped as duplicates (of the
   *  corpus, built-in or user, or of the job) or as malformed. */
  importBatch(data: { jobId: string; articles: ImportArticle[] }): { accepted: number; skipped: ImportSkip[] };
  /** extension page: commits the job in one IndexedDB transaction, then its articles are
   *  matched and listed. On failure everything of the job is removed and the answer is
   *  { ok: false, error } (quota: storage is full, nothing was added, remove articles or
   *  import fewer). */
  finishImport(data: { jobId: string }): ImportSummary;
  /** extension page: drops the job's articles; the corpus is as before. */
  cancelImport(data: { jobId: string }): null;
  /** extension page: asks tab `tabId`'s content script for its article (pageArticle), makes
   *  an Article of it (outlet = site name or host) and imports it as a one-article job. */
  addPageToCorpus(data: { tabId: number }): ImportSummary;
  /** extension page: removes user articles by id; answers how many were removed. */
  removeArticles(data: { ids: string[] }): { removed: number };
  /** extension page: removes every user article of `outlet`. */
  removeOutlet(data: { outlet: string }): { removed: number };
  /** extension page: removes every user article. */
  clearUserCorpus(data: Record<string, never>): { removed: number };
  /** extension page: hides or shows the built-in corpus (matching; listing flags it). */
  setBuiltinHidden(data: { hidden: boolean }): null;
  /** extension page: a page of the JSONL export of the user articles, lines
   *  [offset, offset + limit) in the order they were added; `next` is the next offset or null
   *  at the end. */
  exportCorpus(data: { offset: number; limit: number }): { jsonl: string; next: number | null; total: number };
  /** extension page: the subscribed feeds, in the order they were added. */
  listFeeds(data: Record<string, never>): FeedView[];
  /** extension page: reads `url` (a feed, or a site whose page names its feed) without
   *  subscribing; the page must have been granted its host first. */
  checkFeed(data: { url: string }): FeedCheck;
  /** extension page: subscribes to the feed at `feedUrl` (as checkFeed answered it) under
   *  `outlet` (default: the feed's title) and reads it at once. */
  subscribeFeed(data: { feedUrl: string; outlet?: string }): FeedView;
  /** extension page: ends a subscription; with `removeArticles` its articles leave the corpus,
   *  except those pinned (setArticlePinned), which stay. */
  unsubscribeFeed(data: { id: string; removeArticles: boolean }): { removed: number };
  /** extension page: reads one feed (`id`) or all of them now, due or not. Answers at once;
   *  the feed list changes as they are read. */
  refreshFeeds(data: { id?: string }): null;
  /** extension page: "remember what I read" and its sites (repaired if stored badly). */
  getReadingMemory(data: Record<string, never>): ReadingMemory;
  /** extension page: stores "remember what I read" (repaired: valid host names only, sorted);
   *  answers what was stored. */
  setReadingMemory(data: ReadingMemory): ReadingMemory;
  /** extension page: how long (days) and how many articles of feeds are kept. */
  getRetention(data: Record<string, never>): { maxAgeDays: number; maxArticles: number };
  /** extension page: stores the bounds (repaired: at least 1 day, 100 articles) and applies
   *  them at once, oldest feed articles first; answers the bounds and how many left. */
  setRetention(data: { maxAgeDays: number; maxArticles: number }): { maxAgeDays: number; maxArticles: number; removed: number };
  /** extension page: pins (`pinned: true`) a feed or read article of the user corpus so retention
   *  never removes it, or unpins it. Refused for an article not in the user corpus, or one that
   *  always stays anyway (imported, added by hand). Answers the article's new state (null:
   *  unpinned, it still always stays, as no feed or reading lists it any more). */
  setArticlePinned(data: { id: string; pinned: boolean }): { id: string; retention: ArticleRetention | null };
  /** extension page (the popup's sources): the retention state of each of `ids` (at most 500)
   *  that is a feed or read article of the user corpus; ids not answered always stay or are
   *  not in the user corpus. */
  getArticleRetention(data: { ids: string[] }): Record<string, ArticleRetention>;
}

/** Calls the offscreen document answers (Chrome, where the service worker has no DOMParser). */
export interface OffscreenCalls {
  /** background -> offscreen: lib/page/find/article-extract.ts extractFromHtml on `html`. */
  extractInDocument(data: { html: string }): ExtractOutcome;
}

/** Calls a tab's content script answers (sent with tabs.sendMessage). */
export interface ContentCalls {
  /** popup -> content: scroll to sentence `index`'s highlight and flash it; false when that
   *  sentence has no highlight on the page. */
  revealSentence(data: { index: number }): boolean;
  /** popup/background -> content: the article the scanner found, or null when none. */
  pageArticle(data: Record<string, never>): PageArticle | null;
  /** background -> content: what the frame of card `token` said (cardEvent); false when this
   *  page has no card of that token. */
  cardEvent(data: { token: string; event: CardFrameEvent }): boolean;
}

/** What the card frame shows: one sentence of the tab's report and the opening it answers. */
export interface CardSentence { seq: number; sentence: ReportSentence }

/** Calls the hover card's frame hears (entrypoints/card), sent to its frame of its tab; each
 *  frame keeps only those for its own card token; none is answered. */
export interface CardFrameCalls {
  /** background -> card frame: the content script opened card `token` on this sentence
   *  (after cardOpen), so the frame draws it without asking. */
  showCard(data: CardSentence & { token: string }): null;
}

/** The answer of any call: the value, or why there is none. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Names of the calls of a map. */
export type CallName<Calls> = keyof Calls & string;
/** The `data` argument of a call. */
export type CallData<Calls, K extends keyof Calls> = Calls[K] extends (data: infer D) => unknown ? D : never;
/** The answer value of a call. */
export type CallValue<Calls, K extends keyof Calls> = Calls[K] extends (data: never) => infer R ? R : never;
