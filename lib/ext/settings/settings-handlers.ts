/** Background handlers of the settings calls (extension pages only; see BACKGROUND_ACCESS). */
import type { BackgroundCalls, CallResult } from '../messaging/messages';
import type { CallHandlers } from '../messaging/messaging';
import { migrateMatchSettings, type Settings } from './settings';
import { parseSiteInput } from './site-rules';
import { enabledItem, matchSettingsItem, readSettings, writeSiteEnabled } from './storage';

type SettingsCalls = Pick<BackgroundCalls, 'getSettings' | 'setSiteEnabled' | 'setGlobalEnabled' | 'setMatchSettings'>;

/** The settings handlers; `onChanged` runs after every successful write (the background uses
 *  it to bring tab states and badges in line at once rather than waiting for storage events). */
export function createSettingsHandlers(onChanged: (settings: Settings) => Promise<void>): CallHandlers<SettingsCalls> {
  const changed = async (): Promise<CallResult<Settings>> => {
    const settings = await readSettings();
    await onChanged(settings);
    return { ok: true, value: settings };
  };
  return {
    getSettings: async () => ({ ok: true, value: await readSettings() }),
    async setSiteEnabled(data) {
      const parsed = parseSiteInput(typeof data.site === 'string' ? data.site : '');
      if (!parsed.ok) return parsed;
      if (typeof data.enabled !== 'boolean') return { ok: false, error: 'setSiteEnabled needs enabled: true or false' };
      await writeSiteEnabled(parsed.site, data.enabled);
      return changed();
    },
    async setGlobalEnabled(data) {
      if (typeof data.enabled !== 'boolean') return { ok: false, error: 'setGlobalEnabled needs enabled: true or false' };
      await enabledItem.setValue(data.enabled);
      return changed();
    },
    async setMatchSettings(data) {
      await matchSettingsItem.setValue(migrateMatchSettings(data));
      return changed();
    },
  };
}
