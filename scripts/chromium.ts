import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findBrowser, type FindBrowserResult } from './find-browser';

/** Where Chromium or Chrome usually lives on Linux and macOS, most likely first. */
export const CHROMIUM_LOCATIONS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export type FindChromiumResult = FindBrowserResult;

/** The Chromium executable: $CHROME_PATH when set (it must exist), else the first of
 *  CHROMIUM_LOCATIONS that exists. The error says how to install one. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): FindChromiumResult {
  return findBrowser({
    envVar: 'CHROME_PATH',
    locations: CHROMIUM_LOCATIONS,
    what: 'a Chromium or Chrome executable',
    notFound: 'Chromium was not found (looked in ' + CHROMIUM_LOCATIONS.join(', ') + ').\n'
      + 'Install it (Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`; '
      + 'macOS: install Google Chrome) or set CHROME_PATH to a Chromium/Chrome executable.',
  }, env, exists);
}

/** Command-line flags that load one unpacked extension and keep the browser off the network
 *  (no background fetches, updates, sync or QUIC), fit for containers (no sandbox, no GPU). */
export function extensionArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

/** A running Chromium with the extension loaded, in a throw-away profile. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's background service worker. */
  worker: Worker;
  /** The extension id, from the worker's chrome-extension:// URL. */
  extensionId: string;
  /** Closes the browser and deletes the profile folder. */
  close(): Promise<void>;
}

/** Launches Chromium (found by findChromium) with the unpacked extension in `extensionDir`,
 *  in a fresh temporary profile, and waits for the extension's service worker. Throws with
 *  findChromium's message when there is no Chromium. */
export async function launchWithExtension(
  extensionDir: string,
  opts: { headless?: boolean; viewport?: { width: number; height: number } | null } = {},
): Promise<ExtensionBrowser> {
  const found = findChromium();
  if (!found.ok) throw new Error(found.error);
  const profileDir = mkdtempSync(join(tmpdir(), 'echoes-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: found.path,
    headless: opts.headless ?? true,
    args: extensionArgs(extensionDir),
    viewport: opts.viewport === undefined ? { width: 1280, height: 900 } : opts.viewport,
  });
  try {
    const worker = context.serviceWorkers()[0]
      ?? await context.waitForEvent('serviceworker', { timeout: 20_000 });
    const extensionId = new URL(worker.url()).host;
    const close = async () => {
      await context.close().catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
    };
    return { context, worker, extensionId, close };
  } catch (error) {
    await context.close().catch(() => undefined);
    rmSync(profileDir, { recursive: true, force: true });
    throw new Error(`the extension in ${extensionDir} started no service worker: ${String(error)}`);
  }
}
