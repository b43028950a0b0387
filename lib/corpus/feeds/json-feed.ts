/** JSON Feed 1.0 / 1.1 (jsonfeed.org) -> Feed. Pure. */
import { findJsonSyntaxError } from '../files/json-error';
import { isPlainObject } from '../files/manifest';
import { cleanLine, draftOf, feedDateMs, httpUrl, type DraftResult, type FeedBody, type FeedItem } from './feed';

/** The `version` every JSON Feed starts with. */
const VERSION_PREFIX = 'https://jsonfeed.org/version/';

/** True when `value` (parsed JSON) is a JSON Feed rather than a list of articles. */
export function isJsonFeedValue(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && typeof value.version === 'string' && value.version.startsWith(VERSION_PREFIX);
}

/** A JSON Feed -> its draft: parsed in one call, the items left to read. */
export function draftJsonFeed(json: string, baseUrl: string | null = null): DraftResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    const where = findJsonSyntaxError(json);
    const at = where ? ` at line ${where.line}, column ${where.column} (${where.reason})` : '';
    return { ok: false, error: `the feed is not valid JSON${at}: the site's feed is broken; try again later or tell the site` };
  }
  if (!isJsonFeedValue(value)) {
    return { ok: false, error: `this JSON is not a JSON Feed (it has no "version": "${VERSION_PREFIX}1.1"): give the address of the feed itself` };
  }
  if (!Array.isArray(value.items)) return { ok: false, error: 'this JSON Feed has no "items" list: the site\'s feed is broken' };
  const base = httpUrl(value.feed_url, baseUrl) ?? baseUrl;
  const feedAuthor = authorsOf(value);
  const head = { format: 'json' as const, title: cleanLine(value.title), siteUrl: httpUrl(value.home_page_url, base), ttlMinutes: null };
  return { ok: true, draft: draftOf(head, value.items.filter(isPlainObject), (item) => jsonItem(item, base, feedAuthor)) };
}

function jsonItem(item: Record<string, unknown>, base: string | null, feedAuthor: string | null): FeedItem {
  const url = httpUrl(item.url, base) ?? httpUrl(item.external_url, base);
  const title = cleanLine(item.title);
  const id = typeof item.id === 'number' ? String(item.id) : cleanLine(item.id);
  const html = body('html', item.content_html);
  return {
    key: id ?? url ?? title ?? '',
    url, title, titleIsHtml: false,
    publishedMs: feedDateMs(item.date_published) ?? feedDateMs(item.date_modified),
    author: authorsOf(item) ?? feedAuthor,
    content: html ?? body('text', item.content_text),
    summary: body('text', item.summary),
  };
}

/** 1.1's `authors` list, or 1.0's single `author`, as names joined with ", ". */
function authorsOf(record: Record<string, unknown>): string | null {
  const list = Array.isArray(record.authors) ? record.authors : record.author !== undefined ? [record.author] : [];
  const names = list.flatMap((a) => (isPlainObject(a) ? cleanLine(a.name) ?? [] : []));
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

function body(kind: FeedBody['kind'], value: unknown): FeedBody | null {
  return typeof value === 'string' && value.trim() !== '' ? { kind, value } : null;
}
