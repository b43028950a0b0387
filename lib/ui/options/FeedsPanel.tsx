/** The options page's feeds: subscribe by address (a feed, or a site whose page names its feed)
 *  or from the built-in list of outlets, then the list of subscriptions and their state. */
import { useState } from 'preact/hooks';
import type { FeedView } from '../../ext/messaging/messages';
import { FeedList } from './FeedList';
import { ReadingMemoryForm, type ReadingMemoryFormProps } from './ReadingMemoryForm';
import { RetentionForm, type RetentionFormProps } from './RetentionForm';

/** How a subscription went (lib/ext/pages/feeds-controller SubscribeOutcome). */
export type SubscribeResult =
  | { state: 'subscribed'; feed: FeedView }
  | { state: 'failed'; error: string }
  | { state: 'needs-hosts'; feedUrl: string; title: string | null; origins: string[] };

/** What the panel can do; subscribe/allowAndSubscribe must run from the click (permissions). */
export interface FeedsPanelActions {
  subscribe(url: string, outlet: string): Promise<SubscribeResult>;
  allowAndSubscribe(feedUrl: string, outlet: string, origins: string[]): Promise<SubscribeResult>;
  unsubscribe(id: string, removeArticles: boolean): Promise<string | null>;
  refresh(id?: string): Promise<string | null>;
}

/** Props: the feeds (null while loading), the built-in list, the clock and the actions. */
export interface FeedsPanelProps {
  feeds: readonly FeedView[] | null;
  known: readonly { outlet: string; url: string }[];
  now: number;
  actions: FeedsPanelActions;
  /** The retention form (left out where there is none to show). */
  retention?: RetentionFormProps;
  /** "Remember what I read" (left out where there is none to show). */
  reading?: ReadingMemoryFormProps;
}

/** The section. */
export function FeedsPanel({ feeds, known, now, actions, retention, reading }: FeedsPanelProps) {
  const [url, setUrl] = useState('');
  const [outlet, setOutlet] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, setPending] = useState<{ feedUrl: string; outlet: string; origins: string[] } | null>(null);
  const show = (result: SubscribeResult, name: string) => {
    if (result.state === 'subscribed') {
      setMessage({ error: false, text: `Subscribed to ${result.feed.outlet}: its articles are being read.` });
      setUrl(''), setOutlet(''), setPending(null);
    } else if (result.state === 'failed') setMessage({ error: true, text: result.error });
    else {
      setPending({ feedUrl: result.feedUrl, outlet: name || result.title || '', origins: result.origins });
      setMessage(null);
    }
  };
  const submit = (event: Event) => {
    event.preventDefault();
    // Called in the submit event itself: the browser grants host permissions only from it.
    void actions.subscribe(url, outlet).then((r) => show(r, outlet));
  };
  const pick = (entry: { outlet: string; url: string }) => void actions.subscribe(entry.url, entry.outlet).then((r) => show(r, entry.outlet));
  const subscribed = new Set((feeds ?? []).map((f) => f.url));
  return (
    <section aria-labelledby="feeds-heading" class="feeds-panel">
      <h2 id="feeds-heading">News feeds</h2>
      <p class="muted">Echoes reads the feeds you subscribe to (RSS, Atom, JSON Feed) and adds their articles to your corpus. It asks only those addresses, without cookies, and sends nothing of what you read.</p>
      <form class="feed-subscribe" onSubmit={submit} noValidate>
        <label for="feed-url">Feed or site address</label>
        <input id="feed-url" type="url" placeholder="https://example.com/rss.xml" value={url} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
        <label for="feed-outlet">Outlet name (optional)</label>
        <input id="feed-outlet" type="text" placeholder="the feed's title" value={outlet} onInput={(e) => setOutlet((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit">Subscribe</button>
      </form>
      {pending && (
        <p class="feed-hosts" role="status">
          This feed's articles are on {pending.origins.join(', ')}. Echoes needs permission to read them there.{' '}
          <button type="button" onClick={() => void actions.allowAndSubscribe(pending.feedUrl, pending.outlet, pending.origins).then((r) => show(r, pending.outlet))}>Allow and subscribe</button>
        </p>
      )}
      {message && <p class={message.error ? 'field-error' : 'muted'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <details class="known-feeds"><summary>Well-known outlets' feeds</summary>
        <ul>{known.map((entry) => (
          <li key={entry.url}>
            {entry.outlet} <span class="muted">{entry.url}</span>{' '}
            <button type="button" disabled={subscribed.has(entry.url)} onClick={() => pick(entry)}>
              {subscribed.has(entry.url) ? 'Subscribed' : 'Subscribe'}<span class="sr-only"> to {entry.outlet}</span>
            </button>
          </li>
        ))}</ul>
      </details>
      <FeedList feeds={feeds} now={now} refresh={actions.refresh} unsubscribe={actions.unsubscribe} />
      {reading && <ReadingMemoryForm {...reading} />}
      {retention && <RetentionForm {...retention} />}
    </section>
  );
}
