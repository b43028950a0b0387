/** Runs one set of scenarios in every browser: `forEachBrowser(title, (ctx) => { it(…) })`. */
import { afterAll, beforeAll, describe } from 'vitest';
import { startE2eBrowser, type BUILDS, type E2eBrowserOptions } from './e2e-browser';
import type { BrowserName, E2eBrowser } from './types';

/** Every browser the suite drives, in the order they run. */
export const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** The browsers to run: all, or those listed in $ECHOES_E2E_BROWSERS (comma-separated, for a
 *  quicker local run; CI leaves it unset). An unknown name is an error, not a silent skip. */
export function selectedBrowsers(env: NodeJS.ProcessEnv = process.env): BrowserName[] {
  const wanted = env.ECHOES_E2E_BROWSERS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!wanted?.length) return [...ALL_BROWSERS];
  const unknown = wanted.filter((name) => !ALL_BROWSERS.includes(name as BrowserName));
  if (unknown.length) throw new Error(`ECHOES_E2E_BROWSERS names ${unknown.join(', ')}; known: ${ALL_BROWSERS.join(', ')}`);
  return wanted as BrowserName[];
}

/** What a scenario body gets: the browser's name at once, its session once beforeAll ran. */
export interface BrowserContextForTests {
  readonly name: BrowserName;
  /** The running browser; throws when read outside a test or hook. */
  readonly session: E2eBrowser;
}

/** Declares `body`'s tests once per browser, in a describe titled "<browser>: <title>". Each
 *  browser is started before its tests (with the demo site) and closed after them, one at a
 *  time, so a file never runs two browsers at once. `setup` runs after the start; `builds`
 *  names other builds of the extension (a test build); `firefoxPrefs` are set in Firefox's profile. */
export function forEachBrowser(
  title: string,
  body: (ctx: BrowserContextForTests) => void,
  opts: { setup?: (session: E2eBrowser) => Promise<void>; builds?: Partial<typeof BUILDS> } & E2eBrowserOptions = {},
): void {
  describe.each(selectedBrowsers())('%s: ' + title.replace(/%/g, '%%'), (name) => {
    let running: E2eBrowser | null = null;
    beforeAll(async () => {
      running = await startE2eBrowser(name, opts.builds, opts);
      await opts.setup?.(running);
    });
    afterAll(async () => {
      await running?.close();
    });
    body({
      name,
      get session() {
        if (!running) throw new Error(`${name} is not running (read ctx.session inside a test or hook)`);
        return running;
      },
    });
  });
}
