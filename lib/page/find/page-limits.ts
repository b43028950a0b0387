/** Checking how large a page is against the limits of lib/report/limits.ts. Past them the page
 *  is skipped and the popup says why: the page would pay for serialising it (one task on its
 *  main thread) and the extension for parsing it, and a page that large is an archive or an
 *  app, not a news article. */
import { MAX_PAGE_ELEMENTS, MAX_PAGE_HTML_CHARS } from '../../report/limits';

/** The page's element count, counted no further than one past `max`: a live collection's
 *  item(n) walks the tree only as far as the n-th element, so a page of a million elements
 *  costs what one of `max` + 1 does (its full length was one task of about 70 ms in Chromium).
 *  Answers the exact count up to `max`, and `max` + 1 for any larger page. */
export function elementCountUpTo(doc: Document, max = MAX_PAGE_ELEMENTS): number {
  const all = doc.getElementsByTagName('*');
  return all.item(max) === null ? all.length : max + 1;
}

/** Why a page is too large, or null when it is within the limits. `elements` is the page's
 *  element count as elementCountUpTo gives it (more than MAX_PAGE_ELEMENTS: too many). */
export function pageTooLarge(elements: number, htmlChars = 0): string | null {
  if (elements > MAX_PAGE_ELEMENTS) {
    return `this page is too large for Echoes (more than ${MAX_PAGE_ELEMENTS.toLocaleString('en')} elements; it checks pages of up to ${MAX_PAGE_ELEMENTS.toLocaleString('en')})`;
  }
  if (htmlChars > MAX_PAGE_HTML_CHARS) {
    return `this page is too large for Echoes (${(htmlChars / 1e6).toFixed(1)} MB of HTML; it checks pages of up to ${MAX_PAGE_HTML_CHARS / 1e6} MB)`;
  }
  return null;
}
