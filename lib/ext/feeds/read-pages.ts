/** "Remember what I read" in the background: a content script says its page was read
 *  (pageRead); the background decides. Only when the reading memory is on, Echoes is on for
 *  the page and its site is listed does it ask the tab for its article (the path of the popup's
 *  "Add this page") and add it as a read article, kept in bounds with the feeds' articles.
 *  Nothing is sent anywhere: the article goes from the tab into the local corpus. */
import { articleFromPage } from '../../corpus/clean/page-article';
import type { IndexHolder } from '../background/index-holder';
import { importNow } from '../corpus/corpus-handlers';
import type { ImportJobs } from '../imports/import-jobs';
import type { BackgroundCalls, CallResult, PageArticle, ReadOutcome } from '../messaging/messages';
import type { CallHandlers, Sender } from '../messaging/messaging';
import { migrateReadingMemory } from '../settings/settings';
import { isReadRemembered } from '../settings/site-rules';
import { corpusChangedItem, readingMemoryItem, readReadingMemory, readSettings } from '../settings/storage';
import { writeReadRecords } from './read-records';
import { applyRetention, readRetention } from './retention-run';

type ReadCalls = Pick<BackgroundCalls, 'pageRead' | 'getReadingMemory' | 'setReadingMemory'>;

/** What the handlers need: the corpora, the import jobs, how to ask a tab for its article, and
 *  a clock (ms since 1970). */
export interface ReadPageOptions {
  holder: IndexHolder;
  jobs: ImportJobs;
  askPage: (tabId: number) => Promise<CallResult<PageArticle | null>>;
  now: () => number;
}

/** The pageRead handler (content scripts) and the reading memory's get/set (extension pages). */
export function createReadPageHandlers(opts: ReadPageOptions): CallHandlers<ReadCalls> {
  // One page at a time, so two quick reads of one page add it once.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    pageRead: (_data, sender) => serial(() => remember(sender, opts)),
    getReadingMemory: async () => ({ ok: true, value: await readReadingMemory() }),
    async setReadingMemory(data) {
      const memory = migrateReadingMemory(data);
      await readingMemoryItem.setValue(memory);
      return { ok: true, value: memory };
    },
  };
}

async function remember(sender: Sender, opts: ReadPageOptions): Promise<CallResult<ReadOutcome>> {
  const tabId = sender.tab?.id;
  const url = sender.url ?? '';
  if (tabId === undefined || url === '') return { ok: false, error: 'pageRead must come from a tab' };
  const [settings, memory] = await Promise.all([readSettings(), readReadingMemory()]);
  if (!isReadRemembered(url, settings, memory)) return skipped('this site is not among the sites whose pages Echoes remembers');
  const user = await opts.holder.user();
  if (!user.ok) return user;
  const page = await opts.askPage(tabId);
  if (!page.ok) return { ok: false, error: `could not read the page: ${page.error}` };
  if (!page.value) return skipped('no article on this page');
  // The article the tab answers must be of the page that said it was read (not a later one).
  if (withoutFragment(page.value.url) !== withoutFragment(url)) return skipped('the tab moved to another page meanwhile');
  const made = articleFromPage(page.value);
  if (!made.ok) return skipped(made.error);
  const article = made.articles[0]!;
  if (user.value.hasId(article.id)) return skipped('already in the corpus');
  const rule = await readRetention();
  const published = article.published ? Date.parse(article.published) : NaN;
  // An article older than the corpus keeps would leave again at once: it is not added.
  if (published < opts.now() - rule.maxAgeDays * 86_400_000) return skipped(`older than the ${rule.maxAgeDays} days the corpus keeps`);
  const summary = await importNow(opts.jobs, [{ article, label: 'a page you read' }]);
  if (!summary.ok) return summary;
  const added = summary.value.added[0];
  if (!added) return skipped(summary.value.skipped[0]?.reason ?? 'not added');
  await writeReadRecords((id) => user.value.hasId(id), [{ articleId: added.id, readMs: opts.now() }]);
  await corpusChangedItem.setValue(opts.now());
  await applyRetention(user.value, opts.now(), rule);
  return { ok: true, value: { added: true, articleId: added.id, reason: null } };
}

/** `url` without its #fragment (a jump within the page is the same page). */
function withoutFragment(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}

function skipped(reason: string): CallResult<ReadOutcome> {
  return { ok: true, value: { added: false, articleId: null, reason } };
}
