/** One echoed sentence of the page: a button that expands to every outlet's version with its
 *  word diff, and shows the sentence on the page. */
import { useState } from 'preact/hooks';
import type { ReportSentence } from '../report/types';
import { DiffView } from './DiffView';
import { kindLabel } from './report-view';

/** Props: the sentence; `onReveal(index)` asks the page to scroll to and flash it. */
export interface SentenceItemProps { sentence: ReportSentence; onReveal: (index: number) => void }

/** Collapsed: the sentence and the outlets that ran it. Clicking expands it and reveals it on
 *  the page; clicking again collapses it. */
export function SentenceItem({ sentence, onReveal }: SentenceItemProps) {
  const [open, setOpen] = useState(false);
  const panelId = `sentence-${sentence.index}-versions`;
  const toggle = () => {
    if (!open) onReveal(sentence.index);
    setOpen(!open);
  };
  return (
    <li class="sentence">
      <button type="button" class="sentence-toggle" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        <span class="sentence-text">{sentence.text}</span>
        <span class="sentence-outlets">
          <span class="sr-only">Also in: </span>
          {[...new Set(sentence.matches.map((m) => m.outlet))].join(' · ')}
        </span>
      </button>
      {open && (
        <ul id={panelId} class="versions">
          {sentence.matches.map((m) => (
            <li key={m.articleId} class="version">
              <p class="version-head">
                <strong>{m.outlet}</strong>
                {m.credit && <span class="credit"> ({m.credit})</span>}
                <span class={`kind kind-${m.kind}`}> · {kindLabel(m.kind)}</span>
                {m.change && <span class="change"> · {m.change}</span>}
              </p>
              <DiffView diff={m.diff} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
