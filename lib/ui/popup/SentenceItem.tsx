/** One echoed sentence of the page: a button that expands to every outlet's version with its
 *  word diff, and shows the sentence on the page. A version from a feed or read article offers
 *  "Keep this article" (pinned: retention never removes it). */
import { useState } from 'preact/hooks';
import type { ArticleRetention } from '../../ext/messaging/messages';
import type { ReportSentence } from '../../report/types';
import { DiffView } from '../DiffView';
import { outletsText, sentenceProvenanceText } from '../provenance-view';
import { isSharedQuote, kindLabel } from './report-view';

/** Props: the sentence; `onReveal(index)` asks the page to scroll to and flash it; `retention`
 *  is what retention may do to the matched articles by id (absent: they always stay), and
 *  `onPin(articleId, pinned)` pins or unpins one. */
export interface SentenceItemProps {
  sentence: ReportSentence;
  onReveal: (index: number) => void;
  retention?: Readonly<Record<string, ArticleRetention>>;
  onPin?: (articleId: string, pinned: boolean) => void;
}

/** Collapsed: the sentence, the outlets that ran it (under the wire it traces to) and its
 *  provenance line. Clicking expands it and reveals it on
 *  the page; clicking again collapses it. */
export function SentenceItem({ sentence, onReveal, retention, onPin }: SentenceItemProps) {
  const [open, setOpen] = useState(false);
  const panelId = `sentence-${sentence.index}-versions`;
  const toggle = () => {
    if (!open) onReveal(sentence.index);
    setOpen(!open);
  };
  const quote = isSharedQuote(sentence);
  return (
    <li class={quote ? 'sentence sentence-quote' : 'sentence'}>
      <button type="button" class="sentence-toggle" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        <span class="sentence-text">{sentence.text}</span>
        <span class="sentence-outlets">
          {quote ? <span class="reuse-quote">Shares a quotation with </span> : <span class="sr-only">Also in: </span>}
          {outletsText(sentence)}
        </span>
        <ProvenanceLine sentence={sentence} />
      </button>
      {open && (
        <ul id={panelId} class="versions">
          {sentence.matches.map((m) => (
            <li key={m.articleId} class="version">
              <p class="version-head">
                <strong>{m.outlet}</strong>
                {m.credit && <span class="credit"> ({m.credit})</span>}
                <span class={`kind kind-${m.kind}`}> · {kindLabel(m.kind)}</span>
                {m.reuse === 'quote' && <span class="reuse-quote"> · shared quotation</span>}
                {m.change && <span class="change"> · {m.change}</span>}
                {onPin && <KeepButton state={ownState(retention, m.articleId)} outlet={m.outlet} onPin={(pinned) => onPin(m.articleId, pinned)} />}
              </p>
              <DiffView diff={m.diff} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** `retention[id]` when it is the map's own entry (an id such as "constructor" is not one). */
function ownState(retention: SentenceItemProps['retention'], id: string): ArticleRetention | undefined {
  return retention && Object.prototype.hasOwnProperty.call(retention, id) ? retention[id] : undefined;
}

/** "Keep this article" for an article retention may remove; "kept · Unpin" for a pinned one. */
function KeepButton({ state, outlet, onPin }: { state: ArticleRetention | undefined; outlet: string; onPin: (pinned: boolean) => void }) {
  if (!state) return null;
  const pinned = state === 'pinned';
  return (
    <>
      {pinned && <span class="kept"> · kept</span>}
      <button type="button" class="link keep" aria-pressed={pinned} onClick={() => onPin(!pinned)}
        title={pinned ? 'Let retention remove it again once it is old' : 'Pin it: retention never removes it'}>
        {pinned ? 'Unpin' : 'Keep this article'}<span class="sr-only"> from {outlet}</span>
      </button>
    </>
  );
}

/** "first ran in The Moscow Times, 11 Jan 2022 · uncredited here", the parts known. The wire it
 *  traces to is not said again here: the outlets line above already leads with it ("AFP, via …"). */
function ProvenanceLine({ sentence }: { sentence: ReportSentence }) {
  const text = sentenceProvenanceText(sentence);
  const uncredited = text.uncredited && (text.first !== null || text.origin !== null);
  if (!text.first && !uncredited) return null;
  return (
    <span class="provenance">
      {text.first}
      {uncredited && <span class="uncredited">{text.first ? ' · ' : ''}uncredited here</span>}
    </span>
  );
}
