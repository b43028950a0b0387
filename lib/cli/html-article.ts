import { parseHTML } from 'linkedom';
import type { HtmlArticle } from '../corpus/ingest';
import { htmlToArticle } from '../page/article';

/** Parses HTML with linkedom (no browser needed). */
export function parseHtmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** lib/page's article finder over a linkedom document: the CLI's HTML reader for pages and corpus files. */
export function htmlToArticleNode(html: string): HtmlArticle | null {
  return htmlToArticle(html, parseHtmlDocument);
}
