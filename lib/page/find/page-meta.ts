import { readArticleMeta, type ArticleMeta } from '../../corpus/meta/article-meta';

/** Article facts a page states about itself; null (or []) where it states none. `published`
 *  is YYYY-MM-DD; the rest is lib/corpus ArticleMeta (time, credits, source links). */
export interface PageMeta extends ArticleMeta { url: string | null; outlet: string | null; title: string | null }

// Byline elements CMSs mark up; their text is a credit ("By AFP", "Jane Doe, AP").
const BYLINE_SELECTOR = '[rel="author"], [itemprop="author"], .byline, .author, .article-byline, [class*="byline"]';
const MAX_BYLINES = 5;

/** Reads og:site_name, og:url / canonical link, og:title, and through lib/corpus
 *  readArticleMeta the date and credits of its JSON-LD, meta tags, <time> elements and
 *  byline elements. */
export function readPageMeta(doc: Document): PageMeta {
  const meta = metaTags(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const url = absoluteUrl(meta['og:url'] ?? canonical, doc);
  const found = readArticleMeta({
    url, canonical: absoluteUrl(canonical, doc), meta,
    jsonLd: [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
    times: timeValues(doc),
    bylines: [...doc.querySelectorAll(BYLINE_SELECTOR)].slice(0, MAX_BYLINES).map((el) => el.textContent ?? ''),
  });
  return {
    ...found, url,
    outlet: meta['og:site_name'] ?? meta['application-name'] ?? meta.publisher ?? null,
    title: meta['og:title'] ?? meta['twitter:title'] ?? null,
  };
}

/** Every meta tag's first content, keyed by its lower-cased property, name or itemprop. */
function metaTags(doc: Document): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const el of doc.querySelectorAll('meta[content]')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))?.trim().toLowerCase();
    const value = el.getAttribute('content')?.trim();
    if (key && value && !(key in tags)) tags[key] = value;
  }
  return tags;
}

/** <time> datetimes, the ones marked as the publication date first. */
function timeValues(doc: Document): string[] {
  const marked = [...doc.querySelectorAll('time[itemprop="datePublished"], time[pubdate], [itemprop="datePublished"][datetime]')];
  const all = [...doc.querySelectorAll('time[datetime]')];
  return [...new Set([...marked, ...all])].map((el) => el.getAttribute('datetime') ?? el.getAttribute('content') ?? '').filter(Boolean);
}

function absoluteUrl(value: string | null | undefined, doc: Document): string | null {
  if (!value) return null;
  try {
    return new URL(value, /^https?:/.test(doc.URL ?? '') ? doc.URL : undefined).href;
  } catch {
    return null; // relative on a page without an address, or malformed: no reliable address
  }
}
