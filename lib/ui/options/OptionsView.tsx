/** The options page: sites switched off, matching settings, importing articles, the corpus.
 *  Pure view. */
import type { CorpusListing } from '../../ext/messaging/messages';
import type { MatchSettings, Settings } from '../../ext/settings/settings';
import { CorpusBrowser, type CorpusActions } from './CorpusBrowser';
import { FeedsPanel, type FeedsPanelProps } from './FeedsPanel';
import { ImportPanel, type ImportFilesAction } from './ImportPanel';
import { MatchingForm } from './MatchingForm';
import { NewsroomServerForm, type NewsroomActions } from './NewsroomServerForm';
import { PasteForm, type ImportPastedAction } from './PasteForm';
import { SiteList } from './SiteList';
import { Switch } from '../Switch';

/** What the options page can do; setSiteEnabled answers an error message or null. */
export interface OptionsActions extends CorpusActions {
  setSiteEnabled(site: string, enabled: boolean): Promise<string | null>;
  setGlobalEnabled(enabled: boolean): void;
  setMatchSettings(settings: MatchSettings): void;
  importFiles: ImportFilesAction;
  importPasted: ImportPastedAction;
}

/** Props: settings and corpus (null while loading), a failure to show, the actions, and the
 *  largest file an import reads (bytes). */
export interface OptionsViewProps {
  settings: Settings | null;
  corpus: CorpusListing | null;
  error: string | null;
  actions: OptionsActions;
  maxFileBytes: number;
  /** The feeds section (left out where the page has none to show). */
  feeds?: FeedsPanelProps;
  /** The newsroom server section: the address set (null: none) and its actions. */
  newsroom?: { current: string | null; actions: NewsroomActions };
}

/** The whole options page. */
export function OptionsView({ settings, corpus, error, actions, maxFileBytes, feeds, newsroom }: OptionsViewProps) {
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
      {feeds && <FeedsPanel {...feeds} />}
      <ImportPanel importFiles={actions.importFiles} maxFileBytes={maxFileBytes} />
      <PasteForm importPasted={actions.importPasted} />
      <CorpusBrowser corpus={corpus} actions={actions} />
      {newsroom && <NewsroomServerForm current={newsroom.current} actions={newsroom.actions} />}
    </main>
  );
}
