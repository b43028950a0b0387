/** Which parts of a page the text model and mark.js walk, shared so both count the same text. */

/** Elements whose text is never article text, our own UI included. */
const SKIPPED = [
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option',
  'button', 'svg', 'math', 'iframe', 'object', '[contenteditable]:not([contenteditable="false"])',
  '[hidden]', '[aria-hidden="true"]', '[style*="display:none"]', '[style*="display: none"]',
  'echoes-card', '#echoes-style',
];

/** mark.js `exclude` selectors. mark.js only tests a text node's PARENT, so every rule also
 *  names its descendants (`x, x *`). The text model applies exactly these, plus hidden elements
 *  found through computed style (see `isHiddenByStyle`), which the highlighter maps around. */
export const EXCLUDE_SELECTORS: readonly string[] = SKIPPED.flatMap((sel) => [sel, `${sel} *`]);

/** What mark.js itself always skips (its matchesExclude adds these). */
export const MARKJS_BUILTIN_EXCLUDE: readonly string[] = ['script', 'style', 'title', 'head', 'html'];

/** One selector for "this element's own text is skipped" (mark.js's rule + our list). */
export const EXCLUDE_SELECTOR: string = [...EXCLUDE_SELECTORS, ...MARKJS_BUILTIN_EXCLUDE].join(',');

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL', 'IMG', 'VIDEO', 'AUDIO', 'PICTURE',
]);

/** True for elements that start and end a block of text (paragraph, heading, list item, <br>). */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

/** True when the element's own text would be skipped by mark.js with EXCLUDE_SELECTORS. */
export function isExcludedElement(el: Element): boolean {
  try {
    return el.matches(EXCLUDE_SELECTOR);
  } catch {
    return false; // a DOM without full selector support: fall back to walking it
  }
}

/** True when the live page does not render the element (computed display:none). Not
 *  visibility:hidden: descendants can override it, and pages use it as a load-time curtain.
 *  Only checked where a window computes styles; parsed documents say false. */
export function isHiddenByStyle(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  try {
    return view.getComputedStyle(el).display === 'none';
  } catch {
    return false; // a parsed document whose "window" is not its own (linkedom): no styles
  }
}
