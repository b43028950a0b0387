import type { HtmlArticle } from '../../corpus/files/ingest';
import { toIsoDate } from '../../corpus/meta/dates';
import { contentBlocks, judgeArticle, pageFacts } from './article-gate';
import { joinBlocks } from '../html/html-article';
import { readPageMeta } from './page-meta';
import { runReadability } from './readability';
import { buildTextModel } from '../model/text-model';

/** The article Readability found in a parsed copy of a page, in JSON-safe form, so it can be
 *  found where a DOM parser runs off the page's thread and mapped back onto the live page. */
export interface ArticleExtract {
  /** The texts of the text nodes Readability kept, in document order, blank ones left out:
   *  the page finds its own nodes holding them (lib/page/find/map-back.ts). */
  texts: string[];
  /** The article as the corpus takes it (blocks squashed and joined with a blank line). */
  article: HtmlArticle;
  byline: string | null;
  siteName: string | null;
}

/** An extract, or why the page is not an article (one line for the popup). */
export type ExtractOutcome = { found: true; extract: ArticleExtract } | { found: false; reason: string };

/** Finds the article in `doc`, a document we own (Readability rewrites it): Readability, then
 *  the article gate (lib/page/find/article-gate.ts) on what it kept. */
export function extractFromDocument(doc: Document): ExtractOutcome {
  if (!doc.body) return { found: false, reason: 'the page has no body' };
  const meta = readPageMeta(doc); // before Readability rewrites the document
  const facts = pageFacts(doc); // Readability drops forms
  const parsed = runReadability(doc);
  if (!parsed) return { found: false, reason: 'no article text was found on this page' };
  const verdict = judgeArticle(facts, contentBlocks(parsed.content));
  if (!verdict.article) return { found: false, reason: verdict.reason };
  const model = buildTextModel(parsed.content, { isHidden: () => false });
  const { text, blockStarts } = joinBlocks(model.text, model.blockStarts);
  if (text.length === 0) return { found: false, reason: 'no article text was found on this page' };
  return {
    found: true,
    extract: {
      texts: model.nodes.map((n) => n.data).filter((t) => t.trim().length > 0),
      article: {
        title: meta.title ?? parsed.title, text, blockStarts, url: meta.url, outlet: meta.outlet ?? parsed.siteName,
        published: meta.published ?? (parsed.publishedTime ? toIsoDate(parsed.publishedTime) : null),
      },
      byline: parsed.byline, siteName: parsed.siteName,
    },
  };
}

/** extractFromDocument over HTML, parsed by `parse` (DOMParser, linkedom's parseHTML). */
export function extractFromHtml(html: string, parse: (html: string) => Document): ExtractOutcome {
  let doc: Document;
  try {
    doc = parse(html);
  } catch {
    return { found: false, reason: 'the page could not be parsed as HTML' };
  }
  return extractFromDocument(doc);
}
