/** What a document says about its own article (date, credits, the source it republishes),
 *  read from fields a caller has already pulled out of it: lib/page reads them from a live
 *  page or an HTML file, a feed reader from its items. Pure: no DOM. */
import { agencyOfSite } from './agencies';
import { creditsInText, lineCredit, preferredCredit } from './credits';
import { hostOf } from '../files/manifest';
import { readMoment } from './moments';
import { newsArticlesIn, type LdArticle } from './json-ld';

/** Raw fields of one document. `meta` maps a lower-cased meta name/property/itemprop to its
 *  first content; `jsonLd` holds the text of each ld+json script; `times` the datetime of
 *  <time> elements, article-level ones (itemprop=datePublished, pubdate) first. */
export interface MetaFields {
  url: string | null;
  canonical?: string | null;
  meta?: Readonly<Record<string, string>>;
  jsonLd?: readonly string[];
  times?: readonly string[];
  /** Text of the byline element(s) (rel=author, .byline), when the caller found any. */
  bylines?: readonly string[];
}

/** A document's own provenance. `published` YYYY-MM-DD and `publishedAt` the stated value with
 *  its time of day (null when only a date, or nothing, is stated); `credits` who it credits,
 *  most trusted first; `sourceLinks` addresses it names as its source (syndication-source,
 *  original-source, isBasedOn, a canonical link on another site). */
export interface ArticleMeta {
  published: string | null;
  publishedAt: string | null;
  credit: string | null;
  credits: string[];
  sourceLinks: string[];
}

// Most specific claim first: the article's structured data, then its Open Graph tag, then
// the catch-all names CMSs use. Modified dates are never a publication date.
const DATE_META = ['article:published_time', 'og:article:published_time', 'datepublished', 'pubdate',
  'publish-date', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date'];
const CREDIT_META = ['byl', 'author', 'article:author', 'dc.creator', 'sailthru.author', 'parsely-author', 'dc.source'];
const SOURCE_META = ['syndication-source', 'original-source'];

/** Reads `fields` into ArticleMeta. Conflicting dates: JSON-LD datePublished wins over meta
 *  tags, which win over <time> elements. Credits: JSON-LD sourceOrganization, dateline and
 *  authors, then byline elements, credit meta tags, and the hosts of source links. */
export function readArticleMeta(fields: MetaFields): ArticleMeta {
  const meta = fields.meta ?? {};
  const ld = (fields.jsonLd ?? []).flatMap((text) => newsArticlesIn(text));
  const dateClaims = [...ld.map((a) => a.datePublished), ...DATE_META.map((k) => meta[k]), ...(fields.times ?? [])];
  const moment = firstMoment(dateClaims);
  const sourceLinks = unique([
    ...SOURCE_META.map((k) => meta[k]), ...ld.map((a) => a.basedOn), otherSite(fields.canonical ?? null, fields.url),
  ].flatMap((u) => absolute(u)));
  const credits = unique([
    ...ld.flatMap(ldCredits), ...(fields.bylines ?? []).map(bylineText),
    ...CREDIT_META.map((k) => meta[k]).filter((v) => v !== undefined && !/^https?:/i.test(v)),
    ...sourceLinks.map((u) => agencyOfSite(hostOf(u)) ?? hostOf(u)),
    agencyOfSite(hostOf(fields.url)), // an agency's own site (hosted.ap.org) runs the agency's copy
  ]);
  return {
    published: moment?.date ?? null,
    publishedAt: moment && moment.utcMs !== null ? moment.value : null,
    credit: preferredCredit(credits), credits, sourceLinks,
  };
}

function ldCredits(article: LdArticle): (string | null)[] {
  const dateline = article.dateline ? creditsInText(article.dateline)[0] ?? null : null;
  return [...article.sourceOrganizations, dateline, ...article.authors];
}

// A byline element holds "By Jane Doe, AP" or just "Jane Doe, AP", often followed by the
// date, a separator and widgets ("| November 18, 2019 at 2:26 PM", "• 2 min read"): the
// credit is what comes before them. A lone "By" or a "Follow @x" button credits nobody.
const BYLINE_TAIL = /\s*(?:[|•·]|\b(?:updated|published|posted)\b|\d{4}-\d{2}-\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|@\w).*$/i;
function bylineText(text: string): string | null {
  const squashed = text.replace(/\s+/g, ' ').trim();
  if (/^(?:follow\b|@)/i.test(squashed)) return null;
  const name = squashed.replace(/^by\b\s*/i, '').replace(BYLINE_TAIL, '').replace(/[\s,;:–—-]+$/, '');
  return name.length >= 2 && name.length <= 120 && /\p{L}/u.test(name) ? name : null;
}

function firstMoment(claims: readonly (string | undefined | null)[]): (ReturnType<typeof readMoment> & { value: string }) | null {
  for (const claim of claims) {
    const moment = claim ? readMoment(claim) : null;
    if (moment) return { ...moment, value: claim!.trim() };
  }
  return null;
}

/** The canonical address when it is on another site than the page (a republished copy). */
function otherSite(canonical: string | null, url: string | null): string | null {
  const there = hostOf(canonical);
  const here = hostOf(url);
  return there && here && !sameSite(there, here) ? canonical : null;
}

/** One host within the other ("social.techcrunch.com" and "techcrunch.com"): one site. */
function sameSite(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

function absolute(value: string | null | undefined): string[] {
  if (!value) return [];
  try {
    const url = new URL(value.trim());
    return /^https?:$/.test(url.protocol) ? [url.href] : [];
  } catch {
    return [];
  }
}

/** Each value once (compared without case), first spelling kept, empty ones dropped. */
function unique(values: readonly (string | null | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    const value = typeof v === 'string' ? v.trim() : '';
    if (value !== '' && !seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  }
  return [...seen.values()];
}
