import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isProbablyReaderable } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../lib/page/find/article-extract';

const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
const kinds = resolve(__dirname, '../../fixtures/page-kinds');
const page = (name: string): string => readFileSync(join(kinds, name), 'utf8');
const realDir = resolve(__dirname, '../../../../shared/fixtures/real-pages');
const present = existsSync(realDir);
if (!present) console.warn(`[article gate] ${realDir} is absent: the real-page side is skipped`);
const realSites = present ? readdirSync(realDir).filter((d) => existsSync(join(realDir, d, 'source.html'))).sort() : [];

describe('article gate', () => {
  it.each([
    ['home.html', /list of links/],
    ['search.html', /list of links/],
    ['form.html', /a form/],
  ])('refuses %s and says why', (name, reason) => {
    const outcome = extractFromHtml(page(name), parse);
    expect(outcome.found).toBe(false);
    if (!outcome.found) expect(outcome.reason).toMatch(reason);
  });

  it('checks a plain article written in short paragraphs (isProbablyReaderable refused it)', () => {
    const html = page('short-paragraphs.html');
    expect(isProbablyReaderable(parse(html))).toBe(false);
    const outcome = extractFromHtml(html, parse);
    expect(outcome.found).toBe(true);
    if (!outcome.found) return;
    expect(outcome.extract.article.text).toContain('Investigators believe an electrical fault');
    expect(outcome.extract.article.text).not.toContain('Most read');
    expect(outcome.extract.texts[0]).toBe('Fire crews were called to the harbour shortly after 2am on Tuesday.');
  });

  it.skipIf(!present)('takes every saved real news page as an article', () => {
    const refused = realSites.flatMap((site) => {
      const outcome = extractFromHtml(readFileSync(join(realDir, site, 'source.html'), 'utf8'), parse);
      return outcome.found ? [] : [`${site}: ${outcome.reason}`];
    });
    console.log(`[article gate] real pages taken as articles: ${realSites.length - refused.length}/${realSites.length}`);
    expect(refused).toEqual([]);
  }, 120_000);
});
