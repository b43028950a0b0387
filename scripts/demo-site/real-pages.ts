import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/fixtures/real-pages beside the repo (absent for a user who only cloned the repo). */
export const REAL_PAGES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/real-pages');

/** The saved real news pages' folder names (e.g. "cnn"), sorted; [] when ../shared is absent. */
export function listRealPages(dir: string = REAL_PAGES_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'source.html')))
    .map((entry) => entry.name)
    .sort();
}

/** The page is served as saved; this policy keeps the browser from fetching anything it names
 *  (scripts, styles, images, frames, fonts on other hosts) and from running its scripts, so the
 *  page loads at once with no network. Inline styles stay, so the layout is roughly the site's. */
export const REAL_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "script-src 'none'",
  "frame-src 'none'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The saved page's HTML, or null when there is no such page. Only a meta refresh is
 *  neutralised (one page reloads itself after 15 minutes); the markup is otherwise as saved. */
export function readRealPage(site: string, dir: string = REAL_PAGES_DIR): string | null {
  if (!/^[a-z0-9-]+$/i.test(site)) return null;
  const file = join(dir, site, 'source.html');
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8').replace(/http-equiv\s*=\s*(["']?)refresh\1/gi, 'http-equiv="x-refresh-disabled"');
}
