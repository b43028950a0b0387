/** A feed saved as a file (.xml/.rss/.atom, or a JSON Feed .json) -> corpus articles, each item
 *  by the same rules as a subscribed feed's (itemArticle) except that nothing is fetched: an
 *  item the file carries only a summary of becomes an article of that summary. Pure. */
import type { Article } from '../article';
import { hostOf, type SourceEntry } from '../files/manifest';
import { itemArticle, type HtmlToText } from './item-article';
import { parseFeed } from './parse-feed';

/** File extensions (lower case, no dot) that are always feeds; a .json file is one when it
 *  says so (isJsonFeedValue). */
export const FEED_EXTENSIONS: readonly string[] = ['xml', 'rss', 'atom'];

/** What reading a feed file needs: the HTML reader for item markup, and the manifest's entry
 *  for the file (its outlet, site and credit apply to every item). */
export interface FeedFileOptions { htmlToText?: HtmlToText; entry?: SourceEntry }

/** The file's items as articles (items without any text left out, a repeated item kept once),
 *  or one line naming the file and saying what is wrong. */
export function ingestFeedFile(fileName: string, content: string, opts: FeedFileOptions): { ok: true; articles: Article[] } | { ok: false; error: string } {
  const parsed = parseFeed(content);
  if (!parsed.ok) return { ok: false, error: `${fileName}: ${parsed.error}` };
  const { htmlToText } = opts;
  if (!htmlToText) return { ok: false, error: `${fileName}: feed files need an HTML reader here; load them with the CLI or the options page` };
  const { feed } = parsed;
  const entry = opts.entry ?? {};
  const outlet = entry.outlet ?? feed.title ?? hostOf(feed.siteUrl) ?? fileName.replace(/^.*[\\/]/, '');
  const articles: Article[] = [];
  const seen = new Set<string>();
  for (const item of feed.items) {
    const made = itemArticle(item, null, { outlet, htmlToText });
    if (!made.ok || seen.has(made.article.id)) continue;
    seen.add(made.article.id);
    const { site, credit } = entry;
    articles.push({ ...made.article, ...(site !== undefined ? { site } : {}), ...(credit !== undefined ? { credit } : {}) });
  }
  if (articles.length === 0) return { ok: false, error: `${fileName}: the feed has no item with article text (${feed.items.length} items read)` };
  return { ok: true, articles };
}
