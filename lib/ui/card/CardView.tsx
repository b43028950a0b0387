/** The hover card's content, drawn inside the extension's card frame (entrypoints/card): the
 *  outlets that ran the sentence, each match's kind, score and change, and the word diff. All
 *  page and corpus text is shown as text (JSX children), never parsed as HTML. */
import type { ReportMatch, ReportSentence } from '../../report/types';
import { DiffView } from '../DiffView';
import { outletsText, sentenceProvenanceText } from '../provenance-view';
import { isSharedQuote } from '../popup/report-view';

/** Props: the sentence (with its matches) and what the × button does. */
export interface CardViewProps { sentence: ReportSentence; onClose: () => void }

const KIND_LABEL: Record<string, string> = { verbatim: 'Verbatim', reworded: 'Reworded', paraphrase: 'Paraphrase' };

/** "Also ran in 2 outlets" (or "Shares a quotation with 1 outlet"), the provenance line, and
 *  one entry per match, best first. */
export function CardView({ sentence, onClose }: CardViewProps) {
  const outlets = new Set(sentence.matches.map((m) => m.outlet)).size;
  const plural = `${outlets} ${outlets === 1 ? 'outlet' : 'outlets'}`;
  const provenance = cardProvenanceText(sentence);
  return (
    <div class="card" role="dialog" aria-label="Echoes: other outlets that ran this sentence">
      <button type="button" class="close" aria-label="Close" onClick={onClose}>×</button>
      <h2>{isSharedQuote(sentence) ? `Shares a quotation with ${plural}` : `Also ran in ${plural}`}</h2>
      {provenance && <p class="provenance">{provenance}</p>}
      <ol>
        {sentence.matches.map((m) => <CardMatch key={m.articleId} match={m} />)}
      </ol>
    </div>
  );
}

function CardMatch({ match }: { match: ReportMatch }) {
  const details = `${match.reuse === 'quote' ? ' · shared quotation' : ''} · ${Math.round(match.score * 100)}%`
    + `${match.change ? ` · ${match.change}` : ''}${match.published ? ` · ${match.published}` : ''}${match.credit ? ` · ${match.credit}` : ''}`;
  return (
    <li>
      {isWebLink(match.url)
        ? <a class="outlet" href={match.url} target="_blank" rel="noopener noreferrer">{match.outlet}</a>
        : <span class="outlet">{match.outlet}</span>}
      <div class="meta"><span class="kind">{KIND_LABEL[match.kind] ?? match.kind}</span>{details}</div>
      <DiffView diff={match.diff} />
    </li>
  );
}

/** "AFP, via The Moscow Times and TRT World · first ran in The Moscow Times, 11 Jan 2022 ·
 *  uncredited here" (the parts known), or null when nothing is known. */
export function cardProvenanceText(sentence: ReportSentence): string | null {
  const text = sentenceProvenanceText(sentence);
  const parts = [sentence.provenance?.origin ? outletsText(sentence) : null, text.first, text.uncredited ? 'uncredited here' : null];
  return text.first || text.origin ? parts.filter(Boolean).join(' · ') : null;
}

function isWebLink(url: string | null): url is string {
  return !!url && /^https?:\/\//i.test(url);
}
