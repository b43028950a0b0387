/** "Is Echoes on for this page?": pure functions of (url, settings), table-tested. */
import { HOST_NAME, type ReadingMemory, type Settings } from './settings';

/** Hosts whose pages browsers forbid extensions to script (the add-on stores). */
const FORBIDDEN_HOSTS = ['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];
/** Forbidden path prefixes on otherwise ordinary hosts. */
const FORBIDDEN_PREFIXES = ['https://chrome.google.com/webstore'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The site of a URL: its host name, lower case, without a leading "www."; null for a URL
 *  that cannot be parsed or has no host (about:blank, data:, file:). */
export function siteOf(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || !parsed.hostname) return null;
  return parsed.hostname.toLowerCase().replace(/^www\./, '');
}

/** Whether Echoes may run on `url` at all: http(s) only, and not the add-on stores. */
export function isSupportedUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return false;
  const host = parsed.hostname.toLowerCase();
  if (FORBIDDEN_HOSTS.includes(host)) return false;
  return !FORBIDDEN_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/** Whether `site` is covered by an entry of `disabledSites`: the same host or a subdomain of it. */
export function isSiteListed(site: string, disabledSites: readonly string[]): boolean {
  return disabledSites.some((entry) => site === entry || site.endsWith(`.${entry}`));
}

/** Whether Echoes should highlight `url`: supported, globally on, and its site not switched off. */
export function isSiteEnabled(url: string, settings: Pick<Settings, 'enabled' | 'disabledSites'>): boolean {
  if (!settings.enabled || !isSupportedUrl(url)) return false;
  const site = siteOf(url);
  return site !== null && !isSiteListed(site, settings.disabledSites);
}

/** Whether a page read at `url` is to be remembered: Echoes is on for it (isSiteEnabled), the
 *  reading memory is on, and the page's site is one of its sites (or a subdomain of one). */
export function isReadRemembered(url: string, settings: Pick<Settings, 'enabled' | 'disabledSites'>, memory: ReadingMemory): boolean {
  if (!memory.enabled || !isSiteEnabled(url, settings)) return false;
  const site = siteOf(url);
  return site !== null && isSiteListed(site, memory.sites);
}

/** Reads a site typed by hand ("example.com", "www.Example.com", "https://example.com/a"):
 *  answers its normalised host, or why it is not one. */
export function parseSiteInput(input: string): { ok: true; site: string } | { ok: false; error: string } {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: 'Type a site, for example example.com.' };
  const asUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const parsed = parse(asUrl);
  const host = parsed?.hostname.toLowerCase().replace(/^www\./, '') ?? '';
  if (!parsed || !HOST_NAME.test(host) || /[\s@]/.test(trimmed)) {
    return { ok: false, error: `"${trimmed}" is not a site name. Type a host such as example.com (no spaces).` };
  }
  return { ok: true, site: host };
}
