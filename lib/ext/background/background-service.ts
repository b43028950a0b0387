/** The background's logic, apart from the wiring in entrypoints/background.ts so it can be
 *  tested with fakeBrowser: loads the index, answers the calls, keeps tab states and badges. */
import { browser } from 'wxt/browser';
import type { MatchKind, MatchOptions } from '../../match/types';
import { buildReport } from '../../report/build-report';
import { splitSentences } from '../../text/sentences';
import type { Report } from '../../report/types';
import type { ChunkOptions } from '../corpus/chunked-build';
import { combineIndexes } from './combined-index';
import { createCorpusHandlers, type CorpusHandlerOptions } from '../corpus/corpus-handlers';
import { createExtractHandlers } from '../extract/extract-handlers';
import type { CorpusStore } from '../store/corpus-store';
import { holdIndex, type IndexHolder, type IndexLoader } from './index-holder';
import type { ImportJobs } from '../imports/import-jobs';
import type { BackgroundCalls, CallResult, Diagnostics, TabState } from '../messaging/messages';
import { onBackgroundCall, sendToTab, type CallHandlers, type Sender } from '../messaging/messaging';
import type { MatchSettings, Settings } from '../settings/settings';
import { createSettingsHandlers } from '../settings/settings-handlers';
import { isSiteEnabled, isSupportedUrl, siteOf } from '../settings/site-rules';
import { disabledSitesItem, enabledItem, readBuiltinHidden, readSettings, repairStoredSettings } from '../settings/storage';
import { createTabStateStore, type TabStateStore } from './tab-states';
import { deriveTabState } from './match-options';
import { createPageMatcher, type PageMatcher } from './page-matcher';
import { createTabUrls, type TabUrls } from './tab-urls';
import { createCardRelay, type CardRelay } from './card-relay';
import { UserCorpus } from '../corpus/user-corpus';
import { createFeedService, type FeedService } from '../feeds/feed-service';
import { createReadPageHandlers } from '../feeds/read-pages';

/** What the service needs; `now` is a millisecond clock (default performance.now) and
 *  `startedAt` the worker's start on it (default: when the service is created). `store`
 *  holds the user corpus (none: the built-in corpus only); `warmUp` runs while both load;
 *  `pause`/`chunk` pace the chunked work (imports, rebuilds). */
export interface BackgroundServiceOptions extends ChunkOptions {
  loadIndex: IndexLoader;
  store?: CorpusStore;
  warmUp?: () => number;
  askPage?: CorpusHandlerOptions['askPage'];
  /** The feeds' fetcher, clock and permission check (tests inject them). */
  feeds?: Omit<Parameters<typeof createFeedService>[0], 'holder' | 'jobs'>;
  idleMs?: number;
  now?: () => number;
  startedAt?: number;
  log?: (line: string) => void;
  /** A slice of matchPage's work in ms (default page-matcher's MATCH_SLICE_MS). */
  matchSliceMs?: number;
}

/** A running background: its handlers (for tests), the index promise and its timings. */
export interface BackgroundService {
  handlers: CallHandlers<BackgroundCalls>;
  /** Settles when both corpora have loaded or failed (see diagnostics()' errors). */
  ready: Promise<void>;
  /** The corpora as loaded (for tests). */
  holder: IndexHolder;
  jobs: ImportJobs;
  feeds: FeedService;
  tabs: TabStateStore;
  matcher: PageMatcher;
  diagnostics(): Diagnostics;
  /** Registers the message, tab and storage listeners; answers the function removing them. */
  start(): () => void;
}

export { deriveTabState, matchOptionsOf } from './match-options';

/** Creates the service and starts loading the index at once (cold start is timed from here). */
export function createBackgroundService(options: BackgroundServiceOptions): BackgroundService {
  const now = options.now ?? (() => performance.now());
  const log = options.log ?? ((line: string) => console.info(line));
  const { store, pause, chunk } = options;
  const loadUser = store ? () => UserCorpus.load({ store, log, pause, chunk }) : undefined;
  const holder = holdIndex(options.loadIndex, now, log, options.startedAt ?? now(), { loadUser, warmUp: options.warmUp });
  const corpus = createCorpusHandlers({ holder, askPage: options.askPage, idleMs: options.idleMs, pause, chunk });
  const feeds = createFeedService({ holder, jobs: corpus.jobs, ...options.feeds });
  const askPage = options.askPage ?? ((tabId: number) => sendToTab(tabId, 'pageArticle', {}));
  const reads = createReadPageHandlers({ holder, jobs: corpus.jobs, askPage, now: options.feeds?.now ?? Date.now });
  const tabs = createTabStateStore({ log });
  const matcher = createPageMatcher({ holder, tabs, now, sliceMs: options.matchSliceMs });
  const pageUrls = createTabUrls();
  const cards = createCardRelay({ tabs });
  const noteSender = (sender: Sender) => sender.tab?.id !== undefined && pageUrls.note(sender.tab.id, sender.url);
  const syncTabs = (settings: Settings) => syncTabsWithSettings(tabs, settings, pageUrls);
  const handlers: CallHandlers<BackgroundCalls> = noticing({
    ...createSettingsHandlers(syncTabs),
    ...createExtractHandlers(),
    matchPage: (data, sender) => (noteSender(sender), matcher.match(data, sender)),
    async pageState(data, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'pageState must come from a tab' };
      noteSender(sender);
      const state = reportedState(data, sender);
      if (!state) return { ok: false, error: 'pageState is "no-article", "off" or "too-large" (with a reason)' };
      matcher.drop(tabId);
      await tabs.set(tabId, state);
      return { ok: true, value: null };
    },
    async getTabState(data) {
      if (typeof data.tabId !== 'number') return { ok: false, error: 'getTabState needs { tabId: number }' };
      const [url, stored, settings] = await Promise.all([tabUrl(data.tabId, pageUrls), tabs.get(data.tabId), readSettings()]);
      return { ok: true, value: deriveTabState(url, stored, settings) };
    },
    getDiagnostics: async () => ({ ok: true, value: holder.diagnostics() }),
    ...cards.handlers,
    ...corpus.handlers,
    ...feeds.handlers,
    ...reads,
  }, (name) => holder.recordCall(name, now()));
  return {
    handlers, ready: holder.ready, holder, jobs: corpus.jobs, feeds, tabs, matcher, diagnostics: holder.diagnostics,
    start: () => {
      const stopFeeds = feeds.start();
      const stop = startListeners(handlers, tabs, matcher, syncTabs, pageUrls, cards);
      return () => (stopFeeds(), stop());
    },
  };
}

/** The same handlers, each first telling `heard` its call's name (the worker's first call is
 *  the one that woke it: cold starts are timed from it as well as from the worker's start). */
function noticing(handlers: CallHandlers<BackgroundCalls>, heard: (name: string) => void): CallHandlers<BackgroundCalls> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handle] of Object.entries(handlers) as [string, (data: unknown, sender: Sender) => unknown][]) {
    wrapped[name] = (data: unknown, sender: Sender) => (heard(name), handle(data, sender));
  }
  return wrapped as unknown as CallHandlers<BackgroundCalls>;
}

/** The state a content script reports (pageState's data), or null when it is not one. */
function reportedState(data: { state?: unknown; reason?: unknown }, sender: Sender): TabState | null {
  if (data.state === 'off') return { state: 'off', site: siteOf(sender.url ?? '') ?? '' };
  if (data.state === 'no-article') return typeof data.reason === 'string' && data.reason ? { state: 'no-article', reason: data.reason.slice(0, 200) } : { state: 'no-article' };
  if (data.state === 'too-large' && typeof data.reason === 'string') return { state: 'too-large', reason: data.reason.slice(0, 300) };
  return null;
}

function startListeners(
  handlers: CallHandlers<BackgroundCalls>, tabs: TabStateStore, matcher: PageMatcher, syncTabs: (s: Settings) => Promise<void>, pageUrls: TabUrls,
  cards: CardRelay,
): () => void {
  const stopCalls = onBackgroundCall(handlers);
  // Any navigation of the tab (new URL or reload) makes the old report stale, and its match unwanted.
  const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
    if (change.status !== 'loading') return;
    matcher.drop(tabId);
    cards.forget(tabId);
    void tabs.set(tabId, { state: 'pending' });
  };
  const onRemoved = (tabId: number) => {
    matcher.drop(tabId);
    cards.forget(tabId);
    pageUrls.forget(tabId);
    void tabs.remove(tabId);
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  const resync = () => void readSettings().then(syncTabs);
  const unwatch = [enabledItem.watch(resync), disabledSitesItem.watch(resync)];
  void repairStoredSettings();
  return () => {
    stopCalls();
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onRemoved.removeListener(onRemoved);
    for (const stop of unwatch) stop();
  };
}

/** Marks every tab whose site is now off as 'off' (clearing its badge), and every tab that was
 *  off but is on again as 'pending' (its content script rescans and sends matchPage). A tab's
 *  URL is the browser's when it tells (activeTab), else the one its content script sent from. */
export async function syncTabsWithSettings(tabs: TabStateStore, settings: Settings, pageUrls: TabUrls = createTabUrls()): Promise<void> {
  const open = await browser.tabs.query({});
  await Promise.all(
    open.map(async ({ id, url: shown }) => {
      const url = shown ?? (id === undefined ? undefined : pageUrls.get(id));
      if (id === undefined || url === undefined || !isSupportedUrl(url)) return;
      const current = await tabs.get(id);
      if (!isSiteEnabled(url, settings)) {
        if (current?.state !== 'off') await tabs.set(id, { state: 'off', site: siteOf(url) ?? '' });
      } else if (current?.state === 'off') {
        await tabs.set(id, { state: 'pending' });
      }
    }),
  );
}

/** The tab's URL (the browser's, else the one its content script sent from); '' for a tab
 *  that does not exist (shown as unsupported, not as scanning forever); undefined when
 *  neither tells. */
async function tabUrl(tabId: number, pageUrls: TabUrls): Promise<string | undefined> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab ? (tab.url ?? pageUrls.get(tabId)) : '';
  } catch {
    return '';
  }
}
