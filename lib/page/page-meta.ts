import { toIsoDate } from '../corpus/dates';

/** Article facts a page states in its <head>; null where it states none. */
export interface PageMeta { url: string | null; published: string | null; outlet: string | null; title: string | null }

/** Reads og:site_name, og:url / canonical link, article:published_time (and common
 *  equivalents) and og:title. `published` is YYYY-MM-DD. */
export function readPageMeta(doc: Document): PageMeta {
  const meta = (...names: string[]): string | null => {
    for (const name of names) {
      const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
      const value = el?.getAttribute('content')?.trim();
      if (value) return value;
    }
    return null;
  };
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const published = meta('article:published_time', 'og:article:published_time', 'datePublished',
    'pubdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date');
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  return {
    url: absoluteUrl(meta('og:url') ?? canonical),
    published: (published && toIsoDate(published)) || (time && toIsoDate(time)) || null,
    outlet: meta('og:site_name', 'application-name', 'publisher'),
    title: meta('og:title', 'twitter:title'),
  };
}

function absoluteUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    return new URL(value).href;
  } catch {
    return null; // relative or malformed: no reliable address
  }
}
