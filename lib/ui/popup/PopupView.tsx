/** The toolbar popup: switches, then the tab's state or its report (summary, outlets,
 *  echoed sentences). Pure view: data and actions come in as props. */
import type { ArticleRetention, TabState } from '../../ext/messaging/messages';
import type { Report } from '../../report/types';
import { AddPage, type AddPageAction } from './AddPage';
import { DiffLegend } from '../DiffView';
import { NewsroomNote } from './NewsroomNote';
import { echoedSentences, outletShares, summaryText } from './report-view';
import { ProvenanceSummary } from './ProvenanceSummary';
import { SentenceItem, type SentenceItemProps } from './SentenceItem';
import { StateMessage } from './StateMessage';
import { Switch } from '../Switch';

/** What the popup knows. `state` null = still being fetched; `site` null = no site switch. */
export interface PopupModel {
  state: TabState | null;
  site: string | null;
  siteEnabled: boolean;
  globalEnabled: boolean;
  /** A failure to show (e.g. the background did not answer), or null. */
  error: string | null;
  /** The page has been 'pending' for long (its content script may be missing). */
  slow?: boolean;
  /** What retention may do to the report's matched articles that came from feeds or reading,
   *  by article id (absent: they always stay, or it is not known). */
  retention?: Record<string, ArticleRetention>;
}

/** What the popup can do. */
export interface PopupActions {
  setSiteEnabled(enabled: boolean): void;
  setGlobalEnabled(enabled: boolean): void;
  reveal(index: number): void;
  openOptions(): void;
  /** Imports the tab's article into the user's corpus. */
  addPage: AddPageAction;
  /** Pins a matched feed or read article (retention keeps it), or unpins it. */
  setPinned(articleId: string, pinned: boolean): void;
}

/** The whole popup. */
export function PopupView({ model, actions }: { model: PopupModel; actions: PopupActions }) {
  const report = model.state?.state === 'ok' && model.state.report.summary.echoed > 0 ? model.state.report : null;
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>Echoes</h1>
        <button type="button" class="link" onClick={actions.openOptions}>Settings</button>
      </header>
      <section class="switches" aria-label="Switches">
        {model.site !== null && (
          <Switch label={`On for ${model.site}`} checked={model.siteEnabled} disabled={!model.globalEnabled} onChange={actions.setSiteEnabled} />
        )}
        <Switch label="On everywhere" checked={model.globalEnabled} onChange={actions.setGlobalEnabled} />
      </section>
      {model.error && <p class="error" role="alert">{model.error}</p>}
      <StateMessage state={model.state} globalEnabled={model.globalEnabled} slow={model.slow ?? false} />
      {model.state?.state === 'ok' && <NewsroomNote report={model.state.report} />}
      {model.state?.state === 'ok' && <AddPage addPage={actions.addPage} />}
      {report && <ReportView report={report} onReveal={actions.reveal} retention={model.retention} onPin={actions.setPinned} />}
    </main>
  );
}

function ReportView({ report, onReveal, retention, onPin }: { report: Report; onReveal: (index: number) => void } & Pick<SentenceItemProps, 'retention' | 'onPin'>) {
  return (
    <>
      <p class="summary">{summaryText(report)}</p>
      <ProvenanceSummary report={report} />
      <section aria-labelledby="outlets-heading">
        <h2 id="outlets-heading">Outlets</h2>
        <ul class="outlets">
          {outletShares(report).map((o) => (
            <li key={o.outlet}>
              <span class="outlet-name">{o.outlet}</span>
              {o.credit && <span class="credit"> ({o.credit})</span>}
              {report.newsroom?.outlets.includes(o.outlet) && <span class="from-newsroom"> · newsroom server</span>}
              <span class="outlet-count">{o.sentences === 1 ? '1 sentence' : `${o.sentences} sentences`}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="sentences-heading">
        <h2 id="sentences-heading">Echoed sentences</h2>
        <DiffLegend />
        <ol class="sentences">
          {echoedSentences(report).map((s) => (
            <SentenceItem key={s.index} sentence={s} onReveal={onReveal} retention={retention} onPin={onPin} />
          ))}
        </ol>
      </section>
    </>
  );
}
