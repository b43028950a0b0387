/** The programs outside npm that Echoes' commands need (browsers for the end-to-end tests and
 *  the demo, PostgreSQL for the newsroom server's tests), where each usually lives, and which
 *  Debian package brings it. The finder takes its probe as an argument, so the table is
 *  unit-tested; `localProbe` is the real file system for the commands. */
import { existsSync, readdirSync } from 'node:fs';
import { CHROMIUM_LOCATIONS } from '../chromium';
import { FIREFOX_LOCATIONS } from '../firefox';

/** One program: how to find it and how to install it. */
export interface Tool {
  /** What a person calls it in a message. */
  name: string;
  /** An environment variable that points at it and wins over the usual places. */
  env?: string;
  /** Where it usually is (absolute paths, or `*` for one directory level, most likely first). */
  locations: readonly string[];
  /** The Debian/Ubuntu package that installs it. */
  aptPackage: string;
}

/** The tools by the name commands ask for them. */
export const TOOLS = {
  chromium: { name: 'Chromium', env: 'CHROME_PATH', locations: CHROMIUM_LOCATIONS, aptPackage: 'chromium' },
  firefox: { name: 'Firefox', env: 'FIREFOX_PATH', locations: FIREFOX_LOCATIONS, aptPackage: 'firefox-esr' },
  postgres: { name: 'PostgreSQL', env: 'PG_BIN', locations: ['/usr/lib/postgresql/*/bin/pg_ctl'], aptPackage: 'postgresql' },
} as const satisfies Record<string, Tool>;

/** A tool's name in TOOLS. */
export type ToolName = keyof typeof TOOLS;

/** What each command needs: the tests drive both browsers and start a throw-away PostgreSQL;
 *  the demo opens Chromium. */
export const NEEDS: Record<string, readonly ToolName[]> = {
  test: ['chromium', 'firefox', 'postgres'],
  start: ['chromium'],
};

/** The file system as the finder sees it. */
export interface Probe {
  exists(path: string): boolean;
  /** The entries of a directory (empty when it is missing). */
  list(dir: string): string[];
}

/** This machine's file system as the finder sees it. */
export const localProbe: Probe = {
  exists: (path) => existsSync(path),
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
};

/** The path of `tool`: its environment variable when set (even to a missing file, so a wrong
 *  setting is reported rather than silently passed over), else the first usual place that
 *  exists; null when there is none. With PG_BIN the variable names the folder of pg_ctl. */
export function findTool(tool: Tool, env: NodeJS.ProcessEnv, probe: Probe): { path: string; fromEnv: boolean } | null {
  const set = tool.env ? env[tool.env]?.trim() : undefined;
  if (set) return { path: tool === TOOLS.postgres ? `${set.replace(/\/$/, '')}/pg_ctl` : set, fromEnv: true };
  for (const location of tool.locations) {
    for (const path of expand(location, probe)) if (probe.exists(path)) return { path, fromEnv: false };
  }
  return null;
}

/** `location` with a `*` path segment replaced by each entry of its directory, newest-looking
 *  (highest version number) first. */
function expand(location: string, probe: Probe): string[] {
  const star = location.indexOf('/*/');
  if (star < 0) return [location];
  const dir = location.slice(0, star);
  const rest = location.slice(star + 2);
  return probe.list(dir)
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    .map((entry) => `${dir}/${entry}${rest}`);
}
