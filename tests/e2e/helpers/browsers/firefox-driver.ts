/** The Firefox driver: Debian's firefox-esr over WebDriver BiDi (puppeteer-core), the built
 *  MV2 add-on installed as a temporary add-on at a fixed moz-extension:// uuid. */
import type { Browser, ConsoleMessage, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../../../../scripts/firefox';
import { ConsoleLog, type ConsoleEntry } from '../console-watch';
import { pollUntil } from './poll';
import { isExtensionFrame, shadowTextOfSerialized, type SerializedNode } from './serialized-dom';
import type { BrowserDriver, E2ePage } from './types';

/** The raw BiDi connection puppeteer keeps (not in its public types). */
interface BidiConnection { send(method: string, params: object): Promise<{ result: unknown }> }

/** Launches Firefox with the add-on built in `extensionDir`; `extraPrefs` are set in its
 *  fresh profile besides the usual ones. */
export async function startFirefoxDriver(extensionDir: string, extraPrefs: Record<string, unknown> = {}): Promise<BrowserDriver> {
  let log: ConsoleLog | null = null;
  const early: ConsoleEntry[] = [];
  const output = new OutputLines((entry) => (log ? log.push(entry) : early.push(entry)));
  const firefox = await launchFirefoxWithExtension(extensionDir, { onOutputLine: (line) => output.add(line), extraPrefs });
  log = new ConsoleLog(firefox.extensionOrigin);
  for (const entry of early) log.push(entry);
  const { browser, extensionOrigin } = firefox;
  const console = log;
  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    page.on('console', (msg) => console.push(entryOf(msg, page)));
    page.on('pageerror', (error) => console.push({ pageUrl: page.url(), type: 'pageerror', text: errorText(error), source: '' }));
    return page;
  };
  return {
    name: 'firefox',
    extensionOrigin,
    console,
    browserPageUrl: 'about:support',
    async open(url) {
      const page = await newPage();
      if (/^https?:/.test(url)) {
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        return wrapPage(browser, page, () => page.url());
      }
      await navigateWithoutWaiting(browser, page, url);
      return wrapPage(browser, page, () => url);
    },
    async openExtensionPage(path) {
      const page = await newPage();
      const url = `${extensionOrigin}/${path}`;
      await navigateWithoutWaiting(browser, page, url);
      return wrapPage(browser, page, () => url);
    },
    close: () => firefox.close(),
  };
}

/** page.goto to a moz-extension:// or about: page never resolves: navigate without waiting,
 *  then wait for its document ourselves. */
async function navigateWithoutWaiting(browser: Browser, page: Page, url: string): Promise<void> {
  await connectionOf(browser).send('browsingContext.navigate', { context: contextIdOf(page), url, wait: 'none' });
  const loaded = await pollUntil(() => page.evaluate(() => `${location.href}|${document.readyState}`)
    .then((state) => state === `${url}|complete`, () => false), 15_000);
  if (!loaded) throw new Error(`Firefox did not load ${url} within 15 s`);
}

function wrapPage(browser: Browser, page: Page, url: () => string): E2ePage {
  return {
    url,
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    keyboard: { press: (key) => page.keyboard.press(key as never) },
    mouse: { move: (x, y) => page.mouse.move(x, y), click: (x, y) => page.mouse.click(x, y) },
    async setInputFiles(selector, paths) {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector} on ${url()}`);
      await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(...paths);
    },
    async closedShadowText(tagName) {
      // BiDi serialises closed shadow roots too when asked for the whole shadow tree.
      const answer = await connectionOf(browser).send('script.evaluate', {
        expression: `document.querySelector(${JSON.stringify(tagName)})`,
        target: { context: contextIdOf(page) },
        awaitPromise: false,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 64 },
      });
      return shadowTextOfSerialized((answer.result as { result?: SerializedNode }).result);
    },
    async extensionFrameText(path) {
      // Puppeteer's frame URL can stay at the frame's first about:blank; ask each frame itself.
      for (const frame of page.frames().slice(1)) {
        const seen = await frame.evaluate(() => ({ href: location.href, text: document.body?.innerText ?? '' })).catch(() => null);
        if (seen && isExtensionFrame(seen.href, path)) return seen.text;
      }
      return null;
    },
    setViewportSize: (size) => page.setViewport(size),
    bringToFront: () => page.bringToFront(),
    reload: async () => { await page.reload({ waitUntil: 'load' }); },
    screenshotTo: async (path, opts) => { await page.screenshot({ path: path as `${string}.png`, fullPage: opts.fullPage }); },
    close: () => page.close(),
  };
}

function connectionOf(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

function contextIdOf(page: Page): string {
  return (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
}

function entryOf(msg: ConsoleMessage, page: Page): ConsoleEntry {
  return { pageUrl: page.url(), type: msg.type(), text: msg.text(), source: msg.location().url ?? '' };
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}

/** Firefox's stdout/stderr as console entries: `console.error: …` lines (the background page's
 *  console, with the devtools.console.stdout prefs) and `JavaScript error: <url>, line N: …`
 *  (uncaught errors of any script); indented lines continue the entry before them. */
class OutputLines {
  private last: ConsoleEntry | null = null;

  constructor(private readonly emit: (entry: ConsoleEntry) => void) {}

  add(line: string): void {
    if (this.last && /^\s/.test(line)) {
      this.last.text += `\n${line.trim()}`;
      return;
    }
    this.last = null;
    const js = /^JavaScript (error|warning): (.*?), line \d+: (.*)$/.exec(line);
    const logged = /^console\.(error|warn|warning|info|log|debug): (.*)$/.exec(line);
    if (js) this.last = { pageUrl: '(firefox output)', type: js[1] === 'error' ? 'pageerror' : 'warning', text: js[3]!, source: js[2]! };
    else if (logged) this.last = { pageUrl: '(firefox output)', type: logged[1]!, text: logged[2]!, source: '' };
    if (this.last) this.emit(this.last);
  }
}
