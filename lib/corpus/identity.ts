/** Keys that say when two articles are the same one, so an import can skip duplicates: the
 *  same address (urlKey) or the same text (textKey). Pure. */
import { normalizeText } from '../text/normalize';
import { stableId } from './files/manifest';

/** Query parameters that only track where a click came from; they never change the page.
 *  Matched case-insensitively; every `utm_*` parameter is dropped as well. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
]);

/** An http(s) URL in comparable form, "host/path?query": host lower case without "www.",
 *  http and https alike, no user info, no "#hash", no trailing slash, no utm_* or click-id
 *  parameters (TRACKING_PARAMS), the other parameters sorted by name. The path keeps its
 *  case (servers may tell it apart). null for null, "", a relative or malformed URL and
 *  other schemes (mailto:, file:, javascript:). */
export function urlKey(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const params = [...parsed.searchParams].filter(([name]) => !isTracking(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); // stable: repeated names keep their order
  const query = new URLSearchParams(params).toString();
  const host = parsed.host.replace(/^www\./, ''); // URL already lower-cases the host and drops default ports
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${host}${path}${query ? `?${query}` : ''}`;
}

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/** A 16-hex-digit hash of the text's comparison form: lib/text's normalizeText (case,
 *  curly quotes, dashes, diacritics, invisible characters) with every whitespace run made
 *  one space and the ends trimmed. Equal for texts that differ only in those; different
 *  (barring a 64-bit collision) for any other change, punctuation included. */
export function textKey(text: string): string {
  return stableId(normalizeText(text).replace(/\s+/g, ' ').trim());
}
