import { isProbablyReaderable } from '@mozilla/readability';
import { alignByText, collectTexts, pairTextNodes } from './node-pairing';
import { runReadability } from './readability';

export { htmlToArticle } from '../html/html-article';

/** The article Readability found, mapped back onto the document it was asked about:
 *  `nodes` are that document's own text nodes Readability kept, `root` their nearest common
 *  ancestor element. `title`, `byline`, `siteName`, `publishedTime` come from Readability. */
export interface FoundArticle {
  root: Element;
  nodes: Set<Text>;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

/** Share of Readability's text that node identity must recover before we trust it; below it
 *  (Readability re-parsed the page on a retry, creating new nodes) we align by text instead. */
const MIN_IDENTITY_SHARE = 0.6;

/** Finds the article in `doc` without changing it: Readability runs on a clone, its kept text
 *  nodes are paired with the live ones, so navigation, footers, related links, comments and ads
 *  Readability dropped stay out. null when the page does not look like an article (Readability's
 *  isProbablyReaderable: too little paragraph text, e.g. a home page or a search form) or
 *  Readability finds none. */
export function findArticle(doc: Document): FoundArticle | null {
  if (!doc.body || !isProbablyReaderable(doc)) return null;
  const clone = doc.cloneNode(true) as Document;
  const pairs = pairTextNodes(clone, doc);
  const parsed = runReadability(clone);
  if (!parsed) return null;
  const kept = collectTexts(parsed.content);
  const total = kept.reduce((sum, t) => sum + t.data.trim().length, 0);
  if (total === 0) return null;
  const nodes = new Set<Text>();
  let found = 0;
  for (const text of kept) {
    const live = pairs.get(text);
    if (!live) continue;
    nodes.add(live);
    found += live.data.trim().length;
  }
  const finalNodes = found >= total * MIN_IDENTITY_SHARE ? nodes : alignByText(kept, doc.body);
  const root = commonAncestor([...finalNodes]);
  if (!root) return null;
  return {
    root, nodes: finalNodes, title: parsed.title, byline: parsed.byline,
    siteName: parsed.siteName, publishedTime: parsed.publishedTime,
  };
}

/** The element holding the page's article (nearest common ancestor of its text), or null. */
export function findArticleRoot(doc: Document): Element | null {
  return findArticle(doc)?.root ?? null;
}

/** Nearest element containing all `nodes`; null for none. */
export function commonAncestor(nodes: readonly Node[]): Element | null {
  const first = nodes[0];
  if (!first) return null;
  let candidate: Element | null = first.parentElement;
  for (const node of nodes) {
    while (candidate && !candidate.contains(node)) candidate = candidate.parentElement;
    if (!candidate) return null;
  }
  return candidate;
}
