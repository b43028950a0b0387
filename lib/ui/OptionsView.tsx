/** The options page: sites switched off, matching settings, the corpus. Pure view. */
import type { CorpusListing, CorpusSearchHit } from '../ext/messages';
import type { MatchSettings, Settings } from '../ext/settings';
import { CorpusBrowser } from './CorpusBrowser';
import { MatchingForm } from './MatchingForm';
import { SiteList } from './SiteList';
import { Switch } from './Switch';

/** What the options page can do; setSiteEnabled answers an error message or null. */
export interface OptionsActions {
  setSiteEnabled(site: string, enabled: boolean): Promise<string | null>;
  setGlobalEnabled(enabled: boolean): void;
  setMatchSettings(settings: MatchSettings): void;
  search(query: string): Promise<CorpusSearchHit[]>;
}

/** Props: settings and corpus (null while loading), a failure to show, the actions. */
export interface OptionsViewProps { settings: Settings | null; corpus: CorpusListing | null; error: string | null; actions: OptionsActions }

/** The whole options page. */
export function OptionsView({ settings, corpus, error, actions }: OptionsViewProps) {
  return (
    <main class="options">
      <h1>Echoes settings</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {settings && (
        <>
          <Switch label="Echoes is on" checked={settings.enabled} onChange={actions.setGlobalEnabled} />
          <SiteList sites={settings.disabledSites} setSiteEnabled={actions.setSiteEnabled} />
          <MatchingForm settings={settings.matchSettings} save={actions.setMatchSettings} />
        </>
      )}
      <CorpusBrowser corpus={corpus} search={actions.search} />
    </main>
  );
}
