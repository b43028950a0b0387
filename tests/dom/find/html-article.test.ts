// @vitest-environment happy-dom
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlToArticle } from '../../../lib/page/find/article';

const para = (n: number): string => `<p>Paragraph ${n} tells the reader what happened in the city council meeting on Monday, `
  + `where members argued for hours about the budget, the roads and the new library before the final vote.</p>`;
const HTML = `<!DOCTYPE html><html><head><title>Council votes | Local News</title>
  <meta property="og:site_name" content="Local News"><meta property="og:url" content="https://local.example/council">
  <meta property="article:published_time" content="2024-03-05T18:20:00-05:00"><meta property="og:title" content="Council votes">
  </head><body><nav><a href="/">Home</a> <a href="/sports">Sports</a></nav>
  <article><h1>Council votes</h1>${[1, 2, 3, 4, 5].map(para).join('\n')}<p>Second   line\n with   spaces.</p></article>
  <aside class="related"><a href="/x">Related: other story</a></aside><footer>Copyright Local News</footer></body></html>`;

const parsers: [string, (html: string) => Document][] = [
  ['linkedom', (html) => parseHTML(html).document as unknown as Document],
  ['happy-dom', (html) => new DOMParser().parseFromString(html, 'text/html')],
];

describe.each(parsers)('htmlToArticle with %s', (_name, parse) => {
  it('finds the body text and the meta tags', () => {
    const article = htmlToArticle(HTML, parse)!;
    expect(article).not.toBeNull();
    expect(article.title).toBe('Council votes');
    expect(article.outlet).toBe('Local News');
    expect(article.url).toBe('https://local.example/council');
    expect(article.published).toBe('2024-03-05');
    expect(article.text).toContain('Paragraph 1 tells the reader');
    expect(article.text).toContain('Second line with spaces.');
    expect(article.text).not.toMatch(/Home|Sports|Related|Copyright/);
    const blocks = article.text.split('\n\n');
    expect(article.blockStarts).toEqual(blocks.map((_, i) => blocks.slice(0, i).join('\n\n').length + (i ? 2 : 0)));
  });

  it('answers null for a page without an article or unparsable input', () => {
    expect(htmlToArticle('<html><body></body></html>', parse)).toBeNull();
    expect(htmlToArticle('x', () => { throw new Error('bad'); })).toBeNull();
  });
});
