import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser, type FindBrowserResult } from './find-browser';

/** Where Firefox usually lives on Linux and macOS, most likely first (Debian ships ESR). */
export const FIREFOX_LOCATIONS: readonly string[] = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** The add-on id wxt.config.ts gives the Firefox build (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'echoes@echoes.invalid';
/** The moz-extension:// host the tests pin for the add-on (Firefox picks a random one otherwise). */
export const FIXED_UUID = '6f1c2a4e-93b0-4d7a-8e5f-0e2b9c7d41a3';

export type FindFirefoxResult = FindBrowserResult;

/** The Firefox executable: $FIREFOX_PATH when set (it must exist), else the first of
 *  FIREFOX_LOCATIONS that exists. The error is one line saying what to install. */
export function findFirefox(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): FindFirefoxResult {
  return findBrowser({
    envVar: 'FIREFOX_PATH',
    locations: FIREFOX_LOCATIONS,
    what: 'a Firefox executable',
    notFound: 'Firefox was not found: install it with `apt-get install -y firefox-esr` (Debian/Ubuntu), or set FIREFOX_PATH.',
  }, env, exists);
}

/** Prefs for a quiet, offline test profile; the console ones send the background page's
 *  console (chrome) and pages' (content) to stdout, the only place the former can be read. */
export function firefoxPrefs(uuid: string = FIXED_UUID): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    'devtools.console.stdout.chrome': true,
    'devtools.console.stdout.content': true,
    'app.update.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'network.captive-portal-service.enabled': false,
    'extensions.update.enabled': false,
  };
}

/** A running Firefox with the extension installed as a temporary add-on, in a fresh profile. */
export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid>, no trailing slash. */
  extensionOrigin: string;
  /** Closes the browser (puppeteer deletes the profile). */
  close(): Promise<void>;
}

/** Launches Firefox (found by findFirefox) headless over WebDriver BiDi and installs the
 *  built add-on in `extensionDir`. Throws with findFirefox's one line when there is none. */
export async function launchFirefoxWithExtension(
  extensionDir: string,
  opts: { headless?: boolean; onOutputLine?: (line: string) => void; extraPrefs?: Record<string, unknown> } = {},
): Promise<FirefoxWithExtension> {
  const found = findFirefox();
  if (!found.ok) throw new Error(found.error);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: found.path,
    headless: opts.headless ?? true,
    protocol: 'webDriverBiDi',
    // Lets BiDi navigate to moz-extension:// pages (refused without it).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...firefoxPrefs(), ...opts.extraPrefs },
    // Not dumpio: Firefox's output is piped anyway; it is read line by line below instead of
    // being echoed, so Firefox's own chatter stays out of the test output.
    dumpio: false,
    defaultViewport: { width: 1280, height: 900 },
  });
  const proc = browser.process();
  // Before the add-on is installed, so its background page's first lines are caught too.
  for (const stream of [proc?.stdout, proc?.stderr]) if (stream && opts.onOutputLine) readLines(stream, opts.onOutputLine);
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw new Error(`Firefox refused the add-on in ${extensionDir}: ${String(error)}`);
  }
  return {
    browser,
    extensionOrigin: `moz-extension://${FIXED_UUID}`,
    close: () => browser.close().catch(() => undefined),
  };
}

/** Calls `listener` with each whole line of `stream` (utf-8). */
function readLines(stream: NodeJS.ReadableStream, listener: (line: string) => void): void {
  let rest = '';
  stream.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) listener(line);
  });
}
