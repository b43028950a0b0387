/** The popup's side of the extension: which tab it is about, and loading/changing what it shows. */
import { browser } from 'wxt/browser';
import type { PopupActions, PopupModel } from '../../ui/popup/PopupView';
import type { Report } from '../../report/types';
import { MAX_RETENTION_IDS } from '../feeds/pinned-articles';
import type { ArticleRetention, TabState } from '../messaging/messages';
import { sendToBackground, sendToTab } from '../messaging/messaging';
import { isSiteListed, isSupportedUrl, siteOf } from '../settings/site-rules';

/** The tab the popup describes: `?tabId=N` in `search` (tests open the popup as a page),
 *  else the active tab of the current window; null when there is none. */
export async function resolveTabId(search: string): Promise<number | null> {
  const fromQuery = Number.parseInt(new URLSearchParams(search).get('tabId') ?? '', 10);
  if (Number.isInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

async function tabUrl(tabId: number): Promise<string | null> {
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}

/** The site the popup's switch is for: from the tab's URL when the browser shows it (activeTab,
 *  granted by the toolbar click), else from what the background heard from the tab's content
 *  script (the report's page, or the site it is off for): without the `tabs` permission a popup
 *  opened any other way (popup.html?tabId=N) sees no URL. null = no switch. */
export function siteForTab(url: string | null, state: TabState | null): string | null {
  if (url !== null) return isSupportedUrl(url) ? siteOf(url) : null;
  if (state?.state === 'off') return state.site;
  const pageUrl = state?.state === 'ok' ? state.report.page.url : null;
  return pageUrl && isSupportedUrl(pageUrl) ? siteOf(pageUrl) : null;
}

/** Everything the popup shows for `tabId`, from the background; failures become `error`. */
export async function loadPopupModel(tabId: number | null): Promise<PopupModel> {
  if (tabId === null) return { state: { state: 'unsupported' }, site: null, siteEnabled: false, globalEnabled: true, error: null };
  const [url, settings, state] = await Promise.all([
    tabUrl(tabId),
    sendToBackground('getSettings', {}),
    sendToBackground('getTabState', { tabId }),
  ]);
  const site = siteForTab(url, state.ok ? state.value : null);
  const errors = [settings, state].flatMap((r) => (r.ok ? [] : [r.error]));
  const retention = state.ok && state.value.state === 'ok' ? await matchedRetention(state.value.report) : undefined;
  return {
    retention,
    state: state.ok ? state.value : null,
    site,
    siteEnabled: settings.ok && site !== null ? !isSiteListed(site, settings.value.disabledSites) : true,
    globalEnabled: settings.ok ? settings.value.enabled : true,
    error: errors.length > 0 ? `Echoes could not load this tab: ${errors.join('; ')}` : null,
  };
}

/** What retention may do to the report's matched articles (undefined when none is asked
 *  about, or the background did not say: the popup then offers no "Keep"). */
async function matchedRetention(report: Report): Promise<Record<string, ArticleRetention> | undefined> {
  const ids = [...new Set(report.sentences.flatMap((s) => s.matches.map((m) => m.articleId)))].slice(0, MAX_RETENTION_IDS);
  if (ids.length === 0) return undefined;
  const answer = await sendToBackground('getArticleRetention', { ids });
  return answer.ok ? answer.value : undefined;
}

/** The popup's actions for `tabId`; each change calls `refresh` once the background answered,
 *  and `fail(message)` when it refused. */
export function createPopupActions(tabId: number | null, site: () => string | null, refresh: () => void, fail: (message: string) => void): PopupActions {
  const after = (pending: Promise<{ ok: boolean; error?: string }>) =>
    void pending.then((result) => (result.ok ? refresh() : fail(result.error ?? 'the change was refused')));
  return {
    setSiteEnabled(enabled) {
      const current = site();
      if (current !== null) after(sendToBackground('setSiteEnabled', { site: current, enabled }));
    },
    setGlobalEnabled: (enabled) => after(sendToBackground('setGlobalEnabled', { enabled })),
    reveal(index) {
      if (tabId !== null) void sendToTab(tabId, 'revealSentence', { index });
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
    addPage: async () => (tabId === null ? { ok: false, error: 'no tab to add' } : sendToBackground('addPageToCorpus', { tabId })),
    setPinned: (articleId, pinned) => after(sendToBackground('setArticlePinned', { id: articleId, pinned })),
  };
}
