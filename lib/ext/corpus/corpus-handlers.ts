/** Background handlers of the corpus calls (extension pages only; see BACKGROUND_ACCESS):
 *  imports, removal, the built-in switch, export, listing and search. Each checks its data
 *  and answers { ok: false, error } saying what it expected. */
import { articleToJsonLine } from '../../corpus/files/export';
import { articleFromPage } from '../../corpus/clean/page-article';
import type { ChunkOptions } from './chunked-build';
import { createCorpusCatalog, type CatalogSource } from './corpus-catalog';
import { ImportJobs, MAX_BATCH_ARTICLES } from '../imports/import-jobs';
import type { IndexHolder } from '../background/index-holder';
import type { BackgroundCalls, CallResult, ImportSummary, PageArticle } from '../messaging/messages';
import type { CallHandlers } from '../messaging/messaging';
import { sendToTab } from '../messaging/messaging';
import { builtinHiddenItem, corpusChangedItem, readBuiltinHidden } from '../settings/storage';
import type { ChangeFailure, UserCorpus } from './user-corpus';
import { readRetentionStates } from '../feeds/retention-run';

type CorpusCalls = Pick<BackgroundCalls,
  | 'beginImport' | 'importBatch' | 'finishImport' | 'cancelImport' | 'addPageToCorpus' | 'removeArticles' | 'removeOutlet'
  | 'clearUserCorpus' | 'setBuiltinHidden' | 'exportCorpus' | 'listCorpus' | 'searchCorpus'>;

/** Most lines one exportCorpus page may ask for (a page of 1,000 news articles is ~6 MB). */
export const MAX_EXPORT_LINES = 1000;

/** What the handlers need: the loaded corpora, and how to ask a tab for its article. */
export interface CorpusHandlerOptions extends ChunkOptions {
  holder: IndexHolder;
  askPage?: (tabId: number) => Promise<CallResult<PageArticle | null>>;
  idleMs?: number;
}

/** Answers `pending`; when it succeeded, first tells open extension pages the corpus changed. */
async function announce<T>(pending: CallResult<T> | Promise<CallResult<T>>): Promise<CallResult<T>> {
  const result = await pending;
  if (result.ok) await corpusChangedItem.setValue(Date.now());
  return result;
}

/** The handlers, and the import jobs (for tests). */
export function createCorpusHandlers(opts: CorpusHandlerOptions): { handlers: CallHandlers<CorpusCalls>; jobs: ImportJobs } {
  const { holder } = opts;
  const jobs = new ImportJobs({ user: () => holder.user(), builtin: () => holder.builtin(), idleMs: opts.idleMs, pause: opts.pause, chunk: opts.chunk });
  const askPage = opts.askPage ?? ((tabId: number) => sendToTab(tabId, 'pageArticle', {}));
  const catalog = createCorpusCatalog();
  const source = async (): Promise<CatalogSource> => {
    const [builtin, user, builtinHidden] = await Promise.all([holder.builtin(), holder.user(), readBuiltinHidden()]);
    const corpus = user.ok ? user.value : null;
    const retention = corpus ? await readRetentionStates(corpus) : undefined;
    return { builtin, user: corpus?.index ?? null, userVersion: corpus?.version ?? -1, builtinHidden, retention };
  };
  const withUser = async <T>(task: (corpus: UserCorpus) => Promise<CallResult<T>>): Promise<CallResult<T>> => {
    const user = await holder.user();
    return user.ok ? task(user.value) : user;
  };
  const removeWhere = (what: string, pick: (corpus: UserCorpus) => string[]) => announce(withUser(async (corpus) =>
    removed(what, await corpus.exclusive(() => corpus.remove(pick(corpus))))));

  const handlers: CallHandlers<CorpusCalls> = {
    beginImport: (data) => (isCount(data.total) ? jobs.begin(data.total) : refuse('beginImport needs { total: number of articles, 0 or more }')),
    importBatch(data) {
      if (typeof data.jobId !== 'string' || !Array.isArray(data.articles)) return refuse('importBatch needs { jobId: string, articles: [{ article, label }] }');
      if (data.articles.length > MAX_BATCH_ARTICLES) return refuse(`importBatch takes at most ${MAX_BATCH_ARTICLES} articles per call; send smaller batches`);
      return jobs.batch(data.jobId, data.articles);
    },
    finishImport: (data) => (typeof data.jobId === 'string' ? announce(jobs.finish(data.jobId)) : refuse('finishImport needs { jobId: string }')),
    cancelImport: (data) => (typeof data.jobId === 'string' ? jobs.cancel(data.jobId) : refuse('cancelImport needs { jobId: string }')),
    async addPageToCorpus(data) {
      if (!Number.isInteger(data.tabId)) return refuse('addPageToCorpus needs { tabId: number }');
      const page = await askPage(data.tabId);
      if (!page.ok) return { ok: false, error: `could not read the page: ${page.error}. Reload the page and try again.` };
      if (!page.value) return refuse('no article found on this page: open the article itself (not a front page or a list) and try again');
      const made = articleFromPage(page.value);
      if (!made.ok) return made;
      return announce(importNow(jobs, made.articles.map((article) => ({ article, label: 'this page' }))));
    },
    removeArticles(data) {
      if (!Array.isArray(data.ids) || !data.ids.every((id) => typeof id === 'string')) return refuse('removeArticles needs { ids: [article ids] }');
      return removeWhere('the articles', () => data.ids);
    },
    removeOutlet(data) {
      if (typeof data.outlet !== 'string' || data.outlet.trim() === '') return refuse('removeOutlet needs { outlet: name of an outlet }');
      return removeWhere(`the articles of ${data.outlet}`, (corpus) => corpus.articles().filter((a) => a.outlet === data.outlet).map((a) => a.id));
    },
    clearUserCorpus: () => announce(withUser(async (corpus) => {
      await jobs.cancelAll(); // an import in progress would otherwise add to the emptied corpus
      return removed('your corpus', await corpus.exclusive(() => corpus.clear()));
    })),
    async setBuiltinHidden(data) {
      if (typeof data.hidden !== 'boolean') return refuse('setBuiltinHidden needs { hidden: true or false }');
      await builtinHiddenItem.setValue(data.hidden);
      return { ok: true, value: null };
    },
    exportCorpus(data) {
      if (!isCount(data.offset) || !isCount(data.limit) || data.limit < 1 || data.limit > MAX_EXPORT_LINES) {
        return refuse(`exportCorpus needs { offset: 0 or more, limit: 1 to ${MAX_EXPORT_LINES} }`);
      }
      return withUser(async (corpus) => {
        const all = corpus.articles();
        const end = Math.min(all.length, data.offset + data.limit);
        const jsonl = all.slice(data.offset, end).map((a) => `${articleToJsonLine(a)}\n`).join('');
        return { ok: true, value: { jsonl, next: end < all.length ? end : null, total: all.length } };
      });
    },
    listCorpus: async () => ({ ok: true, value: catalog.list(await source()) }),
    async searchCorpus(data) {
      if (typeof data.query !== 'string') return refuse('searchCorpus needs { query: string }');
      const limit = isCount(data.limit) && data.limit > 0 ? Math.min(data.limit, 200) : undefined;
      return { ok: true, value: catalog.search(await source(), data.query, limit) };
    },
  };
  return { handlers, jobs };
}

/** A one-job import of a few articles (a page added from the popup, a feed's new items), in
 *  batches of at most MAX_BATCH_ARTICLES. */
export async function importNow(jobs: ImportJobs, articles: Array<{ article: unknown; label: string }>): Promise<CallResult<ImportSummary>> {
  const begun = await jobs.begin(articles.length);
  if (!begun.ok) return begun;
  for (let at = 0; at < articles.length; at += MAX_BATCH_ARTICLES) {
    const batch = await jobs.batch(begun.value.jobId, articles.slice(at, at + MAX_BATCH_ARTICLES));
    if (!batch.ok) return await jobs.cancel(begun.value.jobId), batch;
  }
  return jobs.finish(begun.value.jobId);
}

function removed(what: string, result: { ok: true; removed: number } | ChangeFailure): CallResult<{ removed: number }> {
  if (result.ok) return { ok: true, value: { removed: result.removed } };
  const why = result.quota ? 'storage is full' : result.error;
  return { ok: false, error: `Could not remove ${what} (${why}): nothing was removed. Try again.` };
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function refuse(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
