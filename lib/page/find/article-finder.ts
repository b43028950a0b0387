/** Finding the article of the live page without a long task on its thread: the page is
 *  serialised once, Readability runs where a DOM parser is away from the page (lib/ext/extract:
 *  Chrome's offscreen document, Firefox's background page), and its kept texts are mapped back
 *  onto the live nodes in slices (lib/page/find/map-back.ts). */
import type { ExtractOutcome } from './article-extract';
import { commonAncestor, type FoundArticle } from './article';
import { mapTextsBack, type MapBackOptions } from './map-back';
import { elementCountUpTo, pageTooLarge } from './page-limits';
import { serialiseInSlices } from './serialise';

/** The article found, or why there is none (null reason: nothing worth telling the user). */
export type FindOutcome = { found: true; article: FoundArticle } | { found: false; reason: string | null; tooLarge?: true };

/** Where Readability runs: the page's HTML in, its outcome out (or why it could not run). */
export type ExtractElsewhere = (html: string) => Promise<{ ok: true; value: ExtractOutcome } | { ok: false; error: string }>;

/** Options of findArticleElsewhere; `onTask` hears each synchronous piece's duration. */
export interface FinderOptions extends Pick<MapBackOptions, 'yieldTask' | 'now' | 'sliceMs'> {
  onTask?: (label: string, ms: number) => void;
}

/** Finds the article of `doc` (not changed) through `extract`. */
export async function findArticleElsewhere(doc: Document, extract: ExtractElsewhere, opts: FinderOptions = {}): Promise<FindOutcome> {
  const now = opts.now ?? (() => performance.now());
  const task = opts.onTask ?? (() => undefined);
  if (!doc.body) return { found: false, reason: null };
  let start = now();
  const tooLarge = pageTooLarge(elementCountUpTo(doc));
  task('counting the page', now() - start);
  if (tooLarge) return { found: false, reason: tooLarge, tooLarge: true };
  const html = await serialiseInSlices(doc.documentElement, { ...opts, onSlice: (ms) => task('serialising the page', ms) });
  const limit = pageTooLarge(0, html.length);
  if (limit) return { found: false, reason: limit, tooLarge: true };
  const answer = await extract(html);
  if (!answer.ok) throw new Error(answer.error);
  if (!answer.value.found) return { found: false, reason: answer.value.reason };
  const { extract: found } = answer.value;
  const nodes = await mapTextsBack(doc.body, found.texts, { ...opts, onSlice: (ms) => task('mapping the article back', ms) });
  start = now();
  const root = commonAncestor([...nodes]);
  task('finding the article root', now() - start);
  if (!root) return { found: false, reason: 'the article found could not be located on the page (it changed meanwhile)' };
  return {
    found: true,
    article: {
      root, nodes, title: found.article.title, byline: found.byline,
      siteName: found.siteName, publishedTime: found.article.published ?? null,
    },
  };
}
