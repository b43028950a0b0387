/** Settings: their types, defaults and the repair of stored values. Pure (no browser),
 *  so the migrations are unit-tested in Node; lib/ext/settings/storage.ts binds them to storage. */

/** How matches are chosen. `strictness` 0..1 is MatchOptions.strictness (higher = fewer, surer). */
export interface MatchSettings {
  /** Also report 'paraphrase' matches (same statement in other words); off by default. */
  showParaphrase: boolean;
  strictness: number;
  /** Leave out sentences that only share a direct quotation with another outlet; off by default. */
  hideQuotes: boolean;
}

/** Everything the user can set, as the background and the extension pages see it. */
export interface Settings {
  /** Global on/off: false switches Echoes off on every site. */
  enabled: boolean;
  /** Host names (no "www.") switched off; each also covers its subdomains. Sorted, unique. */
  disabledSites: string[];
  matchSettings: MatchSettings;
}

/** Named strictness presets shown in the options page, as MatchSettings.strictness values. */
export const STRICTNESS_PRESETS = { strict: 0.75, balanced: 0.5, lenient: 0.25 } as const;
/** A preset's name. */
export type StrictnessPreset = keyof typeof STRICTNESS_PRESETS;

/** The defaults: on, no site switched off, no paraphrases, balanced strictness, quotes shown. */
export const DEFAULT_MATCH_SETTINGS: MatchSettings = { showParaphrase: false, strictness: 0.5, hideQuotes: false };

/** The preset nearest to a strictness value (ties go to the stricter preset). */
export function presetOf(strictness: number): StrictnessPreset {
  let best: StrictnessPreset = 'balanced';
  let bestGap = Infinity;
  for (const [name, value] of Object.entries(STRICTNESS_PRESETS) as [StrictnessPreset, number][]) {
    const gap = Math.abs(value - strictness);
    if (gap < bestGap) [best, bestGap] = [name, gap];
  }
  return best;
}

/** Repairs a stored global switch: booleans pass, "true"/"false" strings are read, anything
 *  else (missing, corrupt) resets to true (on). */
export function migrateEnabled(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  if (raw === 'false' || raw === 0) return false;
  return true;
}

/** Repairs a stored site list: keeps the valid host names (lower-cased, "www." dropped,
 *  de-duplicated, sorted); a non-array resets to []. */
export function migrateDisabledSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const sites = new Set<string>();
  for (const entry of raw) {
    if (typeof entry !== 'string') continue;
    const host = entry.trim().toLowerCase().replace(/^www\./, '');
    if (HOST_NAME.test(host)) sites.add(host);
  }
  return [...sites].sort();
}

/** Repairs stored match settings field by field: a bad or missing field takes its default;
 *  strictness is clamped to 0..1. */
export function migrateMatchSettings(raw: unknown): MatchSettings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const showParaphrase =
    typeof value.showParaphrase === 'boolean' ? value.showParaphrase : DEFAULT_MATCH_SETTINGS.showParaphrase;
  const strictness =
    typeof value.strictness === 'number' && Number.isFinite(value.strictness)
      ? Math.min(1, Math.max(0, value.strictness))
      : DEFAULT_MATCH_SETTINGS.strictness;
  const hideQuotes = typeof value.hideQuotes === 'boolean' ? value.hideQuotes : DEFAULT_MATCH_SETTINGS.hideQuotes;
  return { showParaphrase, strictness, hideQuotes };
}

/** A host name: labels of letters, digits and hyphens joined by dots, with at least one dot
 *  (or "localhost"), or an IPv4 address. */
export const HOST_NAME =
  /^(?:localhost|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)$/;

/** "Remember what I read": when on, every article page a person reads on one of `sites` (a host
 *  also covers its subdomains) is added to their corpus as a "read" article. Off by default,
 *  with no site; kept on this machine only (storage.local, never synced). */
export interface ReadingMemory {
  enabled: boolean;
  /** Host names (no "www."), sorted, unique. */
  sites: string[];
}

/** The default: off, no site. */
export const DEFAULT_READING_MEMORY: ReadingMemory = { enabled: false, sites: [] };

/** Repairs the stored reading memory: `enabled` is true only when stored as true; the sites
 *  are repaired like a site list (migrateDisabledSites); anything else resets to the default. */
export function migrateReadingMemory(raw: unknown): ReadingMemory {
  const value = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return { enabled: value.enabled === true, sites: migrateDisabledSites(value.sites) };
}
