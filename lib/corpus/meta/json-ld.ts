/** The news articles a JSON-LD script describes (schema.org NewsArticle and its kin), reduced
 *  to the fields provenance needs. Pages write JSON-LD by hand and by plugin: anything may be
 *  a string, an object, an array or missing, so every field is read defensively. */
import { isPlainObject } from '../files/manifest';

/** One article a JSON-LD block describes; null/[] where it says nothing. */
export interface LdArticle {
  datePublished: string | null;
  authors: string[];
  publisher: string | null;
  sourceOrganizations: string[];
  dateline: string | null;
  /** isBasedOn / isBasedOnUrl: the address of the work it republishes. */
  basedOn: string | null;
}

// Article and all its subtypes (NewsArticle, ReportageNewsArticle, …) and blog posts.
const ARTICLE_TYPE = /^(?:\w+:)?(?:\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting)$/;
// A page's JSON-LD is small; beyond these it is not an article description worth walking.
const MAX_SCRIPT_CHARS = 500_000;
const MAX_DEPTH = 8;

/** The articles in one ld+json script's text, outermost first; [] when it is not JSON or
 *  describes none. */
export function newsArticlesIn(scriptText: string): LdArticle[] {
  if (scriptText.length > MAX_SCRIPT_CHARS) return [];
  const value = parseLenient(scriptText.trim().replace(/^<!\[CDATA\[|\]\]>$/g, ''));
  if (value === undefined) return [];
  const found: LdArticle[] = [];
  collect(value, 0, found);
  return found;
}

/** JSON.parse, then once more without the two slips hand-written JSON-LD often has (real pages
 *  do: Smithsonian's has `"Science", ]`): trailing commas and raw line breaks or tabs inside
 *  strings. undefined when it still is not JSON. */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([\]}])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

function collect(value: unknown, depth: number, found: LdArticle[]): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, depth + 1, found);
    return;
  }
  if (!isPlainObject(value)) return;
  if (types(value['@type']).some((t) => ARTICLE_TYPE.test(t))) found.push(toArticle(value));
  collect(value['@graph'], depth + 1, found);
  collect(value.mainEntity, depth + 1, found);
  collect(value.mainEntityOfPage, depth + 1, found);
}

function types(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((t): t is string => typeof t === 'string');
}

function toArticle(node: Record<string, unknown>): LdArticle {
  return {
    datePublished: text(node.datePublished) ?? text(node.dateCreated),
    authors: names(node.author).concat(names(node.creator)),
    publisher: names(node.publisher)[0] ?? null,
    sourceOrganizations: names(node.sourceOrganization),
    dateline: text(node.dateline),
    basedOn: text(node.isBasedOnUrl) ?? urlOf(node.isBasedOn),
  };
}

/** Names of a person/organisation field: "AFP", {"name": "AFP"}, or an array of either. */
function names(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    const name = isPlainObject(item) ? text(item.name) : text(item);
    return name && !/^https?:\/\//i.test(name) ? [name] : [];
  }).slice(0, 20);
}

function urlOf(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return isPlainObject(first) ? text(first.url) ?? text(first['@id']) : text(first);
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' || trimmed.length > 300 ? null : trimmed;
}
