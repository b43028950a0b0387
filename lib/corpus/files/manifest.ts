import type { Article } from '../article';
import type { CleanedText } from '../clean/clean';
import { creditsInText, preferredCredit } from '../meta/credits';
import { toIsoDate } from '../meta/dates';

/** What sources.json says about one file or article. A field set to null means "known to be
 *  unknown" and overrides what the text suggests; `note` says where a value was guessed. */
export interface SourceEntry {
  outlet?: string | null;
  site?: string | null;
  url?: string | null;
  published?: string | null;
  credit?: string | null;
  title?: string | null;
  note?: string;
}

/** sources.json: key = file name ("000_x.txt") or article id. */
export type SourcesManifest = Record<string, SourceEntry>;

/** Metadata an input states about an article itself (JSON fields, an HTML page's meta). */
export type ArticleFacts = Omit<SourceEntry, 'note'>;

const FIELDS = ['outlet', 'site', 'url', 'published', 'credit', 'title'] as const;

/** Parses and checks sources.json; the error names the entry and field and says what to fix. */
export function parseSourcesManifest(content: string, fileName = 'sources.json'):
  { ok: true; manifest: SourcesManifest } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: `${fileName} is not valid JSON: fix it or remove it` };
  }
  if (!isPlainObject(value)) return { ok: false, error: `${fileName} must be an object keyed by file name or article id` };
  const manifest: SourcesManifest = {};
  for (const [key, entry] of Object.entries(value)) {
    const label = `entry "${key}" in ${fileName}`;
    if (!isPlainObject(entry)) return { ok: false, error: `${label} must be an object like {"outlet": "…", "url": "…"}` };
    const problem = checkFacts(entry, label) ?? checkType(entry, 'note', label, false);
    if (problem) return { ok: false, error: problem };
    manifest[key] = entry as SourceEntry;
  }
  return { ok: true, manifest };
}

/** Why `record`'s metadata fields are unusable (wrong type, unreadable date), or null if fine. */
export function checkFacts(record: Record<string, unknown>, label: string): string | null {
  for (const field of FIELDS) {
    const problem = checkType(record, field, label, true);
    if (problem) return problem;
  }
  const published = record.published;
  if (typeof published === 'string' && !toIsoDate(published)) {
    return `${label}: "published" ${JSON.stringify(published)} is not a date; use YYYY-MM-DD`;
  }
  return null;
}

function checkType(record: Record<string, unknown>, field: string, label: string, nullable: boolean): string | null {
  const v = record[field];
  if (v === undefined || typeof v === 'string' || (nullable && v === null)) return null;
  const kind = v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
  return `${label}: "${field}" must be a string${nullable ? ' or null' : ''}, not ${kind}`;
}

/** Builds the article. Each field comes from the manifest entry if it has the key, then the
 *  input's own facts, then the text's clues; the outlet then falls back to the URL's host and
 *  finally to `fallbackName` (the file name). Without a manifest credit, the credit is the
 *  first naming an agency among the facts', the byline's and the text's own (datelines,
 *  credit lines: lib/corpus credits), else the first of them. */
export function resolveArticle(args: {
  id: string; fallbackName: string; cleaned: CleanedText; facts?: ArticleFacts; entry?: SourceEntry;
}): Article {
  const { id, fallbackName, cleaned, facts = {}, entry = {} } = args;
  const pick = (field: (typeof FIELDS)[number]): string | null => {
    if (entry[field] !== undefined) return entry[field];
    if (facts[field] !== undefined) return facts[field];
    return field === 'site' ? null : (cleaned.clues[field] ?? null);
  };
  const url = pick('url');
  const published = pick('published');
  return {
    id,
    outlet: pick('outlet') ?? hostOf(url) ?? fallbackName,
    site: pick('site') ?? hostOf(url),
    url,
    published: published === null ? null : toIsoDate(published),
    title: pick('title') ?? cleaned.title,
    credit: entry.credit !== undefined ? entry.credit : facts.credit === null ? null
      : preferredCredit([facts.credit, cleaned.clues.credit, ...creditsInText(cleaned.text)]),
    text: cleaned.text,
    blocks: cleaned.blocks,
  };
}

/** "https://www.example.com/x" -> "example.com"; null when not an http(s) URL. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** A stable 16-hex-digit id for `key` (two 32-bit FNV-1a style hashes), for articles without one. */
export function stableId(key: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** True for `{...}` values (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
