import { parseHTML } from 'linkedom';
import type { HtmlArticle } from '../corpus/files/ingest';
import type { FoundText } from '../corpus/clean/found-text';
import { htmlToArticle } from '../page/find/article';
import { htmlFragmentText } from '../page/html/html-fragment';

/** Parses HTML with linkedom (no browser needed). */
export function parseHtmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** lib/page's article finder over a linkedom document: the CLI's HTML reader for pages and corpus files. */
export function htmlToArticleNode(html: string): HtmlArticle | null {
  return htmlToArticle(html, parseHtmlDocument);
}

/** lib/page's fragment reader over linkedom: the CLI's reader of feed items' HTML. */
export function htmlToTextNode(html: string): FoundText {
  return htmlFragmentText(html, parseHtmlDocument);
}
