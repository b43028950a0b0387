import type { BrowserContext, ConsoleMessage } from 'playwright-core';

/** One console message or uncaught page error, with the page it came from. */
export interface ConsoleEntry { pageUrl: string; type: string; text: string; source: string }

/** One "[echoes] highlighted N sentences in X ms" line of the content script. */
export interface HighlightTiming {
  pageUrl: string; sentences: number; ms: number;
  /** The content script's longest tasks: finding the article (its longest slice: serialising, mapping back, the text model) and the longest marking
   *  chunk; null when the line does not say. */
  findTaskMs: number | null; markChunkMs: number | null;
  /** The matchPage round trip as the content script saw it (request to answer); null when the
   *  line does not say. */
  matchMs: number | null;
}

const TIMING = /\[echoes\] highlighted (\d+) sentences? in ([\d.]+) ?ms/i;
const MATCH = /match (\d+) ms/;
const TASKS = /finding the article (\d+) ms, marking in chunks of at most (\d+) ms/;

/** Console messages and uncaught errors as a driver collects them, and what they say. */
export class ConsoleLog {
  readonly entries: ConsoleEntry[] = [];

  /** `extensionOrigin`: chrome-extension://<id> or moz-extension://<uuid>, whose scripts are ours. */
  constructor(private readonly extensionOrigin: string) {}

  /** Records one message (drivers call this from their browser's events). */
  push(entry: ConsoleEntry): void {
    this.entries.push(entry);
  }

  /** Errors that come from Echoes (its log prefix, its name, or a script of the extension),
   *  optionally only those of one page. Warnings are left out (they may be deliberate), and so
   *  are CSP reports (see cspReportsFromUs). */
  echoesProblems(pageUrl?: string): ConsoleEntry[] {
    return this.entries.filter((e) =>
      (e.type === 'error' || e.type === 'pageerror')
      && (pageUrl === undefined || e.pageUrl === pageUrl)
      && !isCspReport(e.text)
      && this.isOurs(e));
  }

  /** Every message whose text includes `needle`. */
  matching(needle: string | RegExp): ConsoleEntry[] {
    return this.entries.filter((e) => (typeof needle === 'string' ? e.text.includes(needle) : needle.test(e.text)));
  }

  /** The content script's highlight timings, oldest first, optionally of one page. */
  timings(pageUrl?: string): HighlightTiming[] {
    return this.entries.flatMap((e) => {
      const m = TIMING.exec(e.text);
      if (!m || (pageUrl !== undefined && e.pageUrl !== pageUrl)) return [];
      const tasks = TASKS.exec(e.text);
      return [{
        pageUrl: e.pageUrl, sentences: Number(m[1]), ms: Number(m[2]),
        findTaskMs: tasks ? Number(tasks[1]) : null, markChunkMs: tasks ? Number(tasks[2]) : null,
        matchMs: MATCH.test(e.text) ? Number(MATCH.exec(e.text)![1]) : null,
      }];
    });
  }

  /** Waits (polling) for a highlight timing of `pageUrl` with at least `minSentences`; null on timeout. */
  async waitForTiming(pageUrl: string, timeoutMs = 15_000, minSentences = 0): Promise<HighlightTiming | null> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = this.timings(pageUrl).find((t) => t.sentences >= minSentences);
      if (found || Date.now() > end) return found ?? null;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Content-Security-Policy reports attributed to the extension. The real pages are served
   *  with script-src 'none', and Chromium reports a page's on* attributes again when our
   *  script copies them (e.g. cloning the document for Readability); nothing runs. */
  cspReportsFromUs(pageUrl?: string): ConsoleEntry[] {
    return this.entries.filter((e) => isCspReport(e.text) && (pageUrl === undefined || e.pageUrl === pageUrl) && this.isOurs(e));
  }

  private isOurs(e: ConsoleEntry): boolean {
    const needle = this.extensionOrigin;
    // pageUrl: an uncaught error in one of our own pages (popup, options) is ours wherever it came from.
    return /echoes/i.test(e.text) || e.source.startsWith(needle) || e.pageUrl.startsWith(needle) || e.text.includes(needle);
  }
}

/** A ConsoleLog fed by every page, worker and uncaught error of a Playwright context. */
export class ConsoleWatch extends ConsoleLog {
  constructor(context: BrowserContext, extensionId: string) {
    super(`chrome-extension://${extensionId}`);
    context.on('console', (msg) => this.push(entryOf(msg)));
    context.on('weberror', (error) => {
      const err = error.error();
      this.push({
        pageUrl: error.page()?.url() ?? '',
        type: 'pageerror',
        text: `${err.message}\n${err.stack ?? ''}`,
        source: '',
      });
    });
  }
}

function entryOf(msg: ConsoleMessage): ConsoleEntry {
  const location = msg.location();
  return { pageUrl: msg.page()?.url() ?? '', type: msg.type(), text: msg.text(), source: location.url ?? '' };
}

/** A Content-Security-Policy violation report (not an exception), as Chromium words it
 *  ("Refused to load … because it violates the following Content Security Policy directive: …")
 *  or as Firefox does ("Content-Security-Policy: The page’s settings blocked … because it
 *  violates the following directive: …", which puppeteer hands over as a page error). */
export function isCspReport(text: string): boolean {
  return /violates the following Content Security Policy directive/.test(text)
    || /^Content-Security-Policy: .*(?:blocked|violates the following directive)/.test(text);
}
