/** "Find the article in this HTML" for the background: the same Readability path as the page
 *  (lib/page/find/article-extract.ts), where a DOM parser is. Firefox's background page has
 *  DOMParser; Chrome's service worker has none, so there the HTML goes to an offscreen
 *  document (lib/ext/extract/offscreen-document.ts). Feeds use it for fetched pages too. */
import type { HtmlArticle } from '../../corpus/files/ingest';
import { extractFromHtml, type ExtractOutcome } from '../../page/find/article-extract';
import { pageTooLarge } from '../../page/find/page-limits';
import type { CallResult } from '../messaging/messages';
import { extractInOffscreen } from './offscreen-document';

/** Finds the article in `html`. Answers { ok: false } only when no parser could be reached;
 *  a page without an article is { ok: true, value: { found: false, reason } }. HTML longer
 *  than MAX_PAGE_HTML_CHARS is refused with a reason, unparsed. */
export async function extractArticle(html: string): Promise<CallResult<ExtractOutcome>> {
  const tooLarge = pageTooLarge(0, html.length);
  if (tooLarge) return { ok: true, value: { found: false, reason: tooLarge } };
  if (typeof DOMParser === 'function') {
    return { ok: true, value: extractFromHtml(html, (text) => new DOMParser().parseFromString(text, 'text/html')) };
  }
  return extractInOffscreen(html);
}

/** The article of a fetched page as the corpus takes it, or null when there is none or no
 *  parser could be reached (then `error` says which). */
export async function htmlArticleOf(html: string): Promise<{ article: HtmlArticle | null; error: string | null }> {
  const answer = await extractArticle(html);
  if (!answer.ok) return { article: null, error: answer.error };
  return answer.value.found ? { article: answer.value.extract.article, error: null } : { article: null, error: answer.value.reason };
}
