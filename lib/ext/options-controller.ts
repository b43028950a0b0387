/** The options page's side of the extension: loading settings and corpus, making changes. */
import type { OptionsActions } from '../ui/OptionsView';
import type { CorpusListing } from './messages';
import { sendToBackground } from './messaging';
import type { Settings } from './settings';

/** The current settings and corpus listing; a failed call leaves its part null and says why. */
export async function loadOptionsData(): Promise<{ settings: Settings | null; corpus: CorpusListing | null; error: string | null }> {
  const [settings, corpus] = await Promise.all([sendToBackground('getSettings', {}), sendToBackground('listCorpus', {})]);
  const errors = [settings, corpus].flatMap((r) => (r.ok ? [] : [r.error]));
  return {
    settings: settings.ok ? settings.value : null,
    corpus: corpus.ok ? corpus.value : null,
    error: errors.length > 0 ? errors.join('; ') : null,
  };
}

/** The options actions; `update(settings)` receives the settings each change answers,
 *  `fail(message)` a refusal. */
export function createOptionsActions(update: (settings: Settings) => void, fail: (message: string) => void): OptionsActions {
  const apply = (result: { ok: true; value: Settings } | { ok: false; error: string }): string | null => {
    if (result.ok) update(result.value);
    else fail(result.error);
    return result.ok ? null : result.error;
  };
  return {
    setSiteEnabled: async (site, enabled) => apply(await sendToBackground('setSiteEnabled', { site, enabled })),
    setGlobalEnabled: (enabled) => void sendToBackground('setGlobalEnabled', { enabled }).then(apply),
    setMatchSettings: (settings) => void sendToBackground('setMatchSettings', settings).then(apply),
    async search(query) {
      const result = await sendToBackground('searchCorpus', { query });
      if (!result.ok) fail(result.error);
      return result.ok ? result.value : [];
    },
  };
}
