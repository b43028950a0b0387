/** How much one page may ask of Echoes: the one place the limits are declared, read by the
 *  content script (before it sends), the background (again, since a message can carry
 *  anything), the report (sentences too long to be prose) and the CLI (input sizes). The
 *  background is shared by every tab and the popup, so a page past these is refused with a
 *  line saying what was too big, rather than matched for seconds while everyone waits. */

/** The limits of one page, in characters (UTF-16 units) and counts. */
export const PAGE_LIMITS = {
  /** Article text sent for matching: a very long Wikipedia article is about 300,000. */
  textChars: 500_000,
  /** Block starts (paragraphs, headings, captions) of that text. */
  blocks: 20_000,
  /** Sentences of that text, as split. */
  sentences: 20_000,
  url: 4_096,
  title: 1_000,
  outlet: 300,
} as const;

/** A sentence longer than this (characters) is not matched: it is a list, a table or a run-on
 *  block without punctuation, not prose another outlet could have run, and matching one costs
 *  as much as hundreds of real sentences. It is still listed in the report, with no matches. */
export const MAX_MATCH_SENTENCE_CHARS = 2_000;

/** Most elements in a page the content script reads (a long Wikipedia article has about
 *  30,000): past it the page is an archive or an app, and serialising it would be one long
 *  task on its main thread. */
export const MAX_PAGE_ELEMENTS = 100_000;
/** Most characters of a page's serialised HTML that is parsed for its article (sent by the
 *  content script, or fetched for a feed item). */
export const MAX_PAGE_HTML_CHARS = 8_000_000;

/** Largest page the command line reads from a file or standard input, in bytes (HTML included). */
export const MAX_PAGE_INPUT_BYTES = 20 * 1024 * 1024;

/** What a content script sends for matching (BackgroundCalls.matchPage's data). */
export interface PageData { url: string; title: string | null; outlet: string | null; text: string; blockStarts: number[] }

/** Why `data` cannot be matched (wrong shape, or a part over PAGE_LIMITS), or null when it
 *  can. Cheap: length checks and one pass over the block starts, never over the text. */
export function pageDataError(data: unknown, limits = PAGE_LIMITS): string | null {
  if (typeof data !== 'object' || data === null) return 'the page was not sent as { url, title, outlet, text, blockStarts }';
  const page = data as Partial<Record<keyof PageData, unknown>>;
  if (typeof page.text !== 'string') return 'the page has no text';
  if (typeof page.url !== 'string') return 'the page has no URL';
  const strings = [['url', page.url], ['title', page.title], ['outlet', page.outlet]] as const;
  for (const [field, value] of strings) {
    if (value !== null && typeof value !== 'string') return `the page's ${field} is not text`;
    if (typeof value === 'string' && value.length > limits[field]) return overLimit(`its ${field} is`, value.length, limits[field], 'characters');
  }
  if (page.text.length > limits.textChars) return overLimit('its article text is', page.text.length, limits.textChars, 'characters');
  return blockStartsError(page.blockStarts, page.text.length, limits.blocks);
}

/** The refusal for a page split into more than `limit` sentences (splitting stops there). */
export function tooManySentencesError(limit: number = PAGE_LIMITS.sentences): string {
  return `this page is too large for Echoes: it has more than ${limit.toLocaleString('en-US')} sentences`;
}

function blockStartsError(blockStarts: unknown, textLength: number, maxBlocks: number): string | null {
  if (!Array.isArray(blockStarts)) return "the page's block starts are not a list";
  if (blockStarts.length > maxBlocks) return overLimit('it has', blockStarts.length, maxBlocks, 'blocks');
  let previous = -1;
  for (const start of blockStarts) {
    if (!Number.isInteger(start) || start < previous || start > textLength) {
      return "the page's block starts are not offsets into its text in ascending order";
    }
    previous = start as number;
  }
  return null;
}

function overLimit(what: string, size: number, limit: number, unit: string): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return `this page is too large for Echoes: ${what} ${n(size)} ${unit}, over the limit of ${n(limit)}`;
}
