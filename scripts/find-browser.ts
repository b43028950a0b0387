/** Finding a browser executable: an environment variable when set (it must exist), else the
 *  first usual location that exists; the errors say what to do. */
export type FindBrowserResult = { ok: true; path: string } | { ok: false; error: string };

/** Where to look for one browser, and what to say when it is not there. */
export interface BrowserSearch {
  /** The variable that points at an executable, e.g. CHROME_PATH. */
  envVar: string;
  /** Usual locations, most likely first. */
  locations: readonly string[];
  /** The message when none exists (how to install it). */
  notFound: string;
  /** What the variable must point at, for its error ("a Firefox executable"). */
  what: string;
}

/** `search.envVar` when set, else the first of `search.locations` that exists. */
export function findBrowser(search: BrowserSearch, env: NodeJS.ProcessEnv, exists: (path: string) => boolean): FindBrowserResult {
  const fromEnv = env[search.envVar]?.trim();
  if (fromEnv) {
    return exists(fromEnv)
      ? { ok: true, path: fromEnv }
      : { ok: false, error: `${search.envVar} is set to ${fromEnv}, but no file is there: point it at ${search.what}.` };
  }
  const found = search.locations.find((path) => exists(path));
  return found ? { ok: true, path: found } : { ok: false, error: search.notFound };
}
