/** Feed markup read in the background, where Chrome's service worker has no DOMParser:
 *  linkedom builds the document and lib/page's text model reads it as it reads a page. (Whole
 *  article pages go to lib/ext/extract, off the worker's thread in Chrome.) */
import { parseHTML } from 'linkedom';
import type { FoundText } from '../../corpus/clean/found-text';
import { htmlFragmentText } from '../../page/html/html-fragment';

const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'application/rdf+xml'];

/** A Document of `html` (nothing in it runs or loads). */
export function parseHtml(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** An item's markup (content, summary, an HTML title) -> its text in blocks. */
export function fragmentText(html: string): FoundText {
  return htmlFragmentText(html, parseHtml);
}

/** The feeds a web page names in <link rel="alternate" type="application/rss+xml" ...>, as
 *  absolute http(s) addresses (resolved against `pageUrl`), in page order, each once. */
export function discoverFeeds(html: string, pageUrl: string): { url: string; title: string | null }[] {
  let doc: Document;
  try {
    doc = parseHtml(html);
  } catch {
    return [];
  }
  const found: { url: string; title: string | null }[] = [];
  for (const link of Array.from(doc.querySelectorAll('link[rel][href][type]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (!rel.includes('alternate') || !FEED_TYPES.includes(type)) continue;
    let url: URL;
    try {
      url = new URL(link.getAttribute('href')!, pageUrl);
    } catch {
      continue;
    }
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.some((f) => f.url === url.href)) {
      found.push({ url: url.href, title: link.getAttribute('title')?.trim() || null });
    }
  }
  return found;
}
