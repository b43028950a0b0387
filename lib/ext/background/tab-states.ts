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

/** A store backed by a Map and storage.session (writes to session storage are best effort:
 *  browsers without it keep the memory copy). */
export function createTabStateStore(): TabStateStore {
  const memory = new Map<number, TabState>();
  return {
    async get(tabId) {
      const known = memory.get(tabId);
      if (known) return known;
      const stored = await readSession(tabId);
      if (stored) memory.set(tabId, stored);
      return stored;
    },
    async set(tabId, state) {
      memory.set(tabId, state);
      await Promise.all([writeSession(tabId, state), setBadge(tabId, badgeTextOf(state))]);
    },
    async remove(tabId) {
      memory.delete(tabId);
      await Promise.all([writeSession(tabId, null), setBadge(tabId, '')]);
    },
  };
}

async function readSession(tabId: number): Promise<TabState | undefined> {
  try {
    const value = await storage.getItem<TabState>(tabStateKey(tabId));
    return value && typeof value === 'object' && typeof value.state === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

async function writeSession(tabId: number, state: TabState | null): Promise<void> {
  try {
    if (state === null) await storage.removeItem(tabStateKey(tabId));
    else await storage.setItem(tabStateKey(tabId), state);
  } catch {
    // No storage.session here (older browsers): the in-memory state is enough.
  }
}
