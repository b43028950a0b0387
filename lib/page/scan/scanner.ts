import type { Report } from '../../report/types';
import { toIsoDate } from '../../corpus/meta/dates';
import type { FoundArticle } from '../find/article';
import { extractFromHtml } from '../find/article-extract';
import { findArticleElsewhere, type ExtractElsewhere, type FindOutcome } from '../find/article-finder';
import { askWithRetry } from './ask-retry';
import { createHoverCard, type CardChannel, type HoverCard } from '../card';
import { createHighlighter, type Highlighter } from '../mark/highlighter';
import { readPageMeta } from '../find/page-meta';
import { buildTextModel, buildTextModelInSlices } from '../model/text-model';

/** What the content script sends the background (BackgroundCalls.matchPage's data). */
export interface MatchPageData {
  url: string; title: string | null; outlet: string | null; text: string; blockStarts: number[];
  /** The page's own date and credits (readPageMeta), for the report's provenance. */
  published?: string | null; publishedAt?: string | null; credits?: string[]; sourceLinks?: string[];
}

/** The page's article as ContentCalls.pageArticle answers it: MatchPageData plus the date the
 *  page states (YYYY-MM-DD, or null). */
export interface PageArticleData extends MatchPageData { published: string | null }

/** The scanner's outside world, injected so tests run it with fakes. */
export interface ScannerDeps {
  doc: Document;
  url: () => string;
  /** Is Echoes on for this page now (global switch and site list)? */
  isEnabled: () => Promise<boolean>;
  matchPage: (data: MatchPageData) => Promise<{ ok: true; value: Report } | { ok: false; error: string }>;
  /** `reason`: why the page was not checked, for the popup (e.g. too large). */
  pageState: (state: 'no-article' | 'off' | 'too-large', reason?: string) => Promise<unknown>;
  /** Where Readability runs (the background's extractArticle); default: in this document's
   *  window with its DOMParser (tests). */
  extract?: ExtractElsewhere;
  log?: (message: string) => void;
  now?: () => number;
  findArticle?: (doc: Document) => Promise<FindOutcome>;
  /** How the highlighter yields between chunks (default: animation frames). */
  schedule?: (run: () => void) => void;
  /** Called after each batch of our own page writes (the page watcher drops their records). */
  onWrite?: () => void;
  /** When the content script started (same clock as `now`): the first scan's time counts from
   *  it, later scans from their own start. */
  startedAt?: number;
  /** How the hover card reaches its extension frame; none: highlights without a card. */
  cardChannel?: CardChannel;
}

/** How a scan ended. `ms` = scan start to highlights written. */
export type ScanOutcome =
  | { state: 'highlighted'; sentences: number; ms: number }
  | { state: 'unchanged' | 'off' | 'no-article' | 'stale' }
  | { state: 'error'; error: string };

/** Finds the article, asks the background, highlights; clears, reveals and tears down. */
export interface Scanner {
  /** Runs one scan. Without `force`, an article whose text did not change keeps its highlights. */
  scan(opts?: { force?: boolean }): Promise<ScanOutcome>;
  /** After the on/off settings changed: clears when the page is now off, scans when it is now
   *  on, and does nothing when its state did not change. */
  refresh(): Promise<ScanOutcome>;
  /** Removes the card at once and the highlights in chunks between frames; resolves when the
   *  page is as before. The next scan waits for it. */
  clear(): Promise<void>;
  /** Scrolls to sentence `index`'s highlight and flashes it; false when it has none. */
  reveal(index: number): boolean;
  /** The current article root (null before a successful scan). */
  currentRoot(): Element | null;
  /** The article the last scan matched (as sent, with the page's date); when none was matched
   *  (site switched off, scan not finished) the article found in the page now; null when the
   *  page has none. */
  pageArticle(): Promise<PageArticleData | null>;
  /** Clears and stops answering; later scans do nothing. */
  destroy(): void;
}

/** Creates the scanner for one page (one content script run). */
export function createScanner(deps: ScannerDeps): Scanner {
  const now = deps.now ?? (() => performance.now());
  const log = deps.log ?? ((m: string) => console.debug(`[echoes] ${m}`));
  let longestTaskMs = 0;
  const task = (_label: string, ms: number): void => {
    longestTaskMs = Math.max(longestTaskMs, ms);
  };
  const extract = deps.extract ?? localExtract(deps.doc);
  const find = deps.findArticle ?? ((doc: Document) => findArticleElsewhere(doc, extract, { now, onTask: task }));
  let run = 0;
  let destroyed = false;
  let lastEnabled: boolean | null = null;
  let active: { root: Element; text: string; url: string; hl: Highlighter; card: HoverCard | null; found: PageArticleData } | null = null;

  /** The clearing under way (a scan finds the article only on the page without our marks). */
  let clearing: Promise<void> = Promise.resolve();
  const clear = (): Promise<void> => {
    if (active) {
      active.card?.destroy();
      clearing = active.hl.clear();
      active = null;
    }
    return clearing;
  };

  /** The article to scan now; 'unchanged' when it is the one highlighted (unless forced). */
  const pickArticle = async (force: boolean, url: string, stale: () => boolean): Promise<FindOutcome | 'unchanged'> => {
    await clearing;
    if (stale()) return { found: false, reason: null };
    const peek = await find(deps.doc);
    if (!peek.found || !active || stale()) return peek;
    if (!force && active.url === url && (await textOf(peek.article)) === active.text) return 'unchanged';
    await clear();
    if (stale()) return { found: false, reason: null };
    return find(deps.doc); // again, on the page without our marks
  };

  const scan = async (opts: { force?: boolean } = {}): Promise<ScanOutcome> => {
    const id = ++run;
    const started = id === 1 && deps.startedAt !== undefined ? deps.startedAt : now();
    const stale = (): boolean => id !== run || destroyed;
    try {
      if (destroyed) return { state: 'stale' };
      lastEnabled = await deps.isEnabled();
      if (!lastEnabled) return off(id);
      if (stale()) return { state: 'stale' };
      const url = deps.url();
      longestTaskMs = 0;
      const picked = await pickArticle(opts.force ?? false, url, stale);
      if (stale()) return { state: 'stale' };
      if (picked === 'unchanged') return { state: 'unchanged' };
      if (!picked.found) return noArticle(id, picked.reason, picked.tooLarge ?? false);
      const article = picked.article;
      const model = await buildTextModelInSlices(article.root, { only: article.nodes }, { now, onSlice: (ms) => task('building the text model', ms) });
      if (stale()) return { state: 'stale' };
      const hl = createHighlighter(article.root, { model, schedule: deps.schedule, onWrite: deps.onWrite });
      const asked = now();
      const found = pageData(deps.doc, url, article, model);
      const findTaskMs = Math.round(longestTaskMs);
      const answer = await askWithRetry(() => deps.matchPage(found), stale, log);
      if (stale()) return { state: 'stale' };
      if (!answer.ok) {
        log(`no report: ${answer.error}`);
        return { state: 'error', error: answer.error };
      }
      const echoed = new Set(answer.value.sentences.filter((s) => s.matches.length > 0).map((s) => s.index));
      const card = deps.cardChannel ? createHoverCard(deps.doc, { hasMatches: (i) => echoed.has(i), channel: deps.cardChannel, log, now }) : null;
      active = { root: article.root, text: model.text, url, hl, found, card };
      const answered = now();
      const sentences = await hl.apply(answer.value.sentences);
      if (stale()) return { state: 'stale' };
      const ms = Math.round(now() - started);
      log(`highlighted ${sentences} sentences in ${ms} ms (find ${Math.round(asked - started)} ms, `
        + `match ${Math.round(answered - asked)} ms, mark ${Math.round(now() - answered)} ms; `
        + `longest task: finding the article ${findTaskMs} ms, marking in chunks of at most ${hl.longestChunkMs()} ms)`);
      return { state: 'highlighted', sentences, ms };
    } catch (error) {
      log(`scan failed: ${error instanceof Error ? error.message : String(error)}`);
      return { state: 'error', error: String(error) };
    }
  };

  const off = async (id: number): Promise<ScanOutcome> => {
    await clear();
    if (id === run) await deps.pageState('off');
    return { state: 'off' };
  };
  const noArticle = async (id: number, reason: string | null, tooLarge: boolean): Promise<ScanOutcome> => {
    await clear();
    if (reason) log(`no article checked: ${reason}`);
    if (id === run) await deps.pageState(tooLarge ? 'too-large' : 'no-article', reason ?? undefined);
    return { state: 'no-article' };
  };

  const reveal = (index: number): boolean => {
    const marks = active?.hl.marksOf(index) ?? [];
    const first = marks[0];
    if (!first) return false;
    const still = deps.doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    first.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    for (const mark of marks) {
      mark.classList.remove('echoes-flash');
      void mark.offsetWidth; // restart the animation when revealed twice
      mark.classList.add('echoes-flash');
    }
    return true;
  };

  const refresh = async (): Promise<ScanOutcome> => {
    try {
      const enabled = await deps.isEnabled();
      if (enabled === lastEnabled) return { state: 'unchanged' };
    } catch (error) {
      log(`settings unreadable: ${String(error)}`);
    }
    return scan({ force: true });
  };

  const pageArticle = async (): Promise<PageArticleData | null> => {
    if (destroyed) return null;
    if (active) return active.found;
    const picked = await find(deps.doc);
    if (!picked.found || destroyed) return null;
    const article = picked.article;
    return pageData(deps.doc, deps.url(), article, buildTextModel(article.root, { only: article.nodes }));
  };

  return {
    scan, clear, reveal, refresh, pageArticle,
    currentRoot: () => active?.root ?? null,
    destroy: () => {
      destroyed = true;
      run++;
      void clear();
    },
  };
}

/** `article` as the page states it: its text model, the page's title, outlet and date. */
function pageData(doc: Document, url: string, article: FoundArticle, model: { text: string; blockStarts: number[] }): PageArticleData {
  const meta = readPageMeta(doc);
  return {
    url, title: article.title ?? (doc.title || null),
    outlet: meta.outlet ?? article.siteName, text: model.text, blockStarts: model.blockStarts,
    published: meta.published ?? (article.publishedTime ? toIsoDate(article.publishedTime) : null),
    publishedAt: meta.publishedAt, credits: meta.credits, sourceLinks: meta.sourceLinks,
  };
}

async function textOf(article: FoundArticle): Promise<string> {
  return (await buildTextModelInSlices(article.root, { only: article.nodes })).text;
}

/** Readability in `doc`'s own window (its DOMParser), for tests and pages without a background. */
function localExtract(doc: Document): ExtractElsewhere {
  return async (html) => {
    const Parser = doc.defaultView?.DOMParser ?? globalThis.DOMParser;
    return { ok: true, value: extractFromHtml(html, (text) => new Parser().parseFromString(text, 'text/html')) };
  };
}
