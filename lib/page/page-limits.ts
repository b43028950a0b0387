/** How large a page Echoes takes. Past these the page is skipped and the popup says why: the
 *  page would pay for serialising it (one task on its main thread) and the extension for
 *  parsing it, and a page that large is an archive or an app, not a news article. */

/** Most elements in the page (a long Wikipedia article has about 30,000). */
export const MAX_PAGE_ELEMENTS = 100_000;
/** Most characters of the page's serialised HTML sent to be parsed elsewhere. */
export const MAX_PAGE_HTML_CHARS = 8_000_000;

/** Why a page is too large, or null when it is within the limits. `elements` is the page's
 *  element count (document.getElementsByTagName('*').length, a cheap live count). */
export function pageTooLarge(elements: number, htmlChars = 0): string | null {
  if (elements > MAX_PAGE_ELEMENTS) {
    return `this page is too large for Echoes (${elements.toLocaleString('en')} elements; it checks pages of up to ${MAX_PAGE_ELEMENTS.toLocaleString('en')})`;
  }
  if (htmlChars > MAX_PAGE_HTML_CHARS) {
    return `this page is too large for Echoes (${(htmlChars / 1e6).toFixed(1)} MB of HTML; it checks pages of up to ${MAX_PAGE_HTML_CHARS / 1e6} MB)`;
  }
  return null;
}
