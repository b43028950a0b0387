/** Reading one subscribed feed: fetch it (304 when unchanged), parse it, skip the items already
 *  read or already in the corpus before any further request, make each new item an article
 *  (the feed's full text, else its page's article, else its summary, marked so), commit them
 *  as one import and answer the feed's new record. Nothing here throws: every problem ends up,
 *  in plain words, on the feed's record. */
import type { Feed, FeedItem } from '../../corpus/feeds/feed';
import { carriesFullText, itemArticle, type ItemArticle } from '../../corpus/feeds/item-article';
import { parseFeedInSlices, type ParsedFeed, type Slicing } from '../../corpus/feeds/parse-feed';
import { afterFailure, afterSuccess } from '../../corpus/feeds/schedule';
import { urlKey } from '../../corpus/identity';
import type { HtmlArticle } from '../../corpus/files/ingest';
import { stableId } from '../../corpus/files/manifest';
import type { CallResult, ImportArticle, ImportSummary } from '../messaging/messages';
import { MAX_KNOWN_ITEMS, type FeedRecord, type KnownItem } from './feed-records';
import { htmlArticleOf } from '../extract/extract-article';
import { nextMacrotask } from '../corpus/chunked-build';
import { fragmentText } from './html-reader';
import type { Fetched } from './polite-fetch';

/** Most new items read in one refresh (newest first); the rest wait for the next one. */
export const MAX_NEW_PER_REFRESH = 60;

/** A slice of a refresh's own work (parsing, checking items, making articles) in ms: between
 *  two slices the worker answers pages. */
export const REFRESH_SLICE_MS = 8;

const DEFAULT_SLICING: Slicing = { pause: nextMacrotask, now: () => performance.now(), sliceMs: REFRESH_SLICE_MS };

/** What a refresh needs: the fetcher, what the corpus already holds, and the commit. */
export interface RefreshDeps {
  get(url: string, validators?: { etag?: string | null; lastModified?: string | null }): Promise<Fetched>;
  /** True when an article of this id is in the user corpus (an item read before a restart). */
  hasArticle(id: string): boolean;
  /** Adds the articles in one import job (labels: the item keys). */
  commit(articles: ImportArticle[]): Promise<CallResult<ImportSummary>>;
  /** Finds the article of a fetched page (default lib/ext/extract's: Readability where a DOM
   *  parser is, Chrome's offscreen document). */
  readPage?(html: string): Promise<{ article: HtmlArticle | null; error: string | null }>;
  /** Whether Echoes may request this address (its host permission); default yes. */
  mayFetch?(url: string): Promise<boolean>;
  /** Items published before this (ms since 1970) are past the age the corpus keeps: they are
   *  skipped before any fetch, and not remembered, so a longer bound reads them later. */
  oldestKeptMs?: number;
  /** How the work is cut into tasks (default: slices of REFRESH_SLICE_MS, setTimeout between). */
  slicing?: Slicing;
  now(): number;
}

/** Reads `record`'s feed and answers its next record (the articles committed first). */
export async function refreshFeed(record: FeedRecord, deps: RefreshDeps): Promise<FeedRecord> {
  const fetched = await deps.get(record.url, { etag: record.etag, lastModified: record.lastModified });
  const failed = (error: string): FeedRecord => ({ ...record, timing: afterFailure(record.timing, deps.now()), lastError: error, lastNew: 0 });
  if (!fetched.ok) return failed(fetched.error);
  if (fetched.status === 304) return { ...record, timing: afterSuccess(record.timing, deps.now()), lastError: null, lastNew: 0 };
  const slicing = deps.slicing ?? DEFAULT_SLICING;
  const parsed: ParsedFeed = await parseFeedInSlices(fetched.text, fetched.url, slicing);
  if (!parsed.ok) return failed(parsed.error);
  const fresh = (await newItems(parsed.feed, record, deps, slicing)).slice(0, MAX_NEW_PER_REFRESH);
  const made: Made[] = [];
  // One item's article per task: a full-text item is cleaned here, on the worker's thread.
  for (const item of fresh) {
    made.push(await articleOf(item, record.outlet, deps));
    await slicing.pause();
  }
  const articles = made.flatMap(({ item, result }) => (result.ok ? [{ article: result.article, label: item.key }] : []));
  const summary = articles.length > 0 ? await deps.commit(articles) : { ok: true as const, value: { added: [], skipped: [] } };
  // Nothing is marked read unless its articles were stored: a failed save is read again next time.
  if (!summary.ok) return failed(`the new articles could not be saved (${summary.error})`);
  const known = knownItems(made, summary.value).map((item) => ({ ...item, addedMs: deps.now() }));
  const listedNote = parsed.listed !== undefined && parsed.listed > parsed.feed.items.length
    ? `the feed lists ${parsed.listed} items; only the newest ${parsed.feed.items.length} are read` : null;
  return {
    ...record, etag: fetched.etag, lastModified: fetched.lastModified,
    timing: afterSuccess(record.timing, deps.now(), parsed.feed.ttlMinutes),
    lastError: listedNote, lastNew: summary.value.added.length, lastListed: parsed.listed ?? parsed.feed.items.length,
    items: [...record.items, ...known].slice(-MAX_KNOWN_ITEMS),
  };
}

/** The article id an item gets (itemArticle's rule), to check the corpus before any fetch. */
export function itemArticleId(item: FeedItem, outlet: string): string {
  return stableId(urlKey(item.url) ?? item.url ?? `${outlet}\n${item.key}`);
}

/** The items not read before, in feed order (newest first), checked a slice at a time. */
async function newItems(feed: Feed, record: FeedRecord, deps: RefreshDeps, slicing: Slicing): Promise<FeedItem[]> {
  const known = new Set(record.items.map((i) => i.key));
  const seen = new Set<string>();
  const fresh: FeedItem[] = [];
  let sliceStart = slicing.now();
  for (const listed of feed.items) {
    // An item with no guid, link or title is known by its text, so it is not read twice.
    const item = listed.key ? listed : { ...listed, key: `text:${stableId(listed.content?.value ?? listed.summary?.value ?? '')}` };
    const old = deps.oldestKeptMs !== undefined && item.publishedMs !== null && item.publishedMs < deps.oldestKeptMs;
    if (!known.has(item.key) && !seen.has(item.key) && !old) {
      seen.add(item.key);
      if (!deps.hasArticle(itemArticleId(item, record.outlet))) fresh.push(item);
    }
    if (slicing.now() - sliceStart >= slicing.sliceMs) {
      await slicing.pause();
      sliceStart = slicing.now();
    }
  }
  return fresh;
}

/** The item's article, and a note when only its summary could be kept. */
async function articleOf(item: FeedItem, outlet: string, deps: RefreshDeps): Promise<Made> {
  const ctx = { outlet, htmlToText: fragmentText };
  if (carriesFullText(item, fragmentText) || !item.url) return { item, result: itemArticle(item, null, ctx), note: null };
  const page = await fetchPage(item.url, deps);
  const result = itemArticle(item, page.article, ctx);
  const summaryOnly = result.ok && result.source === 'summary';
  const note = summaryOnly ? `only the feed's summary is kept: ${page.problem ?? 'the page is paywalled or too short'}` : null;
  return { item, result, note };
}

async function fetchPage(url: string, deps: RefreshDeps): Promise<{ article: HtmlArticle | null; problem: string | null }> {
  if (deps.mayFetch && !(await deps.mayFetch(url))) return { article: null, problem: `no permission for ${new URL(url).host}` };
  const fetched = await deps.get(url);
  if (!fetched.ok) return { article: null, problem: `the page: ${fetched.error}` };
  if (fetched.status === 304) return { article: null, problem: 'the page answered 304 without having been asked before' };
  const read = await (deps.readPage ?? htmlArticleOf)(fetched.text);
  return { article: read.article, problem: read.article ? null : read.error ?? 'no article was found on the page' };
}

interface Made { item: FeedItem; result: ItemArticle; note: string | null }

function knownItems(made: Made[], summary: ImportSummary): KnownItem[] {
  const skipped = new Map(summary.skipped.map((s) => [s.label, s.reason]));
  const added = new Map(summary.added.map((a) => [a.url, a.id]));
  return made.map(({ item, result, note }): KnownItem => {
    if (!result.ok) return { key: item.key, articleId: null, source: null, note: result.error };
    const reason = skipped.get(item.key);
    if (reason) return { key: item.key, articleId: null, source: null, note: reason };
    return { key: item.key, articleId: added.get(result.article.url) ?? result.article.id, source: result.source, note };
  });
}
