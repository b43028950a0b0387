/** The e2e harness itself, without a browser: the demo site serves what the browser tests rely
 *  on (one loopback host per outlet, nothing fetched from elsewhere) and Chromium is found. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/chromium';
import { startDemoSite, type DemoSite } from '../../scripts/demo-site/server';

let site: DemoSite;

beforeAll(async () => {
  site = await startDemoSite();
});

afterAll(async () => {
  await site?.close();
});

async function get(url: string): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** Every URL a page would make the browser fetch (src, href of link, url() in CSS). */
function fetchedUrls(html: string): string[] {
  const urls = [...html.matchAll(/\s(?:src|srcset)\s*=\s*["']?([^"'\s>]+)/gi), ...html.matchAll(/<link\b[^>]*href\s*=\s*["']?([^"'\s>]+)/gi), ...html.matchAll(/url\(\s*["']?([^"')]+)/gi)];
  return urls.map((m) => m[1] ?? '');
}

describe('demo site', () => {
  it('serves each seed outlet from its own loopback host, with its name in the masthead', async () => {
    expect(site.outlets.length).toBe(5);
    expect(new Set(site.outlets.map((o) => o.host)).size).toBe(site.outlets.length);
    expect(site.outlets.map((o) => o.host)).not.toContain(new URL(site.indexUrl).hostname);
    for (const outlet of site.outlets) {
      const page = await get(outlet.url);
      expect(page.status).toBe(200);
      expect(page.body).toContain(`class="brand" href="${site.indexUrl}">${outlet.outlet.replace(/&/g, '&#38;')}</a>`);
      expect(page.body).toMatch(/<article class="story">[\s\S]*<aside class="related"[\s\S]*<section class="comments"[\s\S]*<footer>/);
      expect(fetchedUrls(page.body)).toEqual([]);
    }
    expect(site.outlets.filter((o) => o.theme === 'night')).toHaveLength(1);
  });

  it('redirects an outlet page asked for on another host to its own host', async () => {
    const outlet = site.outlets[0]!;
    const wrong = outlet.url.replace(outlet.host, '127.0.0.1');
    const page = await get(wrong);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(outlet.url);
  });

  it('serves the live, form and long pages', async () => {
    const live = await get(site.live.url);
    expect(live.body).toContain('/live/content.json');
    const content = JSON.parse((await get(new URL('/live/content.json', site.live.url).href)).body) as { paragraphs: string[]; late: string };
    expect(content.paragraphs.length).toBeGreaterThan(0);
    expect(content.late.length).toBeGreaterThan(0);
    const form = await get(site.form.url);
    expect(site.form.fieldSentences).toHaveLength(3);
    expect(form.body).toMatch(/<input id="summary-input"[\s\S]*<textarea[\s\S]*contenteditable="true"/);
    expect(site.long.words).toBeGreaterThanOrEqual(9_500);
    expect(site.long.words).toBeLessThan(12_000);
  });

  it('serves the saved real pages under a policy that blocks every outside fetch', async () => {
    if (site.realPages.length === 0) {
      console.warn('real pages absent (../shared missing): only the empty list is checked');
      return;
    }
    expect(site.realPages).toHaveLength(24);
    const first = site.realPages[0]!;
    const page = await get(first.echoUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'none'/);
    for (const sentence of first.inserted) expect(page.body).toContain(sentence.slice(0, 40).replace(/'/g, '&#39;'));
    expect(site.realPages.every((p) => p.inserted.length === 3)).toBe(true);
  });
});

describe('findChromium', () => {
  it('uses CHROME_PATH when it exists, and says so when it does not', () => {
    expect(findChromium({ CHROME_PATH: '/opt/x/chrome' }, (p) => p === '/opt/x/chrome')).toEqual({ ok: true, path: '/opt/x/chrome' });
    const missing = findChromium({ CHROME_PATH: '/nope' }, () => false);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error).toContain('CHROME_PATH');
  });

  it('falls back to the usual locations, and explains how to install when none exists', () => {
    expect(findChromium({}, (p) => p === '/usr/bin/google-chrome')).toEqual({ ok: true, path: '/usr/bin/google-chrome' });
    const none = findChromium({}, () => false);
    expect(!none.ok && none.error).toMatch(/apt-get install chromium/);
  });
});
