/** The subscribed feeds, each with its state in plain words (last read, what it added, its last
 *  problem), "Refresh now" and removal (optionally with its articles). Text from feeds is shown
 *  as text. */
import { useState } from 'preact/hooks';
import type { FeedView } from '../../ext/messaging/messages';

/** Props: the feeds (null while loading), `now` for "5 min ago", and the actions (each answers
 *  an error message or null). */
export interface FeedListProps {
  feeds: readonly FeedView[] | null;
  now: number;
  refresh(id?: string): Promise<string | null>;
  unsubscribe(id: string, removeArticles: boolean): Promise<string | null>;
}

/** "just now", "12 min ago", "3 h ago", "2 days ago"; "in 20 min" for the future. */
export function relativeTime(ms: number, now: number): string {
  const diff = Math.trunc((now - ms) / 60_000);
  const span = Math.abs(diff);
  const text = span < 1 ? 'now' : span < 60 ? `${span} min` : span < 48 * 60 ? `${Math.round(span / 60)} h` : `${Math.round(span / 1440)} days`;
  if (text === 'now') return diff >= 0 ? 'just now' : 'in a moment';
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** One line of what a feed did last. */
export function feedStatus(feed: FeedView, now: number): string {
  if (feed.refreshing) return 'Reading now…';
  if (feed.lastCheckedMs === null) return 'Not read yet.';
  const checked = `Last read ${relativeTime(feed.lastCheckedMs, now)}`;
  const added = feed.failures > 0 ? '' : feed.lastNew === 0 ? ': nothing new' : `: ${feed.lastNew} new article${feed.lastNew === 1 ? '' : 's'}`;
  const next = feed.nextDueMs !== null ? `; next ${relativeTime(feed.nextDueMs, now)}` : '';
  return `${checked}${added}${next}.`;
}

/** The list. */
export function FeedList({ feeds, now, refresh, unsubscribe }: FeedListProps) {
  const [error, setError] = useState<string | null>(null);
  if (feeds === null) return <p class="muted">Loading feeds…</p>;
  return (
    <div class="feed-list">
      {error && <p class="field-error" role="alert">{error}</p>}
      {feeds.length === 0 ? <p class="muted">No feeds yet: subscribe to one above.</p> : (
        <>
          <button type="button" onClick={() => void refresh().then(setError)}>Refresh all now</button>
          <ul>{feeds.map((feed) => <FeedRow key={feed.id} feed={feed} now={now} refresh={refresh} unsubscribe={unsubscribe} setError={setError} />)}</ul>
        </>
      )}
    </div>
  );
}

function FeedRow({ feed, now, refresh, unsubscribe, setError }: { feed: FeedView; now: number; setError(e: string | null): void } & Pick<FeedListProps, 'refresh' | 'unsubscribe'>) {
  const [withArticles, setWithArticles] = useState(false);
  return (
    <li class="feed" data-feed-id={feed.id}>
      <strong class="feed-outlet">{feed.outlet}</strong> <span class="muted feed-url">{feed.url}</span>
      <p class="feed-status">{feedStatus(feed, now)}</p>
      <p class="feed-count">
        {feed.articles} article{feed.articles === 1 ? '' : 's'} in your corpus
        {feed.summaries > 0 && ` (${feed.summaries} only the feed's summary: paywalled or too short pages)`}
      </p>
      {feed.lastError && <p class={feed.failures > 0 ? 'feed-error field-error' : 'feed-note muted'}>{feed.failures > 0 ? `Problem: ${feed.lastError}` : feed.lastError}</p>}
      {feed.problems.length > 0 && (
        <details class="feed-problems"><summary>Items without an article ({feed.problems.length})</summary>
          <ul>{feed.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </details>
      )}
      <button type="button" disabled={feed.refreshing} onClick={() => void refresh(feed.id).then(setError)}>
        Refresh now<span class="sr-only"> {feed.outlet}</span>
      </button>
      <label><input type="checkbox" checked={withArticles} onChange={(e) => setWithArticles((e.currentTarget as HTMLInputElement).checked)} /> and its articles</label>
      <button type="button" class="feed-remove" onClick={() => void unsubscribe(feed.id, withArticles).then(setError)}>
        Remove<span class="sr-only"> {feed.outlet}</span>
      </button>
    </li>
  );
}
