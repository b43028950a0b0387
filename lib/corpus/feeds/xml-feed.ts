/** RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds -> Feed, with fast-xml-parser (pure JS, so the
 *  same code runs in the service worker, the options page and the CLI). Namespace prefixes
 *  are dropped (content:encoded -> encoded), since feeds choose them freely. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cleanLine, draftOf, feedDateMs, httpUrl, type DraftResult, type FeedBody, type FeedDraft, type FeedItem } from './feed';
import { all, attrOf, child, deepText, first, textOf, type XmlObject, type XmlValue } from './xml-node';

const REPEATED = new Set(['item', 'entry', 'link', 'author', 'creator', 'category', 'contributor']);

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text',
  parseTagValue: false, parseAttributeValue: false, trimValues: true,
  removeNSPrefix: true, htmlEntities: true, isArray: (name) => REPEATED.has(name),
});

/** Why `xml` is not well-formed (the line and column where it breaks), or null when it is. */
export function xmlFeedError(xml: string): string | null {
  const valid = XMLValidator.validate(xml);
  if (valid === true) return null;
  const { line, col, msg } = valid.err;
  return `the feed is not well-formed XML (line ${line}, column ${col}: ${msg}): the site's feed is broken; try again later or tell the site`;
}

/** Well-formed feed XML (see xmlFeedError) -> its draft: parsed in one call, the items left to
 *  read; XML that is not a feed says what it is. */
export function draftXmlFeed(xml: string, baseUrl: string | null = null): DraftResult {
  const parsed = parseXml(xml);
  return parsed.ok ? draftOfXmlRoot(parsed.root, baseUrl) : parsed;
}

/** Well-formed XML -> the objects fast-xml-parser makes of it (xml-node.ts), with the feed's
 *  options (prefixes dropped, entities decoded, items always arrays). */
export function parseXml(xml: string): { ok: true; root: XmlObject } | { ok: false; error: string } {
  try {
    return { ok: true, root: parser.parse(xml) as XmlObject };
  } catch (error) {
    return { ok: false, error: `the feed could not be read as XML (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** The parsed document (parseXml's root) -> its draft; a root that is not a feed says what it is. */
export function draftOfXmlRoot(root: XmlObject, baseUrl: string | null = null): DraftResult {
  if (root.rss !== undefined) return { ok: true, draft: readRss(child(root.rss, 'channel'), baseUrl) };
  if (root.RDF !== undefined) return { ok: true, draft: readRdf(root.RDF, baseUrl) };
  if (root.feed !== undefined) return { ok: true, draft: readAtom(root.feed, baseUrl) };
  const name = Object.keys(root).find((k) => !k.startsWith('?') && !k.startsWith('@_')) ?? 'nothing';
  return { ok: false, error: `this XML is not an RSS or Atom feed (its root element is <${name.slice(0, 40)}>): give the address of the feed itself` };
}

function readRss(channel: XmlValue, base: string | null): FeedDraft {
  const ttl = Number(textOf(child(channel, 'ttl')));
  const head = {
    format: 'rss' as const, title: cleanLine(textOf(child(channel, 'title'))), siteUrl: linkOf(child(channel, 'link'), base),
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
  };
  return draftOf(head, all(child(channel, 'item')), (item) => rssItem(item, base));
}

function readRdf(rdf: XmlValue, base: string | null): FeedDraft {
  const channel = child(rdf, 'channel');
  const head = { format: 'rdf' as const, title: cleanLine(textOf(child(channel, 'title'))), siteUrl: linkOf(child(channel, 'link'), base), ttlMinutes: null };
  return draftOf(head, all(child(rdf, 'item')), (item) => rssItem(item, base));
}

function rssItem(item: XmlValue, base: string | null): FeedItem {
  const url = linkOf(child(item, 'link'), base) ?? permalinkGuid(child(item, 'guid'), base);
  const title = cleanLine(textOf(child(item, 'title')));
  const authors = [...all(child(item, 'creator')), ...all(child(item, 'author'))].map((a) => cleanLine(textOf(a)));
  return {
    key: cleanLine(textOf(child(item, 'guid'))) ?? attrOf(item, 'about') ?? url ?? title ?? '',
    url, title, titleIsHtml: looksLikeMarkup(title),
    publishedMs: feedDateMs(textOf(child(item, 'pubDate')) ?? textOf(child(item, 'date'))),
    author: joinNames(authors),
    content: htmlBody(textOf(child(item, 'encoded'))),
    summary: htmlBody(textOf(child(item, 'description'))),
  };
}

function readAtom(feed: XmlValue, base: string | null): FeedDraft {
  const feedBase = httpUrl(attrOf(feed, 'base'), base) ?? base;
  const head = { format: 'atom' as const, title: cleanLine(atomText(child(feed, 'title'))?.value), siteUrl: atomLink(child(feed, 'link'), feedBase), ttlMinutes: null };
  return draftOf(head, all(child(feed, 'entry')), (entry) => atomEntry(entry, feedBase));
}

function atomEntry(entry: XmlValue, base: string | null): FeedItem {
  const url = atomLink(child(entry, 'link'), base);
  const titleBody = atomText(child(entry, 'title'));
  const title = cleanLine(titleBody?.value);
  const authors = all(child(entry, 'author')).map((a) => cleanLine(textOf(child(a, 'name')) ?? textOf(a)));
  return {
    key: cleanLine(textOf(child(entry, 'id'))) ?? url ?? title ?? '',
    url, title, titleIsHtml: titleBody?.kind === 'html',
    publishedMs: feedDateMs(textOf(child(entry, 'published'))) ?? feedDateMs(textOf(child(entry, 'updated'))),
    author: joinNames(authors),
    content: atomText(child(entry, 'content')),
    summary: atomText(child(entry, 'summary')),
  };
}

/** Atom text constructs: type="html" is escaped markup, "xhtml" nested elements, else text. */
function atomText(value: XmlValue): FeedBody | null {
  const v = first(value);
  if (v === undefined || v === null) return null;
  const type = attrOf(v, 'type') ?? 'text';
  if (type === 'xhtml') return nonEmpty({ kind: 'text', value: deepText(v) });
  const text = textOf(v);
  if (text === null) return null;
  return nonEmpty({ kind: type === 'html' || type.includes('html') ? 'html' : 'text', value: text });
}

/** The alternate (or first rel-less) link of an Atom element. */
function atomLink(links: XmlValue, base: string | null): string | null {
  const list = all(links);
  const alternate = list.find((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate') ?? list[0];
  return httpUrl(attrOf(alternate, 'href'), base);
}

/** An RSS <link>: text, or an atom:link's href (both arrive as "link" once prefixes go). */
function linkOf(links: XmlValue, base: string | null): string | null {
  for (const link of all(links)) {
    const url = httpUrl(textOf(link), base) ?? (attrOf(link, 'rel') === 'self' ? null : httpUrl(attrOf(link, 'href'), base));
    if (url) return url;
  }
  return null;
}

function permalinkGuid(guid: XmlValue, base: string | null): string | null {
  // A permalink guid is an absolute address by the spec: a relative-looking one is just an id.
  return attrOf(guid, 'isPermaLink') === 'false' || !/^https?:\/\//i.test(textOf(guid) ?? '') ? null : httpUrl(textOf(guid), base);
}

function htmlBody(value: string | null): FeedBody | null {
  return value === null ? null : nonEmpty({ kind: 'html', value });
}

function nonEmpty(body: FeedBody): FeedBody | null {
  return body.value.trim() === '' ? null : body;
}

function joinNames(names: Array<string | null>): string | null {
  const kept = [...new Set(names.filter((n): n is string => n !== null))];
  return kept.length > 0 ? kept.join(', ') : null;
}

/** RSS titles are plain text by the spec, yet many carry tags or escaped tags. */
function looksLikeMarkup(title: string | null): boolean {
  return title !== null && /<\/?[a-z][^>]*>|&[a-z#0-9]+;/i.test(title);
}
