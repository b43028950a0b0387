// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../lib/page/find/article';
import { extractFromHtml } from '../../../lib/page/find/article-extract';
import { findArticleElsewhere, type ExtractElsewhere } from '../../../lib/page/find/article-finder';
import { mapTextsBack } from '../../../lib/page/find/map-back';
import { elementCountUpTo } from '../../../lib/page/find/page-limits';
import { MAX_PAGE_ELEMENTS } from '../../../lib/report/limits';
import { buildTextModel } from '../../../lib/page/model/text-model';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const elsewhere: ExtractElsewhere = async (html) => ({ ok: true, value: extractFromHtml(html, parse) });
const realDir = resolve(__dirname, '../../../../shared/fixtures/real-pages');
const present = existsSync(realDir);
if (!present) console.warn(`[article finder] ${realDir} is absent: the real-page comparison is skipped`);

describe('finding the article off the page\'s thread', () => {
  it.skipIf(!present).each(['cnn', 'lemonde-1', 'nytimes-3', 'medium-1'])('%s: the article text Readability finds on the live page', async (site) => {
    const html = readFileSync(join(realDir, site, 'source.html'), 'utf8');
    const doc = parse(html);
    const before = doc.body.innerHTML;
    const live = findArticle(parse(html))!;
    const liveText = buildTextModel(live.root, { accept: (n) => live.nodes.has(n) }).text.replace(/\s+/g, ' ').trim();
    const outcome = await findArticleElsewhere(doc, elsewhere);
    expect(outcome.found).toBe(true);
    if (!outcome.found) return;
    const { root, nodes } = outcome.article;
    const text = buildTextModel(root, { accept: (n) => nodes.has(n) }).text.replace(/\s+/g, ' ').trim();
    // the same characters; a blank text node between two kept ones can be missed where the
    // live page has an unkept node between them (two words then touch): at most 1 in 200
    expect(text.replace(/\s+/g, '')).toBe(liveText.replace(/\s+/g, ''));
    expect(text.split(' ').length).toBeGreaterThanOrEqual(liveText.split(' ').length * 0.995);
    expect(doc.body.innerHTML).toBe(before);
  }, 60_000);

  it('maps back in slices: yielding between them gives the same nodes', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph number ${i} says something. <b>bold ${i}</b> tail</p>`).join('');
    const wanted = Array.from({ length: 3000 }, (_, i) => [`Paragraph number ${i} says something. `, `bold ${i}`, ' tail']).flat();
    let yields = 0;
    const sliced = await mapTextsBack(document.body, wanted, { sliceMs: 0, yieldTask: async () => void yields++ });
    const whole = await mapTextsBack(document.body, wanted, { sliceMs: 1e9 });
    expect(yields).toBeGreaterThan(10);
    expect([...sliced]).toEqual([...whole]);
    expect(sliced.size).toBe(9000);
  });

  it('skips a kept text the live page lacks (parsed <noscript> content) and goes on', async () => {
    document.body.innerHTML = '<p>The first paragraph of the story is here.</p><p>The second paragraph of the story is here.</p>';
    const kept = await mapTextsBack(document.body, ['The first paragraph of the story is here.', 'Enable JavaScript to see the interactive map.', 'The second paragraph of the story is here.']);
    expect([...kept].map((t) => t.data)).toEqual(['The first paragraph of the story is here.', 'The second paragraph of the story is here.']);
  });

  it(`skips a page of more than ${MAX_PAGE_ELEMENTS.toLocaleString('en')} elements without serialising it, and says why`, async () => {
    document.body.innerHTML = '<span></span>'.repeat(MAX_PAGE_ELEMENTS + 1);
    let asked = false;
    const outcome = await findArticleElsewhere(document, async () => { asked = true; return { ok: false, error: 'not asked' }; });
    expect(asked).toBe(false);
    expect(outcome).toMatchObject({ found: false, tooLarge: true, reason: expect.stringMatching(/too large for Echoes \(more than 100,000 elements/) });
  });

  it('counts a page\'s elements exactly up to the limit and stops one past it', () => {
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.innerHTML = '<p><b></b></p>'.repeat(10);
    const all = doc.getElementsByTagName('*').length; // the 20, html, head, body (and a title)
    expect(all).toBeGreaterThanOrEqual(23);
    expect(elementCountUpTo(doc, 1_000)).toBe(all);
    expect(elementCountUpTo(doc, all)).toBe(all);
    expect(elementCountUpTo(doc, all - 1)).toBe(all);
    expect(elementCountUpTo(doc, 5)).toBe(6);
  });
});
