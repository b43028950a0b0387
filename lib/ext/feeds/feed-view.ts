/** A stored feed as the options page lists it: its state in a few numbers and plain words. */
import type { FeedView } from '../messaging/messages';
import type { FeedRecord } from './feed-records';

/** The listing of one feed record. */
export function feedView(record: FeedRecord, refreshing: boolean): FeedView {
  const withArticle = record.items.filter((i) => i.articleId !== null);
  return {
    id: record.id, url: record.url, outlet: record.outlet,
    lastCheckedMs: record.timing.lastCheckedMs, nextDueMs: record.timing.nextDueMs, failures: record.timing.failures,
    lastError: record.lastError, lastNew: record.lastNew, listed: record.lastListed,
    articles: withArticle.length, summaries: withArticle.filter((i) => i.source === 'summary').length,
    problems: record.items.filter((i) => i.articleId === null && i.note !== null).slice(-5).map((i) => i.note!),
    refreshing,
  };
}
