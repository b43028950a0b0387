// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { watchUrl } from '../../../lib/page/scan/url-watch';

let abort = new AbortController();
afterEach(() => abort.abort());

describe('url watch', () => {
  it('reports a real address change once and ignores forged navigation events', async () => {
    abort = new AbortController();
    let href = 'https://news.test/a';
    const seen: [string, string][] = [];
    const navigation = new EventTarget();
    const win = { navigation } as unknown as Window;
    watchUrl({ href: () => href, win, signal: abort.signal, pollMs: 10_000, onChange: (now, before) => seen.push([now, before]) });
    for (let i = 0; i < 15; i++) navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(seen).toEqual([]);
    href = 'https://news.test/b';
    navigation.dispatchEvent(new Event('navigatesuccess'));
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(seen).toEqual([['https://news.test/b', 'https://news.test/a']]);
  });

  it('finds a change by polling where there is no Navigation API, and stops with its signal', async () => {
    abort = new AbortController();
    let href = 'https://news.test/a';
    const seen: string[] = [];
    watchUrl({ href: () => href, signal: abort.signal, pollMs: 5, onChange: (now) => seen.push(now) });
    href = 'https://news.test/b';
    await new Promise((r) => setTimeout(r, 30));
    abort.abort();
    href = 'https://news.test/c';
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual(['https://news.test/b']);
  });
});
