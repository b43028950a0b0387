import type { Article } from './article';

/** One article as one line of JSONL (no line break in it): {"id", "outlet", "site", "url",
 *  "published", "title", "credit", "text", "blocks"} in that order, unknown values as null,
 *  blocks as {"kind", "start", "end"}. ingestFile reads such lines back into articles equal
 *  to the originals (text and blocks kept as they are, not cleaned again). */
export function articleToJsonLine(article: Article): string {
  const { id, outlet, site, url, published, title, credit, text, blocks } = article;
  return JSON.stringify({
    id, outlet, site, url, published, title, credit, text,
    blocks: blocks.map(({ kind, start, end }) => ({ kind, start, end })),
  });
}
