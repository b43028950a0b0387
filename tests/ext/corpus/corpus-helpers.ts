// Test helpers for the background's user corpus: a service over fake IndexedDB, calls from
// the options page and from a tab, and articles to import.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '../../../lib/corpus/article';
import { createBackgroundService, type BackgroundService, type BackgroundServiceOptions } from '../../../lib/ext/background/background-service';
import { openCorpusStore, type CorpusStore } from '../../../lib/ext/store/corpus-store';
import type { BackgroundCalls, CallResult, ImportArticle } from '../../../lib/ext/messaging/messages';
import { checkBackgroundSender, dispatchCall, type Sender } from '../../../lib/ext/messaging/messaging';
import { createCorpusIndex, loadCorpusIndex, type SerializedCorpusIndex } from '../../../lib/match/index/corpus-index';
import type { Report } from '../../../lib/report/types';
import { seedArticles } from '../../unit/match/seed-corpus';

export const ID = 'test-extension-id';
export const OPTIONS: Sender = { id: ID, url: `chrome-extension://${ID}/options.html` };
export const seeds = seedArticles();
/** The built-in corpus of these tests: seeds 000-002; the user imports 003 and 004. */
export const BUILTIN = seeds.slice(0, 3);
export const USER = seeds.slice(3);
const builtinSnapshot: SerializedCorpusIndex = createCorpusIndex(BUILTIN).serialize();

/** A service over `factory`'s IndexedDB (a fresh one by default); `wrap` may replace the store. */
export function startService(
  factory: IDBFactory = new IDBFactory(),
  extra: Partial<BackgroundServiceOptions> & { wrap?: (store: CorpusStore) => CorpusStore } = {},
): { service: BackgroundService; factory: IDBFactory } {
  const store = openCorpusStore('echoes', factory);
  const service = createBackgroundService({
    loadIndex: async () => loadCorpusIndex(builtinSnapshot), log: () => {}, ...extra, store: extra.wrap ? extra.wrap(store) : store,
  });
  return { service, factory };
}

/** Makes a call as `sender` (the options page by default); answers the CallResult. */
export async function call<K extends keyof BackgroundCalls>(service: BackgroundService, name: K, data: unknown, sender: Sender = OPTIONS) {
  return (await dispatchCall(service.handlers, checkBackgroundSender, { echoesCall: name, data }, sender)) as CallResult<ReturnType<BackgroundCalls[K]>>;
}

/** The value of a call that must succeed. */
export async function value<K extends keyof BackgroundCalls>(service: BackgroundService, name: K, data: unknown, sender: Sender = OPTIONS) {
  const answer = await call(service, name, data, sender);
  if (!answer.ok) throw new Error(`${name}: ${answer.error}`);
  return answer.value;
}

/** begin, one batch, finish: the summary (or the failed finish). */
export async function importAll(service: BackgroundService, articles: Article[] | ImportArticle[]) {
  const items = articles.map((a, n) => ('article' in a ? a : { article: a, label: `file.jsonl line ${n + 1}` }));
  const { jobId } = await value(service, 'beginImport', { total: items.length });
  const batch = await value(service, 'importBatch', { jobId, articles: items });
  return { batch, finish: await call(service, 'finishImport', { jobId }) };
}

/** A page on its own host carrying seed 000's text: seeds 001 and 003 echo it. */
export function pageOf(url = 'https://page.example/news/kazakhstan') {
  const article = seeds[0]!;
  return { url, title: article.title, outlet: 'Page News', text: article.text, blockStarts: article.blocks.map((b) => b.start) };
}

/** matchPage from a fresh tab showing pageOf(url). */
export async function matchPage(service: BackgroundService, url = 'https://page.example/news/kazakhstan'): Promise<Report> {
  const tab = await fakeBrowser.tabs.create({ url });
  return value(service, 'matchPage', pageOf(url), { id: ID, url, tab });
}

/** Article ids a report matched, sorted. */
export function matchedIds(report: Report): string[] {
  return [...new Set(report.sentences.flatMap((s) => s.matches.map((m) => m.articleId)))].sort();
}

/** `count` distinct articles made of seed texts with one sentence of their own. */
export function variants(count: number, prefix = 'variant'): Article[] {
  return Array.from({ length: count }, (_, n) => {
    const base = seeds[n % seeds.length]!;
    const own = `This is variant number ${n} of the story, written for test ${prefix}.\n\n`;
    return {
      ...base, id: `${prefix}-${n}`, outlet: `Outlet ${n % 7}`, site: `outlet${n % 7}.example`, url: `https://outlet${n % 7}.example/${prefix}/${n}`, title: `${prefix} ${n}`,
      text: own + base.text, blocks: [{ kind: 'body' as const, start: 0, end: own.length - 2 }, ...base.blocks.map((b) => ({ ...b, start: b.start + own.length, end: b.end + own.length }))],
    };
  });
}
