/** Credits an article's own text gives: its byline, its dateline and its credit lines. Pure:
 *  feeds, corpus files and live pages call the same functions over the text they have. */
import { agenciesIn } from './agencies';

// A dateline opens the first paragraph: "MOSCOW (AP) —", "KYIV, Jan 11 (Reuters) -",
// "BEIJING, Nov. 19 (Xinhua) --", "NEW DELHI, Jan 11 (PTI):", or no place: "(Reuters) —".
// The parentheses are the credit.
const PLACELESS_DATELINE = /^\(([^()\n]{2,40})\)\s*[-–—_:]{1,2}\s/u;
const DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*[\p{L} .]{1,30}?)?(?:,\s*(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?))?\s*\(([^()\n]{2,40})\)\s*(?:[-–—_:]{1,2}|$)/u;
// "By AFP", "By Jane Doe, Associated Press", "By JANE DOE and JOHN ROE AP".
const BYLINE = /^By\s+(\p{L}[^\n.!?]{0,80}?)\s*$/u;
// Reuters' house footer: "Reporting by Tom Balmforth; Editing by Mark Heinrich".
const REPORTING = /^\(?(?:additional )?reporting by\s+([^;\n]{2,120}?)(?:[;,]\s*(?:additional reporting|writing|editing)\b[^\n]*)?\)?\.?$/i;
// Credit lines, whole short paragraphs; group 1 is who is credited.
const CREDIT_LINES: readonly RegExp[] = [
  /^Source:\s*(\p{L}[^\n]{0,80}?)\.?$/u,
  /^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(\p{L}[^\n]{0,80}?)(?:\.?\s*all rights reserved)?\.?$/iu,
  /^This (?:story|article|report|content) (?:was|has been|is) (?:provided|written|produced|supplied|republished|syndicated) by\s+([^\n]{2,80}?)\.?$/i,
  /^This (?:story|article) (?:originally )?(?:appeared|was (?:first |originally )?published) (?:on|in|at|by)\s+([^\n]{2,80}?)\.?$/i,
  /^This story has been published from an? ((?:wire )?agency feed)\b[^\n]*$/i,
  /^\(?(?:with )?inputs? from\s+([^\n]{2,80}?)\)?\.?$/i,
  /^\(?(?:the )?([^\n]{2,60}?) contributed to this (?:report|story|article)\)?\.?$/i,
  /^[-–—]\s*(\p{Lu}[\p{L} .&-]{1,40})$/u,
];
// A credit line is a short block of its own: longer paragraphs are article text.
const MAX_CREDIT_LINE = 200;

/** Who the dateline at the start of `paragraph` credits ("MOSCOW (AP) — …" -> "AP"), or
 *  null when it has none or its parentheses hold no agency (a place: "(Jan 11)"). */
export function datelineCredit(paragraph: string): string | null {
  const m = DATELINE.exec(paragraph.trimStart()) ?? PLACELESS_DATELINE.exec(paragraph.trimStart());
  if (!m) return null;
  const inside = m[1]!.trim();
  return agenciesIn(inside).length > 0 ? inside : null;
}

/** Who one short line credits: a byline ("By AFP" -> "AFP"), a "Reporting by …" footer, or
 *  a credit line ("Source: TRTWorld and agencies", "© The Associated Press", "This story was
 *  provided by …", "With inputs from PTI"); null when the line is none of these. */
export function lineCredit(line: string): string | null {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > MAX_CREDIT_LINE) return null;
  const byline = BYLINE.exec(text) ?? REPORTING.exec(text);
  if (byline) return tidy(byline[1]!);
  for (const re of CREDIT_LINES) {
    const m = re.exec(text);
    if (m && m[1]) return tidy(m[1]);
  }
  return null;
}

function tidy(credit: string): string {
  return credit.replace(/[\s,;:|–—-]+$/, '').trim();
}

/** Every credit `text` gives, each once in order: the dateline of its first paragraph, then
 *  the credit lines among its paragraphs (blocks separated by blank lines or line breaks).
 *  [] for a text that credits nobody. */
export function creditsInText(text: string): string[] {
  return creditsInParagraphs(text.split(/\n+/));
}

/** creditsInText over text cut into blocks at `blockStarts` (a page's text model, whose
 *  blocks are not separated by line breaks). Starts outside the text are ignored. */
export function creditsInBlocks(text: string, blockStarts: readonly number[]): string[] {
  const cuts = [...new Set([0, ...blockStarts.filter((s) => Number.isSafeInteger(s) && s > 0 && s < text.length), text.length])].sort((a, b) => a - b);
  return creditsInParagraphs(cuts.slice(1).map((end, i) => text.slice(cuts[i], end)));
}

function creditsInParagraphs(blocks: readonly string[]): string[] {
  const paragraphs = blocks.map((p) => p.trim()).filter(Boolean);
  const credits: string[] = [];
  const first = paragraphs.find((p) => p.length > MAX_CREDIT_LINE || lineCredit(p) === null);
  const dateline = first ? datelineCredit(first) : null;
  if (dateline) credits.push(dateline);
  for (const p of paragraphs) {
    const credit = lineCredit(p);
    if (credit && !credits.includes(credit)) credits.push(credit);
  }
  return credits;
}

/** The credit to show for an article among `credits` (first to last in trust): the first that
 *  names an agency, else the first; null when there are none. */
export function preferredCredit(credits: readonly (string | null | undefined)[]): string | null {
  const given = credits.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  return given.find((c) => agenciesIn(c).length > 0) ?? given[0] ?? null;
}
