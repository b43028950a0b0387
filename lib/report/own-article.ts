import type { Article } from '../corpus/article';
import { urlKey } from '../corpus/identity';

/** The host of an http(s) URL without a leading `www.`, lower case; null if none. */
export function hostOf(url: string | null | undefined): string | null {
  const parsed = parseHttpUrl(url);
  return parsed ? parsed.hostname.toLowerCase().replace(/^www\./, '') : null;
}

function parseHttpUrl(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** What is known of the page, to recognise its own article in the corpus. */
export interface PageIdentity { url: string | null; articleId?: string | null }

/** True when the article is the page itself by metadata: same id, same URL, or the same
 *  host (an outlet doesn't echo itself). Text identity is judged separately. */
export function isSameSource(page: PageIdentity, article: Article): boolean {
  if (page.articleId && page.articleId === article.id) return true;
  const pageUrl = urlKey(page.url);
  if (pageUrl && pageUrl === urlKey(article.url)) return true;
  const pageHost = hostOf(page.url);
  if (!pageHost) return false;
  const articleHost = hostOf(article.url) ?? article.site?.toLowerCase().replace(/^www\./, '') ?? null;
  return articleHost === pageHost;
}

/** How much of the page and of one article their verbatim matches cover. */
export interface OverlapCounts {
  /** Page sentences that match the article verbatim. */
  pageVerbatim: number;
  pageSentences: number;
  /** Distinct article sentences matched (any kind). */
  articleCovered: number;
  articleSentences: number;
}

/** Share that both sides must reach for two texts to count as one article. 000 and 001
 *  share 8 sentences: that is nearly all of 001 but well under half of 000, so they stay
 *  two outlets' articles; a re-fetched copy of the same article covers nearly all of both. */
export const SAME_ARTICLE_SHARE = 0.8;

/** True when the page and the article are the same text: most page sentences match it
 *  verbatim AND most of its sentences are covered. */
export function isSameText(counts: OverlapCounts): boolean {
  if (counts.pageSentences === 0 || counts.articleSentences === 0) return false;
  return counts.pageVerbatim / counts.pageSentences >= SAME_ARTICLE_SHARE
    && counts.articleCovered / counts.articleSentences >= SAME_ARTICLE_SHARE;
}
