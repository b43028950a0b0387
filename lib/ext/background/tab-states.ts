/** Each tab's TabState, kept in memory and in storage.session (so a service worker that was
 *  stopped and restarted still knows it), plus the toolbar badge that mirrors it. */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { TabState } from '../messaging/messages';

/** Where a tab's state is kept in session storage. */
export function tabStateKey(tabId: number): `session:${string}` {
  return `session:tabState:${tabId}`;
}

/** The badge text for a state: the number of echoed sentences of a report with any, else ''. */
export function badgeTextOf(state: TabState): string {
  return state.state === 'ok' && state.report.summary.echoed > 0 ? String(state.report.summary.echoed) : '';
}

/** The toolbar button API: `action` in MV3, `browserAction` in Firefox's MV2. */
function toolbarAction() {
  return browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
}

/** Sets tab `tabId`'s badge text ('' clears it). Never throws: a closed tab is ignored. */
export async function setBadge(tabId: number, text: string): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  try {
    await action.setBadgeText({ tabId, text });
    if (text !== '') await action.setBadgeBackgroundColor({ tabId, color: '#5b3cc4' });
  } catch {
    // The tab went away between the answer and the badge: nothing to show.
  }
}

/** Tab states by tab id; every change also sets the tab's badge. */
export interface TabStateStore {
  /** The tab's state, from memory or (after a worker restart) session storage; undefined if none. */
  get(tabId: number): Promise<TabState | undefined>;
  /** Stores the state and sets the badge from it. */
  set(tabId: number, state: TabState): Promise<void>;
  /** Forgets the tab (closed) and clears its badge. */
  remove(tabId: number): Promise<void>;
}

/** Most tabs whose state is kept: past it, the tab set longest ago is forgotten (memory and
 *  session storage), so a session of thousands of tabs cannot grow the worker without bound. */
export const MAX_TAB_STATES = 200;

/** Options of the store: where failures to keep a state in session storage are reported, and
 *  the bound on tabs kept. */
export interface TabStateStoreOptions { log?: (line: string) => void; maxTabs?: number }

/** A store backed by a Map and storage.session. A browser without storage.session keeps the
 *  memory copy only; a write that fails (full: 10 MB for all tabs) is logged, and the memory
 *  copy still answers until the worker stops. */
export function createTabStateStore(opts: TabStateStoreOptions = {}): TabStateStore {
  const memory = new Map<number, TabState>();
  const log = opts.log ?? ((line: string) => console.warn(line));
  const maxTabs = opts.maxTabs ?? MAX_TAB_STATES;
  const write = (tabId: number, state: TabState | null) => writeSession(tabId, state).catch((error: unknown) => {
    log(`[echoes] could not keep tab ${tabId}'s state in session storage: ${error instanceof Error ? error.message : String(error)}`);
  });
  return {
    async get(tabId) {
      const known = memory.get(tabId);
      if (known) return known;
      const stored = await readSession(tabId);
      if (stored) memory.set(tabId, stored);
      return stored;
    },
    async set(tabId, state) {
      memory.delete(tabId); // re-inserted last: the Map's order is the order of last change
      memory.set(tabId, state);
      const evicted = memory.size > maxTabs ? memory.keys().next().value : undefined;
      if (evicted !== undefined) memory.delete(evicted);
      await Promise.all([write(tabId, state), setBadge(tabId, badgeTextOf(state)), evicted !== undefined && write(evicted, null)]);
    },
    async remove(tabId) {
      memory.delete(tabId);
      await Promise.all([write(tabId, null), setBadge(tabId, '')]);
    },
  };
}

async function readSession(tabId: number): Promise<TabState | undefined> {
  if (!hasSessionStorage()) return undefined;
  try {
    const value = await storage.getItem<TabState>(tabStateKey(tabId));
    return value && typeof value === 'object' && typeof value.state === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes (or with null removes) the tab's state; throws when the browser refuses. */
async function writeSession(tabId: number, state: TabState | null): Promise<void> {
  if (!hasSessionStorage()) return; // older browsers: the in-memory state is enough
  if (state === null) await storage.removeItem(tabStateKey(tabId));
  else await storage.setItem(tabStateKey(tabId), state);
}

function hasSessionStorage(): boolean {
  return Boolean((browser.storage as { session?: unknown } | undefined)?.session);
}
