// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { renderRoot } from '../../helpers/render-root';
import type { FeedView } from '../../../lib/ext/messaging/messages';
import { feedStatus, relativeTime } from '../../../lib/ui/options/FeedList';
import { FeedsPanel, type FeedsPanelActions } from '../../../lib/ui/options/FeedsPanel';
import { ReadingMemoryForm } from '../../../lib/ui/options/ReadingMemoryForm';
import { RetentionForm } from '../../../lib/ui/options/RetentionForm';

const root = renderRoot();

const NOW = Date.UTC(2026, 11, 3, 12);
const feed = (over: Partial<FeedView> = {}): FeedView => ({
  id: 'f1', url: 'https://news.example/rss.xml', outlet: 'News <b>Example</b>', lastCheckedMs: NOW - 12 * 60_000, nextDueMs: NOW + 18 * 60_000,
  failures: 0, lastError: null, lastNew: 2, listed: 20, articles: 14, summaries: 3, problems: [], refreshing: false, ...over,
});
const actions = (): FeedsPanelActions => ({
  subscribe: vi.fn(async () => ({ state: 'needs-hosts' as const, feedUrl: 'https://feeds.example/a.xml', title: 'A', origins: ['https://www.example'] })),
  allowAndSubscribe: vi.fn(async () => ({ state: 'subscribed' as const, feed: feed({ outlet: 'A' }) })),
  unsubscribe: vi.fn(async () => null),
  refresh: vi.fn(async () => null),
});

describe('feeds panel', () => {
  it.each([
    [NOW - 30_000, 'just now'], [NOW - 12 * 60_000, '12 min ago'], [NOW - 5 * 3600_000, '5 h ago'], [NOW - 4 * 86400_000, '4 days ago'], [NOW + 20 * 60_000, 'in 20 min'],
  ])('relativeTime(%s) = %s', (ms, text) => expect(relativeTime(ms, NOW)).toBe(text));

  it('says what each feed did, in plain words, and shows outlet names as text', async () => {
    await act(() => render(<FeedsPanel feeds={[feed(), feed({ id: 'f2', failures: 2, lastError: 'the site answered 500 (a server error): it will be tried again later', lastNew: 0 })]} known={[]} now={NOW} actions={actions()} />, root()));
    const rows = [...root().querySelectorAll('li.feed')];
    expect(rows[0]!.querySelector('.feed-outlet')!.textContent).toBe('News <b>Example</b>');
    expect(rows[0]!.querySelector('b')).toBeNull();
    expect(rows[0]!.querySelector('.feed-status')!.textContent).toBe('Last read 12 min ago: 2 new articles; next in 18 min.');
    expect(rows[0]!.querySelector('.feed-count')!.textContent).toContain('14 articles in your corpus (3 only the feed\'s summary');
    expect(rows[1]!.querySelector('.feed-error')!.textContent).toBe('Problem: the site answered 500 (a server error): it will be tried again later');
    expect(feedStatus(feed({ refreshing: true }), NOW)).toBe('Reading now…');
  });

  it('asks for the articles\' hosts in a second click, then subscribes', async () => {
    const a = actions();
    await act(() => render(<FeedsPanel feeds={[]} known={[{ outlet: 'Wire', url: 'https://feeds.example/a.xml' }]} now={NOW} actions={a} />, root()));
    const pick = root().querySelector<HTMLButtonElement>('.known-feeds button')!;
    await act(async () => pick.click());
    expect(a.subscribe).toHaveBeenCalledWith('https://feeds.example/a.xml', 'Wire');
    expect(root().querySelector('.feed-hosts')!.textContent).toContain('on https://www.example');
    await act(async () => root().querySelector<HTMLButtonElement>('.feed-hosts button')!.click());
    expect(a.allowAndSubscribe).toHaveBeenCalledWith('https://feeds.example/a.xml', 'Wire', ['https://www.example']);
    expect(root().textContent).toContain('Subscribed to A');
  });

  it('refresh now and remove with its articles', async () => {
    const a = actions();
    await act(() => render(<FeedsPanel feeds={[feed()]} known={[]} now={NOW} actions={a} />, root()));
    await act(async () => root().querySelector<HTMLButtonElement>('li.feed button')!.click());
    expect(a.refresh).toHaveBeenCalledWith('f1');
    await act(async () => root().querySelector<HTMLInputElement>('li.feed input[type=checkbox]')!.click());
    await act(async () => root().querySelector<HTMLButtonElement>('.feed-remove')!.click());
    expect(a.unsubscribe).toHaveBeenCalledWith('f1', true);
  });

  it('retention: shows the bounds and the storage used, refuses too small a bound, saves and says what left', async () => {
    const save = vi.fn(async () => ({ removed: 4 }));
    await act(() => render(<RetentionForm retention={{ maxAgeDays: 30, maxArticles: 50_000 }} storageBytes={12.5 * 1024 * 1024} save={save} />, root()));
    expect(root().querySelector<HTMLInputElement>('#retention-days')!.value).toBe('30');
    expect(root().querySelector('.storage-used')!.textContent).toBe('Storage used by Echoes: 12.5 MB');
    const days = root().querySelector<HTMLInputElement>('#retention-days')!;
    await act(async () => { days.value = '0'; days.dispatchEvent(new Event('input', { bubbles: true })); });
    await act(async () => root().querySelector<HTMLButtonElement>('form.retention button')!.click());
    expect(save).not.toHaveBeenCalled();
    expect(root().textContent).toContain('Give at least 1 day and at least 100 articles.');
    await act(async () => { days.value = '7'; days.dispatchEvent(new Event('input', { bubbles: true })); });
    await act(async () => root().querySelector<HTMLButtonElement>('form.retention button')!.click());
    expect(save).toHaveBeenCalledWith({ maxAgeDays: 7, maxArticles: 50_000 });
    expect(root().textContent).toContain('Saved. 4 older feed articles removed.');
  });

  it('remember what I read: off with no site at first; adding a site, switching it on and removing a site each save', async () => {
    const save = vi.fn(async () => null);
    const show = (memory: { enabled: boolean; sites: string[] }) => act(() => render(<ReadingMemoryForm memory={memory} save={save} />, root()));
    await show({ enabled: false, sites: [] });
    const toggle = root().querySelector<HTMLInputElement>('.reading-memory input[role=switch]')!;
    expect(toggle.checked).toBe(false);
    expect(root().textContent).toContain('No site yet.');
    const input = root().querySelector<HTMLInputElement>('#reading-site-input')!;
    const type = (value: string) => act(async () => { input.value = value; input.dispatchEvent(new Event('input', { bubbles: true })); });
    await type('not a site');
    await act(async () => root().querySelector<HTMLButtonElement>('form.add-reading-site button')!.click());
    expect(save).not.toHaveBeenCalled();
    expect(root().querySelector('.reading-memory [role=alert]')!.textContent).toMatch(/is not a site name/);
    await type('https://WWW.News.example/today');
    await act(async () => root().querySelector<HTMLButtonElement>('form.add-reading-site button')!.click());
    expect(save).toHaveBeenLastCalledWith({ enabled: false, sites: ['news.example'] });
    await show({ enabled: false, sites: ['<b>x</b>.example', 'news.example'] });
    expect(root().querySelector('.reading-sites b')).toBeNull(); // a stored site is shown as text
    await act(async () => root().querySelector<HTMLInputElement>('.reading-memory input[role=switch]')!.click());
    expect(save).toHaveBeenLastCalledWith({ enabled: true, sites: ['<b>x</b>.example', 'news.example'] });
    // The next change starts from the last one, before the stored value comes back as props.
    await act(async () => root().querySelectorAll<HTMLButtonElement>('.reading-sites button')[1]!.click());
    expect(save).toHaveBeenLastCalledWith({ enabled: true, sites: ['<b>x</b>.example'] });
  });
});
