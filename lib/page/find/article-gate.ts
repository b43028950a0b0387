/** Is a page an article? Readability's isProbablyReaderable counted only paragraphs of 140+
 *  characters, so a plain article written in short paragraphs (wire copy, live pages) was
 *  refused before Readability ran. We let Readability find its best content first and judge
 *  that: running prose says article; a list of headlines (home, section and search pages) or
 *  a form says not. */

const TEXT_NODE = 3;

/** Why a page is not taken as an article, or null when it is one. */
export type GateVerdict = { article: true } | { article: false; reason: string };

/** Least running prose (characters in blocks that read as sentences, outside links). */
export const MIN_PROSE_CHARS = 300;
/** Least prose blocks. */
export const MIN_PROSE_BLOCKS = 2;
/** Most share of the content's text that may sit in links (headline lists are nearly all). */
export const MAX_LINK_SHARE = 0.45;

/** Headline links (blocks that are one link) that, with as many as half the prose blocks, make
 *  a page a listing: home pages pair each headline with a teaser that reads like prose. */
export const MIN_LISTING_LINKS = 6;
/** Median prose block length below which prose beside headline links reads as teasers. */
export const MAX_TEASER_CHARS = 160;

/** A page with form controls and less prose than this is a form page. */
export const FORM_PAGE_MAX_PROSE = 500;

/** One block of Readability's content: its text and how much of it is link text. */
export interface ContentBlock { text: string; linkChars: number }

/** What the gate needs of the page before Readability rewrites it (it drops forms). */
export interface PageFacts { formControls: number }

/** Reads PageFacts of `doc`: visible form controls, search boxes aside (most pages have one). */
export function pageFacts(doc: Document): PageFacts {
  return { formControls: doc.querySelectorAll('form input:not([type="hidden"]):not([type="search"]):not([type="submit"]), form select, form textarea').length };
}

/** Judges Readability's content blocks (`blocks`) of a page with `facts`. */
export function judgeArticle(facts: PageFacts, blocks: readonly ContentBlock[]): GateVerdict {
  const total = blocks.reduce((sum, b) => sum + b.text.length, 0);
  const links = blocks.reduce((sum, b) => sum + b.linkChars, 0);
  const prose = blocks.filter(isProse);
  const proseChars = prose.reduce((sum, b) => sum + b.text.length, 0);
  if (total === 0) return { article: false, reason: 'no running text was found on this page' };
  if (links / total > MAX_LINK_SHARE || isListing(blocks, prose)) {
    return { article: false, reason: 'this page is a list of links (a home, section or search page)' };
  }
  if (isMostlyForm(facts, proseChars)) return { article: false, reason: 'this page is a form' };
  if (prose.length < MIN_PROSE_BLOCKS || proseChars < MIN_PROSE_CHARS) {
    return { article: false, reason: 'this page has too little running text to be an article' };
  }
  return { article: true };
}

/** Headlines (blocks that are one link) each with at most a short teaser: a home, section or
 *  search page. An article may have link headings (a list of products, each then reviewed at
 *  length), so the prose beside them must be short too. */
function isListing(blocks: readonly ContentBlock[], prose: readonly ContentBlock[]): boolean {
  const linkBlocks = blocks.filter((b) => b.text.length >= 15 && b.linkChars >= b.text.length * 0.8).length;
  if (linkBlocks < MIN_LISTING_LINKS || linkBlocks * 2 < prose.length) return false;
  const lengths = prose.map((b) => b.text.length).sort((a, b) => a - b);
  return (lengths[lengths.length >> 1] ?? 0) < MAX_TEASER_CHARS;
}

/** A block that reads as prose: a sentence or more of words, mostly outside links. */
function isProse(block: ContentBlock): boolean {
  const text = block.text;
  if (text.length < 60 || block.linkChars > text.length * 0.3) return false;
  return /[a-z\u00c0-\u024f\u0400-\u04ff]{2,}[^.!?…]*[.!?…]["'”’»)]?(\s|$)/iu.test(text) && text.split(/\s+/).length >= 8;
}

/** A page whose form is its main content (sign-up, contact, checkout, log-in): a few controls
 *  and little prose. Articles carry newsletter and comment forms too, with far more prose. */
function isMostlyForm(facts: PageFacts, proseChars: number): boolean {
  return facts.formControls >= 3 && proseChars < FORM_PAGE_MAX_PROSE;
}

/** Readability's content cut into blocks (paragraph-level elements), with link text counted. */
export function contentBlocks(content: Element): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  const stack: Element[] = [content];
  while (stack.length > 0) {
    const el = stack.pop()!;
    const children = [...el.children];
    if (children.some((c) => BLOCKS.has(c.tagName))) {
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      const own = ownText(el);
      if (own) blocks.push({ text: own, linkChars: 0 });
      continue;
    }
    const text = squash(el.textContent ?? '');
    if (!text) continue;
    const inLink = el.closest('a') !== null; // a card's headline: <a><h3>…</h3></a>
    const linkChars = inLink ? text.length : [...el.querySelectorAll('a')].reduce((sum, a) => sum + squash(a.textContent ?? '').length, 0);
    blocks.push({ text, linkChars: Math.min(linkChars, text.length) });
  }
  return blocks;
}

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'TABLE', 'TBODY', 'TR', 'TD', 'FIGURE', 'FIGCAPTION', 'PRE', 'DL', 'DD', 'DT', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE']);

function ownText(el: Element): string {
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === TEXT_NODE) text += (child as Text).data;
  return squash(text);
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
