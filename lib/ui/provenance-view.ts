/** What the popup and the card say of provenance, as plain strings, computed apart from the
 *  components so it is unit-tested and shared by both (the popup and the card frame). */
import { agenciesIn, isGenericAgencyCredit } from '../corpus/meta/agencies';
import type { Report, ReportSentence } from '../report/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-01-11" -> "11 Jan 2022"; anything else is returned as given. */
export function formatDay(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = m ? MONTHS[+m[2]! - 1] : undefined;
  return m && month ? `${+m[3]!} ${month} ${m[1]}` : isoDate;
}

/** One sentence's provenance in words: "first ran in The Moscow Times, 11 Jan 2022" (or
 *  "first ran here, …" when the page is the earliest), "from AFP", and whether the page
 *  leaves it uncredited; nulls where unknown. */
export interface SentenceProvenanceText { first: string | null; origin: string | null; uncredited: boolean }

/** The words for `sentence`'s provenance; all null/false when it has none. */
export function sentenceProvenanceText(sentence: ReportSentence): SentenceProvenanceText {
  const p = sentence.provenance;
  if (!p) return { first: null, origin: null, uncredited: false };
  const first = p.first
    ? `first ran ${p.first.articleId === null ? 'here' : `in ${p.first.outlet}`}, ${formatDay(p.first.published)}`
    : null;
  return { first, origin: p.origin ? `from ${p.origin}` : null, uncredited: !p.credited };
}

/** Who ran the sentence, the wire first when it traces to one: "AFP, via The Moscow Times and
 *  TRT World" rather than each outlet listed as if it wrote it; else the outlets joined
 *  with " · ". Each outlet once, in match order. */
export function outletsText(sentence: ReportSentence): string {
  const outlets = [...new Set(sentence.matches.map((m) => m.outlet))];
  const origin = sentence.provenance?.origin;
  if (!origin) return outlets.join(' · ');
  const via = outlets.filter((o) => o !== origin);
  return via.length === 0 ? origin : `${origin}, via ${joinAnd(via)}`;
}

/** How the page credits `origin`: by name, or only as "agencies" when that is all it says. */
function creditedAs(report: Report, origin: string): string {
  const credits = report.page.credits ?? [];
  if (credits.some((c) => agenciesIn(c).includes(origin)) || credits.length === 0) return origin;
  const generic = credits.find(isGenericAgencyCredit);
  return generic ? `"${generic}"` : origin;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function sentences(n: number): string {
  return `${n} ${n === 1 ? 'sentence' : 'sentences'}`;
}

/** The page's provenance in a line per wire and one for the rest: "7 sentences trace to AFP;
 *  this page credits AFP" (or credits "TRTWorld and agencies", when that is how it does), "3 sentences trace to AP; 2 uncredited here", "5 sentences first
 *  ran elsewhere, uncredited here". Wires by sentence count, descending; [] when nothing is
 *  traced or dated. */
export function pageProvenanceLines(report: Report): string[] {
  const byOrigin = new Map<string, { total: number; uncredited: number }>();
  const elsewhere = { total: 0, uncredited: 0 };
  for (const s of report.sentences) {
    const p = s.provenance;
    if (!p) continue;
    const bucket = p.origin ? byOrigin.get(p.origin) ?? { total: 0, uncredited: 0 } : p.first && p.first.articleId !== null ? elsewhere : null;
    if (!bucket) continue;
    bucket.total += 1;
    if (!p.credited) bucket.uncredited += 1;
    if (p.origin) byOrigin.set(p.origin, bucket);
  }
  const lines = [...byOrigin].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0])).map(([origin, c]) => {
    const verb = c.total === 1 ? 'traces' : 'trace';
    const credit = c.uncredited === 0 ? `this page credits ${creditedAs(report, origin)}`
      : c.uncredited === c.total ? `this page does not credit ${origin}` : `${c.uncredited} uncredited here`;
    return `${sentences(c.total)} ${verb} to ${origin}; ${credit}`;
  });
  if (elsewhere.total > 0) {
    const credit = elsewhere.uncredited === 0 ? 'credited here'
      : elsewhere.uncredited === elsewhere.total ? 'uncredited here' : `${elsewhere.uncredited} uncredited here`;
    lines.push(`${sentences(elsewhere.total)} first ran elsewhere, ${credit}`);
  }
  return lines;
}
