import type { HtmlArticle } from '../../corpus/files/ingest';
import { toIsoDate } from '../../corpus/meta/dates';
import { readPageMeta } from '../find/page-meta';
import { runReadability } from '../find/readability';
import { buildTextModel } from '../model/text-model';

/** An HTML page -> its article for the CLI and corpus ingestion, or null when there is none.
 *  `parse` turns HTML into a Document: linkedom's `parseHTML(html).document` or happy-dom's
 *  DOMParser both work. `text` is the article's blocks (paragraphs, headings, captions), each
 *  with whitespace runs squashed to one space, joined with "\n\n"; `blockStarts` are their
 *  offsets. Metadata comes from meta tags, then Readability's own findings. */
export function htmlToArticle(html: string, parse: (html: string) => Document): HtmlArticle | null {
  let doc: Document;
  try {
    doc = parse(html);
  } catch {
    return null;
  }
  const meta = readPageMeta(doc); // before Readability rewrites the document
  const parsed = runReadability(doc);
  if (!parsed) return null;
  const model = buildTextModel(parsed.content, { isHidden: () => false });
  const { text, blockStarts } = joinBlocks(model.text, model.blockStarts);
  if (text.length === 0) return null;
  return {
    title: meta.title ?? parsed.title, text, blockStarts,
    url: meta.url, outlet: meta.outlet ?? parsed.siteName,
    published: meta.published ?? (parsed.publishedTime ? toIsoDate(parsed.publishedTime) : null),
    publishedAt: meta.publishedAt, credits: meta.credits, sourceLinks: meta.sourceLinks,
  };
}

/** Blocks of `raw` (cut at `starts`) squashed and joined with a blank line. */
export function joinBlocks(raw: string, starts: readonly number[]): { text: string; blockStarts: number[] } {
  const cuts = [...starts, raw.length];
  const blocks: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const block = raw.slice(cuts[i], cuts[i + 1]).replace(/\s+/g, ' ').trim();
    if (block) blocks.push(block);
  }
  const blockStarts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    blockStarts.push(offset);
    offset += block.length + 2;
  }
  return { text: blocks.join('\n\n'), blockStarts };
}
