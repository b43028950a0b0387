import { preferredCredit } from '../meta/credits';
import { cleanFoundText } from './found-text';
import { urlKey } from '../identity';
import type { IngestResult } from '../files/ingest';
import { resolveArticle, stableId, type ArticleFacts } from '../files/manifest';

/** What a content script found on a live page (ContentCalls.pageArticle): the article text
 *  cut into blocks at `blockStarts`, the page's address and what its metadata says (outlet =
 *  og:site_name, published = YYYY-MM-DD, title = og:title or the document title); null
 *  where the page says nothing. */
export interface PageArticle {
  url: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  text: string;
  blockStarts: number[];
  /** Who the page credits (its byline, JSON-LD, meta tags), most trusted first. */
  credits?: string[];
}

/** A live page's article -> one Article, cleaned exactly like an .html corpus file
 *  (cleanFoundText). id: a stable hash of the page's urlKey (so tracking parameters or a
 *  #hash give the same id), of the raw URL when it is not http(s). outlet: the page's own
 *  name, else its host without "www.", else the URL. Refuses a page without article text
 *  (or with only boilerplate) with one line saying what to do. */
export function articleFromPage(page: PageArticle): IngestResult {
  if (typeof page.text !== 'string' || page.text.trim() === '') {
    return { ok: false, error: 'no article text found on this page: open the article itself (not a front page or a list) and try again' };
  }
  const cleaned = cleanFoundText({ title: page.title?.trim() || null, text: page.text, blockStarts: Array.isArray(page.blockStarts) ? page.blockStarts : [] });
  if (cleaned.text.trim() === '') {
    return { ok: false, error: 'the article on this page has no text left after removing boilerplate (ads, share buttons, bylines): nothing to add' };
  }
  const url = page.url?.trim() || null;
  const credit = preferredCredit(Array.isArray(page.credits) ? page.credits.filter((c) => typeof c === 'string').slice(0, 20) : []);
  const facts: ArticleFacts = { url, published: page.published?.trim() || undefined, outlet: page.outlet?.trim() || undefined, credit: credit ?? undefined };
  const id = stableId(urlKey(url) ?? url ?? cleaned.text);
  return { ok: true, articles: [resolveArticle({ id, fallbackName: url ?? 'this page', cleaned, facts })] };
}
