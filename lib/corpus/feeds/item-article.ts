/** A feed item -> an Article: the full text when the feed carries the whole article, else the
 *  article found on its page, else (paywalled, too short, not fetched) the feed's summary,
 *  marked so. Pure: HTML is read by the `htmlToText` the caller passes (linkedom in the worker
 *  and the CLI, DOMParser on a page). */
import type { Article } from '../article';
import { cleanFoundText, type FoundText } from '../clean/found-text';
import { urlKey } from '../identity';
import type { HtmlArticle } from '../files/ingest';
import { resolveArticle, stableId } from '../files/manifest';
import type { FeedBody, FeedItem } from './feed';

/** Words a text needs to count as a whole article rather than a teaser: feed summaries and
 *  paywall teasers mostly run 20-80 words, news articles 300 and more (short wire briefs 100+). */
export const FULL_TEXT_MIN_WORDS = 100;

/** HTML (a fragment or a page's markup) -> its text in blocks. */
export type HtmlToText = (html: string) => FoundText;

/** How an item's article text was obtained: `feed` the feed's own full content, `page` the
 *  linked page's article, `summary` only the feed's summary (the page was paywalled, too
 *  short or not fetched). */
export type TextSource = 'feed' | 'page' | 'summary';

/** What itemArticle answers: the article and where its text came from, or why there is none. */
export type ItemArticle = { ok: true; article: Article; source: TextSource } | { ok: false; error: string };

/** What the article is made with: the outlet's name (the subscription's), the HTML reader. */
export interface ItemContext { outlet: string; htmlToText: HtmlToText }

/** The item's own text as blocks: content, else summary, whichever is longer in words. */
export function itemText(item: FeedItem, htmlToText: HtmlToText): FoundText | null {
  const texts = [item.content, item.summary].flatMap((b) => (b ? [bodyText(b, htmlToText)] : []));
  texts.sort((a, b) => wordCount(b.text) - wordCount(a.text));
  return texts[0] && texts[0].text.trim() !== '' ? texts[0] : null;
}

/** True when the feed itself carries the whole article, so its page need not be fetched. */
export function carriesFullText(item: FeedItem, htmlToText: HtmlToText): boolean {
  const text = itemText(item, htmlToText);
  return text !== null && wordCount(text.text) >= FULL_TEXT_MIN_WORDS;
}

/** The item's article. `page`: the linked page's article when it was fetched (null: not
 *  fetched or none found). The page wins when it is a whole article; else the feed's text. */
export function itemArticle(item: FeedItem, page: HtmlArticle | null, ctx: ItemContext): ItemArticle {
  const own = itemText(item, ctx.htmlToText);
  const ownWords = own ? wordCount(own.text) : 0;
  const pageWords = page ? wordCount(page.text) : 0;
  const usePage = page !== null && pageWords >= FULL_TEXT_MIN_WORDS && pageWords >= ownWords;
  const found = usePage ? page : own;
  if (!found) return { ok: false, error: item.url ? 'the item has no text and its page has no article' : 'the item has neither a link nor any text' };
  const source: TextSource = usePage ? 'page' : ownWords >= FULL_TEXT_MIN_WORDS ? 'feed' : 'summary';
  const cleaned = cleanFoundText({ title: null, text: found.text, blockStarts: found.blockStarts });
  if (cleaned.text.trim() === '') return { ok: false, error: 'the item has no article text left after removing boilerplate' };
  const title = itemTitle(item, ctx.htmlToText) ?? (usePage ? page.title : null);
  const published = item.publishedMs !== null ? new Date(item.publishedMs).toISOString() : (usePage ? page.published ?? undefined : undefined);
  const key = urlKey(item.url) ?? item.url ?? `${ctx.outlet}\n${item.key}`;
  const article = resolveArticle({
    id: stableId(key), fallbackName: ctx.outlet, cleaned,
    facts: { outlet: ctx.outlet, url: item.url, title: title ?? undefined, published, credit: item.author ?? undefined },
  });
  return { ok: true, article, source };
}

/** The item's title as plain text: markup stripped (shown as text either way), no controls. */
export function itemTitle(item: FeedItem, htmlToText: HtmlToText): string | null {
  if (!item.title) return null;
  const plain = item.titleIsHtml ? htmlToText(item.title).text : item.title;
  // eslint-disable-next-line no-control-regex
  const line = plain.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
}

function bodyText(body: FeedBody, htmlToText: HtmlToText): FoundText {
  if (body.kind === 'html') return htmlToText(body.value);
  const paragraphs = body.value.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const blockStarts: number[] = [];
  let at = 0;
  for (const p of paragraphs) blockStarts.push(at), (at += p.length + 2);
  return { title: null, text: paragraphs.join('\n\n'), blockStarts };
}

/** Words in `text` (runs of letters or digits). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
