/** The stored settings, each declared once. Values are read through the migrate functions of
 *  lib/ext/settings/settings.ts, so a corrupt or hand-edited value never reaches the rest of the code. */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_MATCH_SETTINGS,
  migrateDisabledSites,
  migrateEnabled,
  DEFAULT_READING_MEMORY,
  migrateMatchSettings,
  migrateReadingMemory,
  type MatchSettings,
  type ReadingMemory,
  type Settings,
} from './settings';

/** Storage schema version of the settings items; bump with a `migrations` entry on change. */
export const SETTINGS_VERSION = 1;

/** 'sync:disabledSites': hosts switched off (see migrateDisabledSites). The content script
 *  watches it to remove/restore highlights without a reload. */
export const disabledSitesItem = storage.defineItem<string[]>('sync:disabledSites', {
  fallback: [],
  version: SETTINGS_VERSION,
});

/** 'sync:enabled': the global on/off (see migrateEnabled). */
export const enabledItem = storage.defineItem<boolean>('sync:enabled', {
  fallback: true,
  version: SETTINGS_VERSION,
});

/** 'sync:matchSettings': paraphrase on/off and strictness (see migrateMatchSettings). */
export const matchSettingsItem = storage.defineItem<MatchSettings>('sync:matchSettings', {
  fallback: DEFAULT_MATCH_SETTINGS,
  version: SETTINGS_VERSION,
});

/** 'sync:builtinHidden': true hides the built-in corpus (the shipped seed index) from
 *  matching; it is still listed. Anything but `true` reads as false (shown). */
export const builtinHiddenItem = storage.defineItem<boolean>('sync:builtinHidden', {
  fallback: false,
  version: SETTINGS_VERSION,
});

/** 'local:readingMemory': "remember what I read" and its sites (see migrateReadingMemory).
 *  Local, not sync: which sites a person reads stays on this machine. The content script
 *  reads it to decide whether to tell the background a page was read; the background checks
 *  it again before adding anything. */
export const readingMemoryItem = storage.defineItem<ReadingMemory>('local:readingMemory', {
  fallback: DEFAULT_READING_MEMORY,
  version: SETTINGS_VERSION,
});

/** The reading memory, repaired. */
export async function readReadingMemory(): Promise<ReadingMemory> {
  return migrateReadingMemory(await readingMemoryItem.getValue());
}

/** 'local:corpusChanged': when the user corpus last changed (ms since the epoch), set by the
 *  background after every committed change, so an open options page lists an article the
 *  popup just added (or another tab's import) without a reload. */
export const corpusChangedItem = storage.defineItem<number>('local:corpusChanged', { fallback: 0 });

/** Whether the built-in corpus is hidden (a corrupt value reads as false). */
export async function readBuiltinHidden(): Promise<boolean> {
  return (await builtinHiddenItem.getValue()) === true;
}

/** All settings, each repaired by its migrate function (the stored value is not changed). */
export async function readSettings(): Promise<Settings> {
  const [enabled, disabledSites, matchSettings] = await Promise.all([
    enabledItem.getValue(),
    disabledSitesItem.getValue(),
    matchSettingsItem.getValue(),
  ]);
  return {
    enabled: migrateEnabled(enabled),
    disabledSites: migrateDisabledSites(disabledSites),
    matchSettings: migrateMatchSettings(matchSettings),
  };
}

/** Rewrites every stored setting whose value its migrate function had to repair; run once
 *  at background start. Answers the keys it rewrote. */
export async function repairStoredSettings(): Promise<string[]> {
  const repaired: string[] = [];
  const items = [
    [enabledItem, migrateEnabled],
    [disabledSitesItem, migrateDisabledSites],
    [matchSettingsItem, migrateMatchSettings],
    [readingMemoryItem, migrateReadingMemory],
  ] as const;
  for (const [item, migrate] of items) {
    const raw: unknown = await storage.getItem(item.key);
    if (raw === null || raw === undefined) continue;
    const fixed = (migrate as (raw: unknown) => unknown)(raw);
    if (JSON.stringify(fixed) === JSON.stringify(raw)) continue;
    await storage.setItem(item.key, fixed);
    repaired.push(item.key);
  }
  return repaired;
}

/** Switches one (already normalised) site on or off; answers the new list. */
export async function writeSiteEnabled(site: string, enabled: boolean): Promise<string[]> {
  const current = migrateDisabledSites(await disabledSitesItem.getValue());
  const next = enabled ? current.filter((s) => s !== site) : migrateDisabledSites([...current, site]);
  await disabledSitesItem.setValue(next);
  return next;
}

/** Calls `onChange` with the repaired settings whenever any of them changes in storage (from
 *  any page or the background). Answers the function that stops watching. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const reread = () => void readSettings().then(onChange);
  const stops = [enabledItem.watch(reread), disabledSitesItem.watch(reread), matchSettingsItem.watch(reread)];
  return () => stops.forEach((stop) => stop());
}
