// Blocks of a news page that are not the article's prose: page furniture (newsletter boxes, link
// lists, bylines and timestamps, bios, reprint tools, wire credits) and photo or video captions
// with their credits. One pure rule over a block's text, so a page being read and the same HTML
// ingested as a corpus file leave out the same blocks (lib/report for the page, cleanRawText and
// the index for the corpus). General shapes of news sites, not one site's markup.

/** What a block of page text is. */
export type BlockRole = 'prose' | 'caption' | 'furniture';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

// Whole blocks of page furniture.
const FURNITURE: readonly RegExp[] = [
  /^media playback is unsupported\b/i,
  /^(?:you may also like|more from [\p{L} ]{1,40}|most (?:read|popular)|recommended(?: for you)?|trending(?: now)?|related(?: coverage| stories| articles)?|top stories|more stories)\s*:?$/iu,
  /^(?:read more|related|see also|also read|watch|listen|more)\s*:/i,
  /\bsign up (?:to|for) (?:our|the)\b.{0,80}\bnewsletters?\b/i,
  /^subscribe to\b.{0,60}\bnewsletters?\b/i,
  /^get the latest\b.{0,60}\binbox\b/i,
  /^follow (?:him|her|them|us|me)\b.{0,40}\bon (?:twitter|facebook|instagram|x)\b/i,
  /\bmay be reached at\b.{0,80}@/i,
  /\bcontributed (?:to )?this report\.?$/i,
  /^\((?:reporting|writing|editing) by\b/i,
  /^(?:copyright\s*)?©\s*\d{4}\b|^copyright\s+\d{4}\b/i,
  /^(?:order reprints|print article|text size|share this article)\b/i,
  /\[(?:insight|news|warning|video|pics|poll|latest|watch|revealed)\]$/i,
  /^home of the (?:daily|sunday)\b/i,
  new RegExp(`^by\\s+[^.!?]{1,80}\\|.{0,60}${MONTH}\\s*\\d`, 'i'),
  new RegExp(`^(?:\\|\\s*)?(?:published|updated|posted|last updated)(?:\\s+on)?\\s*:?\\s*(?:\\d|${MONTH}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b)`, 'i'),
  new RegExp(`^${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\s*(?:[/|,-]|at\\b|\\d{1,2}[:.]\\d{2}).{0,40}$`, 'i'),
];

// Captions and photo credits (a caption's words may echo the article: they are not its sentences).
const CAPTION: readonly RegExp[] = [
  /^(?:image|photo|picture|media|video)\s*(?:caption|credit|copyright|source)\b/i,
  /\((?:image|photo|picture|credit|pictured)s?\s*:[^)]{0,80}\)$/i,
  /\S(?:credit|photo|image)\s*:\s*[^.!?]{1,60}$/i,
  /^\(\s*[^()]{0,80}\/\s*[^()]{0,60}\)$/,
  /^[\p{L}.' -]{2,40}\s*\|\s*(?:getty images|reuters|ap(?: photo)?|afp|epa|shutterstock|nasa)\b.{0,30}$/iu,
];

/** The role of one block (one paragraph, heading, caption or list item), from its text alone. */
export function blockRole(text: string): BlockRole {
  const line = text.trim();
  if (line === '' || line.length > 600) return 'prose';
  if (FURNITURE.some((re) => re.test(line))) return 'furniture';
  if (CAPTION.some((re) => re.test(line))) return 'caption';
  return 'prose';
}

/** A test of "offset `at` lies in a prose block of `text`" (blocks cut at `blockStarts`), for
 *  offsets asked in ascending order (each call moves on from the last: a page's sentences). */
export function proseOnly(text: string, blockStarts: readonly number[] = [0]): (at: number) => boolean {
  const ranges = nonProseRanges(text, blockStarts);
  let k = 0;
  return (at) => {
    while (k < ranges.length && (ranges[k] as [number, number])[1] <= at) k++;
    const range = ranges[k];
    return !range || at < range[0];
  };
}

/** The [start, end) ranges of `text` (cut into blocks at `blockStarts`) whose blocks are not
 *  prose, ascending. */
export function nonProseRanges(text: string, blockStarts: readonly number[] = [0]): Array<[number, number]> {
  const cuts = [...new Set([0, ...blockStarts.filter((s) => s > 0 && s < text.length), text.length])].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i] as number, cuts[i + 1] as number];
    if (blockRole(text.slice(start, end)) !== 'prose') ranges.push([start, end]);
  }
  return ranges;
}
