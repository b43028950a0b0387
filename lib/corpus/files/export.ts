import type { Article } from '../article';

/** One article as one line of JSONL (no line break in it): {"id", "outlet", "site", "url",
 *  "published", "publishedAt" (only when the article has a time of day), "title", "credit",
 *  "text", "blocks"} in that order, unknown values as null, blocks as {"kind", "start", "end"}.
 *  ingestFile reads such lines back into articles equal to the originals (text and blocks kept
 *  as they are, not cleaned again; the time of day kept for same-day provenance). */
export function articleToJsonLine(article: Article): string {
  const { id, outlet, site, url, published, publishedAt, title, credit, text, blocks } = article;
  return JSON.stringify({
    id, outlet, site, url, published, ...(publishedAt ? { publishedAt } : {}), title, credit, text,
    blocks: blocks.map(({ kind, start, end }) => ({ kind, start, end })),
  });
}
