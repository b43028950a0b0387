/** The shape every feed format is read into (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed), so the
 *  rest of Echoes never looks at a format again. Pure data: strings as the feed gave them. */

/** A piece of an item's text and how to read it: `html` markup (RSS description,
 *  content:encoded, Atom type="html"/"xhtml", JSON content_html) or plain `text`. */
export interface FeedBody { kind: 'html' | 'text'; value: string }

/** One feed item. `key` tells it apart within its feed across refreshes (guid / id, else the
 *  link, else the title): an item whose key was seen before is skipped before any fetch. */
export interface FeedItem {
  key: string;
  /** Absolute http(s) address of the article, or null when the item has none. */
  url: string | null;
  /** The title as the feed gave it; `titleIsHtml` says it may hold markup to strip. */
  title: string | null;
  titleIsHtml: boolean;
  /** Milliseconds since 1970 (UTC) of publication (else last update); null when unknown. */
  publishedMs: number | null;
  /** The item's author(s) or byline, joined with ", "; null when none. */
  author: string | null;
  /** The item's full content when the feed carries one (content:encoded, Atom content). */
  content: FeedBody | null;
  /** The item's summary (RSS description, Atom summary, JSON summary). */
  summary: FeedBody | null;
}

/** Which format a feed was written in. */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** A parsed feed: its own title and site address, how often it asks to be read, its items. */
export interface Feed {
  format: FeedFormat;
  title: string | null;
  /** The site the feed belongs to (RSS channel link, Atom alternate link, JSON home_page_url). */
  siteUrl: string | null;
  /** RSS <ttl>: minutes the feed may be cached; null when it does not say. */
  ttlMinutes: number | null;
  items: FeedItem[];
}

/** A feed, or one line saying what is wrong with it and what to do. */
export type FeedResult = { ok: true; feed: Feed } | { ok: false; error: string };

/** A feed read up to its items: everything but the items, how many there are, and the reading
 *  of item `i` (0 <= i < count), so a caller can read them a few at a time. */
export interface FeedDraft { head: Omit<Feed, 'items'>; count: number; item(i: number): FeedItem }

/** A draft, or one line saying what is wrong (as FeedResult). */
export type DraftResult = { ok: true; draft: FeedDraft } | { ok: false; error: string };

/** The feed of a draft, every item read at once. */
export function completeDraft(draft: FeedDraft): Feed {
  return { ...draft.head, items: Array.from({ length: draft.count }, (_, i) => draft.item(i)) };
}

/** A draft over `sources` read by `read`. */
export function draftOf<T>(head: Omit<Feed, 'items'>, sources: readonly T[], read: (source: T) => FeedItem): FeedDraft {
  return { head, count: sources.length, item: (i) => read(sources[i] as T) };
}

/** Milliseconds of a feed date (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed); null when
 *  missing or not a date. JS Date reads both forms. */
export function feedDateMs(value: unknown): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value.trim());
  return Number.isFinite(ms) ? ms : null;
}

/** `value` resolved against `base` when it is an http(s) address; null otherwise (mailto:,
 *  javascript:, malformed), so an item can never point Echoes anywhere but the web. */
export function httpUrl(value: unknown, base?: string | null): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Trimmed text with whitespace runs squashed; null when nothing is left. */
export function cleanLine(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const line = value.replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
}
