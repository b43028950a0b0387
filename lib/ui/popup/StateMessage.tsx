/** The popup's message for a tab without a report to list (or with nothing echoed). */
import type { TabState } from '../../ext/messaging/messages';

/** Props: the tab state (null while it is being fetched), whether Echoes is on at all, and
 *  whether the page has been scanning for long. */
export interface StateMessageProps { state: TabState | null; globalEnabled: boolean; slow?: boolean }

/** The heading and explanation for `state`; null for a report with echoes (the list shows it). */
export function stateMessage(state: TabState | null, globalEnabled: boolean, slow = false): { title: string; detail: string } | null {
  if (state === null) return { title: 'Loading…', detail: 'Asking the page what it found.' };
  switch (state.state) {
    case 'unsupported':
      return { title: 'Echoes can’t run on this page', detail: 'Browser pages, extension pages and the add-on stores are off limits to extensions.' };
    case 'off':
      return globalEnabled
        ? { title: `Echoes is off for ${state.site || 'this site'}`, detail: 'Switch it on above to highlight echoed sentences here.' }
        : { title: 'Echoes is switched off', detail: 'Switch it on to highlight echoed sentences on news pages.' };
    case 'pending':
      return slow
        ? { title: 'Still scanning…', detail: 'This is taking long. Pages that were open before Echoes was installed or updated need a reload.' }
        : { title: 'Still scanning…', detail: 'Echoes is reading this page and comparing its sentences.' };
    case 'no-article':
      return state.reason
        ? { title: 'No article checked', detail: `Echoes skipped this page: ${state.reason}.` }
        : { title: 'No article found', detail: 'Echoes looks for the main text of a news article; this page doesn’t seem to have one.' };
    case 'too-large':
      return { title: 'Page too large to check', detail: `${state.reason}. Echoes skips pages this size so the other tabs stay quick.` };
    case 'ok':
      return state.report.summary.echoed === 0
        ? { title: 'Nothing echoed', detail: `None of the ${state.report.summary.sentences} sentences appear in the other outlets’ articles.` }
        : null;
  }
}

/** Renders stateMessage as a polite live region, so a change of state is announced. */
export function StateMessage({ state, globalEnabled, slow = false }: StateMessageProps) {
  const message = stateMessage(state, globalEnabled, slow);
  if (!message) return null;
  return (
    <div class={`state state-${state?.state ?? 'loading'}`} role="status">
      <p class="state-title">{message.title}</p>
      <p class="state-detail">{message.detail}</p>
    </div>
  );
}
