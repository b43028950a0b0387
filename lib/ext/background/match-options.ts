/** Two rules the background applies to every page: the match options the settings ask for,
 *  and the state the popup shows for a tab. */
import type { MatchKind, MatchOptions } from '../../match/types';
import type { TabState } from '../messaging/messages';
import type { MatchSettings, Settings } from '../settings/settings';
import { isSiteEnabled, isSupportedUrl, siteOf } from '../settings/site-rules';

/** The match options for the stored settings: paraphrases only when switched on, shared quotes
 *  left out when the user hid them. */
export function matchOptionsOf(settings: MatchSettings): MatchOptions {
  const kinds: MatchKind[] = settings.showParaphrase ? ['verbatim', 'reworded', 'paraphrase'] : ['verbatim', 'reworded'];
  return { kinds, strictness: settings.strictness, ...(settings.hideQuotes ? { hideQuotes: true } : {}) };
}

/** The state the popup should show: the switch and the URL win over a stored report. */
export function deriveTabState(url: string | undefined, stored: TabState | undefined, settings: Settings): TabState {
  if (url !== undefined && !isSupportedUrl(url)) return { state: 'unsupported' };
  if (url !== undefined && !isSiteEnabled(url, settings)) return { state: 'off', site: siteOf(url) ?? '' };
  return stored ?? { state: 'pending' };
}
