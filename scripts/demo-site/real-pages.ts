import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esc } from './html';

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

/** Opening of a paragraph whose own text (after inline tags) runs 60+ characters. */
const PARAGRAPH_OPENING = /<p\b[^>]*>(?:\s*<(?:span|em|strong|b|i|a)\b[^>]*>)*([^<]{60,})/gi;

/** The page with up to `sentences.length` of them put at the start of article paragraphs
 *  (paragraphs whose opening text Readability's expected.html also has, spread out), so a page
 *  about something else gets echoes to highlight. `inserted` lists what went in, in order. */
export function spliceEchoes(html: string, expectedHtml: string, sentences: readonly string[]): { html: string; inserted: string[] } {
  const openings: { at: number }[] = [];
  for (const match of html.matchAll(PARAGRAPH_OPENING)) {
    const snippet = (match[1] ?? '').trim().slice(0, 30);
    const tagEnd = html.indexOf('>', match.index) + 1;
    if (snippet && expectedHtml.includes(snippet)) openings.push({ at: tagEnd });
  }
  const count = Math.min(sentences.length, openings.length);
  const chosen = Array.from({ length: count }, (_, i) => openings[Math.floor(((i + 0.5) * openings.length) / count)]!);
  let out = html;
  const inserted: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const sentence = sentences[i]!;
    out = out.slice(0, chosen[i]!.at) + esc(sentence) + ' ' + out.slice(chosen[i]!.at);
    inserted.unshift(sentence);
  }
  return { html: out, inserted };
}

/** Readability's expected article HTML for a saved page ('' when missing). */
export function readExpectedHtml(site: string, dir: string = REAL_PAGES_DIR): string {
  const file = join(dir, site, 'expected.html');
  return /^[a-z0-9-]+$/i.test(site) && existsSync(file) ? readFileSync(file, 'utf8') : '';
}
