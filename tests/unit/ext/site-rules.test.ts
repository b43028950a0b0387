import { describe, expect, it } from 'vitest';
import { isReadRemembered, isSiteEnabled, isSiteListed, isSupportedUrl, parseSiteInput, siteOf } from '../../../lib/ext/settings/site-rules';

describe('siteOf', () => {
  it.each([
    ['https://www.themoscowtimes.com/2024/01/02/a', 'themoscowtimes.com'],
    ['http://News.Example.COM:8080/x?y#z', 'news.example.com'],
    ['http://127.0.0.1:4173/article.html', '127.0.0.1'],
    ['https://www2.example.org/', 'www2.example.org'],
    ['about:blank', null],
    ['not a url', null],
    ['file:///home/me/a.html', null],
  ])('%s -> %s', (url, site) => expect(siteOf(url)).toBe(site));
});

describe('isSupportedUrl', () => {
  it.each([
    ['https://www.bbc.co.uk/news/1', true],
    ['http://127.0.0.1:4173/a.html', true],
    ['chrome://extensions', false],
    ['chrome-extension://abc/popup.html', false],
    ['moz-extension://abc/popup.html', false],
    ['about:addons', false],
    ['file:///home/reader/a.html', false],
    ['https://chromewebstore.google.com/detail/x', false],
    ['https://chrome.google.com/webstore/detail/x', false],
    ['https://chrome.google.com/search', true],
    ['https://addons.mozilla.org/en-US/firefox/', false],
    ['https://microsoftedge.microsoft.com/addons/x', false],
    ['', false],
  ])('%s -> %s', (url, supported) => expect(isSupportedUrl(url)).toBe(supported));
});

describe('isSiteEnabled', () => {
  const on = { enabled: true, disabledSites: ['example.com', 'tass.ru'] };
  it.each([
    ['https://www.bbc.co.uk/news', on, true],
    ['https://example.com/a', on, false],
    ['https://www.example.com/a', on, false],
    ['https://news.example.com/a', on, false],
    ['https://notexample.com/a', on, true],
    ['https://tass.ru/x', on, false],
    ['https://www.bbc.co.uk/news', { enabled: false, disabledSites: [] }, false],
    ['chrome://newtab', { enabled: true, disabledSites: [] }, false],
    ['https://addons.mozilla.org/', { enabled: true, disabledSites: [] }, false],
  ])('%s with %j -> %s', (url, settings, expected) => expect(isSiteEnabled(url, settings)).toBe(expected));
});

describe('isReadRemembered', () => {
  const on = { enabled: true, disabledSites: ['off.example'] };
  const memory = { enabled: true, sites: ['news.example', 'off.example', '127.0.0.1'] };
  it.each([
    ['https://news.example/story', on, memory, true],
    ['https://www.news.example/story', on, memory, true],
    ['https://world.news.example/story', on, memory, true],
    ['http://127.0.0.1:8080/a.html', on, memory, true],
    ['http://localhost:8080/a.html', on, memory, false],
    ['https://othernews.example/story', on, memory, false],
    ['https://news.example.evil.org/story', on, memory, false],
    // Echoes switched off for the site, or everywhere: nothing is remembered there.
    ['https://off.example/story', on, memory, false],
    ['https://news.example/story', { enabled: false, disabledSites: [] }, memory, false],
    // The memory off (its default): nothing, whatever the list.
    ['https://news.example/story', on, { ...memory, enabled: false }, false],
    ['file:///home/a.html', on, memory, false],
  ])('%s with %j and %j -> %s', (url, settings, mem, expected) => expect(isReadRemembered(url, settings, mem)).toBe(expected));
});

describe('isSiteListed', () => {
  it('matches the site and its subdomains only', () => {
    expect(isSiteListed('a.example.com', ['example.com'])).toBe(true);
    expect(isSiteListed('example.com.evil.org', ['example.com'])).toBe(false);
    expect(isSiteListed('bexample.com', ['example.com'])).toBe(false);
  });
});

describe('parseSiteInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  WWW.Example.com ', 'example.com'],
    ['https://www.aljazeera.com/news/2024/1/1/x', 'aljazeera.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
  ])('accepts %j as %s', (input, site) => expect(parseSiteInput(input)).toEqual({ ok: true, site }));

  it.each(['', '   ', 'example', 'exa mple.com', 'user@example.com', '-bad-.com', 'http://', 'example..com'])('refuses %j with a message', (input) => {
    const result = parseSiteInput(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/site/);
  });
});
