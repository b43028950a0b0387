import type { DiffOp } from '../match/types';
import type { ReportMatch, ReportSentence } from '../report/types';
import { outletsText, sentenceProvenanceText } from '../ui/provenance-view';

/** CSS of the hover card, inside its shadow root (the page's CSS cannot reach it). */
export const CARD_CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; display: block; }
:host([hidden]) { display: none; }
.card { box-sizing: border-box; max-width: min(440px, calc(100vw - 16px)); max-height: min(60vh, 480px);
  overflow: auto; padding: 10px 12px; border-radius: 8px; font: 13px/1.45 system-ui, sans-serif;
  color: #1d1d1f; background: #fff; border: 1px solid rgba(0,0,0,.18); box-shadow: 0 6px 24px rgba(0,0,0,.22); }
@media (prefers-color-scheme: dark) { .card { color: #eee; background: #232326; border-color: rgba(255,255,255,.2); } }
h2 { font-size: 12px; margin: 0 0 6px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; opacity: .75; }
ol { list-style: none; margin: 0; padding: 0; }
li + li { margin-top: 8px; padding-top: 8px; border-top: 1px solid rgba(127,127,127,.25); }
.outlet { font-weight: 600; color: inherit; }
a.outlet { text-decoration: underline; }
.meta { font-size: 12px; opacity: .8; }
.provenance { font-size: 12px; margin: 0 0 8px; }
.kind { font-weight: 600; }
.diff { margin: 4px 0 0; }
ins { text-decoration: underline; background: rgba(40,170,80,.22); }
del { text-decoration: line-through; background: rgba(220,60,60,.2); }
.sign { font-weight: 700; padding-right: 1px; }
.close { float: right; border: 0; background: transparent; color: inherit; font-size: 16px; cursor: pointer; }
`;

const KIND_LABEL: Record<string, string> = {
  verbatim: 'Verbatim', reworded: 'Reworded', paraphrase: 'Paraphrase',
};

/** Builds the card's content for one sentence: the outlets that ran it, each match's kind,
 *  score and change, and the word diff (<ins>/<del> with a visible + / − sign). All page and
 *  corpus text is set through textContent, never parsed as HTML. */
export function renderCard(doc: Document, sentence: ReportSentence, onClose: () => void): HTMLElement {
  const card = el(doc, 'div', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', 'Echoes: other outlets that ran this sentence');
  const close = el(doc, 'button', 'close', '×');
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', onClose);
  const outlets = new Set(sentence.matches.map((m) => m.outlet)).size;
  const plural = `${outlets} ${outlets === 1 ? 'outlet' : 'outlets'}`;
  const quoteOnly = sentence.matches.every((m) => m.reuse === 'quote');
  card.append(close, el(doc, 'h2', '', quoteOnly ? `Shares a quotation with ${plural}` : `Also ran in ${plural}`));
  const provenance = provenanceText(sentence);
  if (provenance) card.append(el(doc, 'p', 'provenance', provenance));
  const list = el(doc, 'ol', '');
  for (const match of sentence.matches) list.append(renderMatch(doc, match));
  card.append(list);
  return card;
}

function renderMatch(doc: Document, match: ReportMatch): HTMLElement {
  const item = el(doc, 'li', '');
  const outlet = safeLink(match.url) ? el(doc, 'a', 'outlet', match.outlet) : el(doc, 'span', 'outlet', match.outlet);
  if (outlet.tagName === 'A') {
    outlet.setAttribute('href', match.url!);
    outlet.setAttribute('target', '_blank');
    outlet.setAttribute('rel', 'noopener noreferrer');
  }
  const meta = el(doc, 'div', 'meta');
  meta.append(el(doc, 'span', 'kind', KIND_LABEL[match.kind] ?? match.kind),
    doc.createTextNode(`${match.reuse === 'quote' ? ' · shared quotation' : ''} · ${Math.round(match.score * 100)}%${match.change ? ` · ${match.change}` : ''}`
      + `${match.published ? ` · ${match.published}` : ''}${match.credit ? ` · ${match.credit}` : ''}`));
  item.append(outlet, meta, renderDiff(doc, match.diff));
  return item;
}

/** The diff as one paragraph: equal words plain, the other outlet's extra words in <ins> with
 *  "+", words of this page it left out in <del> with "−". */
export function renderDiff(doc: Document, diff: readonly DiffOp[]): HTMLElement {
  const p = el(doc, 'p', 'diff');
  for (const op of diff) {
    if (op.op === 'equal') {
      p.append(doc.createTextNode(op.text));
      continue;
    }
    // op texts carry their own spacing: keep it outside the tag so only words are marked
    const [, lead = '', words = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(op.text) ?? [];
    const tag = el(doc, op.op === 'insert' ? 'ins' : 'del', '');
    tag.append(el(doc, 'span', 'sign', op.op === 'insert' ? '+' : '−'), doc.createTextNode(words));
    p.append(doc.createTextNode(lead), tag, doc.createTextNode(trail));
  }
  return p;
}

/** "AFP, via The Moscow Times and TRT World · first ran in The Moscow Times, 11 Jan 2022 ·
 *  uncredited here" (lib/ui provenance-view), or null when nothing is known. */
function provenanceText(sentence: ReportSentence): string | null {
  const text = sentenceProvenanceText(sentence);
  const parts = [sentence.provenance?.origin ? outletsText(sentence) : null, text.first, text.uncredited ? 'uncredited here' : null];
  return text.first || text.origin ? parts.filter(Boolean).join(' · ') : null;
}

function safeLink(url: string | null): boolean {
  return !!url && /^https?:\/\//i.test(url);
}

function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
