import { Readability } from '@mozilla/readability';

/** What Readability found: the article content as an element of the document it was run on. */
export interface ParsedArticle {
  content: Element;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

/** Readability on a document we own (it rewrites that document); null when it finds no article
 *  or cannot walk the markup. */
export function runReadability(doc: Document): ParsedArticle | null {
  try {
    const result = new Readability<Element>(doc, { serializer: (node) => node as Element }).parse();
    if (!result?.content) return null;
    return {
      content: result.content, title: result.title ?? null, byline: result.byline ?? null,
      siteName: result.siteName ?? null, publishedTime: result.publishedTime ?? null,
    };
  } catch {
    return null;
  }
}
