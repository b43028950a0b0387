/** matchPage in the shared background: checks the page against lib/report/limits, keeps one
 *  match per tab (a newer scan or a navigation drops the older one at its next pause), and
 *  matches in slices of a few milliseconds, so the popup and the other tabs are answered
 *  while a long page is being matched. */
import { runStepsTimed } from '../../match/index/steps';
import { reportSteps } from '../../report/build-report';
import { pageDataError, type PageData } from '../../report/limits';
import type { Report } from '../../report/types';
import { splitSentences } from '../../text/sentences';
import type { CallResult } from '../messaging/messages';
import type { Sender } from '../messaging/messaging';
import { isSiteEnabled, siteOf } from '../settings/site-rules';
import { readBuiltinHidden, readSettings } from '../settings/storage';
import { newsroomPartFor, withNewsroom } from '../newsroom/newsroom-match';
import { combineIndexes } from './combined-index';
import type { IndexHolder } from './index-holder';
import { deriveTabState, matchOptionsOf } from './match-options';
import type { TabStateStore } from './tab-states';
import { pageClaimsOf } from './page-claims';
import { createSliceScheduler, type SliceScheduler } from './slice-scheduler';

/** How long one slice of matching runs before the background answers others (ms). */
export const MATCH_SLICE_MS = 8;

/** What the matcher needs; `scheduler` decides whose slice runs next (default: a new one
 *  over zero timeouts). */
export interface PageMatcherOptions {
  holder: IndexHolder;
  tabs: TabStateStore;
  now: () => number;
  scheduler?: SliceScheduler;
  sliceMs?: number;
}

/** The matcher of the background: `match` answers matchPage; `drop` stops the tab's match
 *  in progress (the tab navigated or closed); `inFlight` counts matches running (for tests). */
export interface PageMatcher {
  match(data: unknown, sender: Sender): Promise<CallResult<Report>>;
  drop(tabId: number): void;
  inFlight(): number;
}

/** Creates the matcher. Each tab's latest request holds a ticket; an older one still running
 *  sees at its next pause that it is no longer wanted and answers a refusal saying so. */
export function createPageMatcher(options: PageMatcherOptions): PageMatcher {
  const opts = { ...options, scheduler: options.scheduler ?? createSliceScheduler() };
  const latest = new Map<number, number>();
  let tickets = 0;
  let running = 0;
  const match = async (data: unknown, sender: Sender): Promise<CallResult<Report>> => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, error: 'matchPage must come from a tab' };
    const refusal = pageDataError(data);
    if (refusal) {
      await opts.tabs.set(tabId, { state: 'too-large', reason: refusal });
      return { ok: false, error: refusal };
    }
    const ticket = ++tickets;
    latest.set(tabId, ticket);
    const wanted = () => latest.get(tabId) === ticket;
    running += 1;
    try {
      return await matchWanted(data as PageData, tabId, sender.url ?? (data as PageData).url, wanted, opts);
    } finally {
      running -= 1;
      if (wanted()) latest.delete(tabId);
    }
  };
  return { match, drop: (tabId) => void latest.delete(tabId), inFlight: () => running };
}

const DROPPED = 'a newer scan of this tab replaced this one';

async function matchWanted(data: PageData, tabId: number, url: string, wanted: () => boolean, opts: PageMatcherOptions & { scheduler: SliceScheduler }): Promise<CallResult<Report>> {
  const { holder, tabs, now } = opts;
  const [settings, builtinHidden] = await Promise.all([readSettings(), readBuiltinHidden()]);
  if (!isSiteEnabled(url, settings)) {
    await tabs.set(tabId, deriveTabState(url, undefined, settings));
    return { ok: false, error: `Echoes is switched off for ${siteOf(url) ?? 'this page'}` };
  }
  const loaded = await holder.need();
  if (!loaded.ok) return loaded;
  if (!wanted()) return { ok: false, error: DROPPED };
  const started = now();
  const page = {
    source: data.url, text: data.text, blockStarts: data.blockStarts, title: data.title, outlet: data.outlet, url: data.url,
    ...pageClaimsOf(data as unknown as Record<string, unknown>, data.text, data.blockStarts),
  };
  const { builtin, user } = loaded.value;
  const options = matchOptionsOf(settings.matchSettings);
  // A just-woken worker has the user index but not yet every article's text: fetch the texts of
  // this page's candidates only, answer, then read the rest.
  const woken = user !== null && user.textsPending;
  if (woken) {
    const fetched = await user.fetchTextsFor(splitSentences(page.text, page.blockStarts).map((s) => s.text), options);
    holder.recordTextFetch(fetched.articles, now() - started, fetched.lookupMs);
  }
  const newsroom = await newsroomPartFor(page, options.kinds);
  if (!wanted()) return { ok: false, error: DROPPED };
  const remote = newsroom && 'index' in newsroom ? newsroom.index : null;
  const index = combineIndexes([user && user.size > 0 ? user.index : null, builtinHidden ? null : builtin, remote]);
  let [consumedMs, resumedAt] = [0, now()];
  const pause = async () => {
    consumedMs += now() - resumedAt;
    await opts.scheduler.pause(consumedMs);
    resumedAt = now();
  };
  const pacing = { pause, now, sliceMs: opts.sliceMs ?? MATCH_SLICE_MS, stillWanted: wanted };
  const built = await runStepsTimed(reportSteps(page, index, options), pacing);
  // The rest of the texts once this answer is on its way (reading them holds the worker's thread).
  if (woken) setTimeout(() => void user.whenTextsLoaded(), 0);
  if (built === null) return { ok: false, error: DROPPED };
  if (!built.ok) {
    await tabs.set(tabId, { state: 'too-large', reason: built.error });
    return built;
  }
  holder.recordMatch(now() - started, now());
  const report = withNewsroom(built.report, newsroom);
  await tabs.set(tabId, { state: 'ok', report });
  return { ok: true, value: report };
}
