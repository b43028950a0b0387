import { matchDateAt } from '../meta/dates';
import { blockRole } from './furniture';

/** Facts an article's own text states about itself (from lines that are then dropped). */
export interface ArticleClues {
  url?: string;
  published?: string;
  credit?: string;
  outlet?: string;
  title?: string;
}

/** What to do with one trimmed line of raw text. `keep` gives the part of the line to keep
 *  ([from, to) within the line) and whether it is a photo caption. `expectUrl` means the
 *  next line is the URL announced by an "Original url:" line. */
export type LineVerdict =
  | { action: 'drop'; clues?: ArticleClues; expectUrl?: boolean }
  | { action: 'keep'; from: number; to: number; caption: boolean };

// Whole lines that are page furniture, not article text (blog/CMS/aggregator widgets).
const WIDGET_LINES = [
  /^\[\/?ad_\d+\]$/i,
  /^(?:source link|leave a (?:reply|comment)|top channel|fast news|advertisement|share this(?: article)?:?|like this:?|related posts?:?|print|comments?)$/i,
  /^your email address will not be published\b/i,
  /^required fields are marked\b/i,
  /^Newspapers (?:in|from) \p{Lu}[\p{L} ]{1,30}$/u,
  /^(?:related|read more|read also|also read|see also)(?: articles?| stor(?:y|ies))?\s*:/i,
  /^(?:\?{2,}\s*)+$/, // icon glyphs lost in a bad encoding, e.g. "?? ??"
  /^[\p{P}\p{S}\s]+$/u, // a lone "-" or "***"
];
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;
const ORIGINAL_URL = /^original (?:url|link|article)\s*:?\s*(.*)$/i;
const BYLINE = /^By\s+([^.!?]{1,60})$/;
const PLACEHOLDER_AUTHORS = /^(?:admin|administrator|editor|staff|webmaster|guest|author|user)$/i;
const SOURCE = /^[Ss]ource:\s*(\p{Lu}[^.!?]{0,60}?)\.?$/u;
const DATE_PREFIX = /^(?:date|published|updated|posted|last updated)?:?\s*/i;
const DATE_TAIL = /^(?:,?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?(?:\s*[|•·-]?\s*\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,2})?$/u;
// Photo-caption markers: leading lost icon glyphs, a trailing bold or parenthesised credit.
const CAPTION_LEAD = /^(?:\?{2,}\s+)+/;
const CAPTION_CREDIT = /\s*(?:\*\*[^*]{1,80}\*\*|\((?:photo|image|picture|credit)s?\b[^)]{0,80}\))$/i;
const PHOTO_LEAD = /^(?:photo|image|pictured)\s*:\s*/i;
// An all-caps label glued onto a sentence end: `leave".INTERACTIVE- KAZAKHSTAN CSTO`.
const GLUED_LABEL = /(?<=[.!?]["'”’)]*)\p{Lu}{2,}[-–]?(?:\s+[\p{Lu}\d]{2,}[-–]?)+$/u;

/** Classifies one trimmed, non-empty line (general patterns, not seed-specific sentences). */
export function classifyLine(line: string): LineVerdict {
  if (WIDGET_LINES.some((re) => re.test(line))) return { action: 'drop' };
  const original = ORIGINAL_URL.exec(line);
  if (original) {
    const url = repairUrl(original[1]!);
    return url ? { action: 'drop', clues: { url } } : { action: 'drop', expectUrl: true };
  }
  if (BARE_URL.test(line)) return { action: 'drop' };
  const byline = BYLINE.exec(line);
  if (byline && byline[1]!.trim().split(/\s+/).length <= 6) {
    const name = byline[1]!.trim();
    return { action: 'drop', clues: PLACEHOLDER_AUTHORS.test(name) ? {} : { credit: name } };
  }
  const source = SOURCE.exec(line);
  if (source && source[1]!.split(/\s+/).length <= 6) return { action: 'drop', clues: { credit: source[1]!.trim() } };
  const published = dateLine(line);
  if (published) return { action: 'drop', clues: { published } };
  const role = blockRole(line);
  if (role === 'furniture') return { action: 'drop' };
  const kept = keepVerdict(line);
  return role === 'caption' && kept.action === 'keep' ? { ...kept, caption: true } : kept;
}

function keepVerdict(line: string): LineVerdict {
  let from = 0;
  let to = line.length;
  let caption = false;
  const lead = CAPTION_LEAD.exec(line) ?? PHOTO_LEAD.exec(line);
  if (lead) {
    from = lead[0].length;
    caption = true;
  }
  // The end-anchored patterns are only tried when the last char could end them (long lines).
  const credit = /[*)]$/.test(line) ? CAPTION_CREDIT.exec(line.slice(from)) : null;
  if (credit && credit.index > 0) {
    to = from + credit.index;
    caption = true;
  }
  const glued = /[\p{Lu}\d–-]$/u.test(line.slice(0, to)) ? GLUED_LABEL.exec(line.slice(from, to)) : null;
  if (glued && glued.index > 0) to = from + glued.index;
  return { action: 'keep', from, to, caption };
}

/** YYYY-MM-DD when the whole line is a date line ("date 2022-01-11 Fast News",
 *  "January 11, 2022", "Published: Fri. Jan 21st, 2022 10:30 GMT"), else null. */
function dateLine(line: string): string | null {
  const prefix = DATE_PREFIX.exec(line)![0];
  const found = matchDateAt(line.slice(prefix.length));
  if (!found) return null;
  const tail = line.slice(prefix.length + found.length);
  return DATE_TAIL.test(tail) ? found.date : null;
}

/** A URL split by stray spaces (as copy-paste leaves it) put back together; null if not a URL. */
export function repairUrl(text: string): string | null {
  const joined = text.replace(/\s+/g, '');
  if (!/^https?:\/\//i.test(joined)) return null;
  try {
    return new URL(joined).href;
  } catch {
    return null;
  }
}
