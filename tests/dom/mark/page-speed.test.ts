// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../lib/page/find/article';
import { createHighlighter, MARK_SELECTOR } from '../../../lib/page/mark/highlighter';
import { buildTextModel } from '../../../lib/page/model/text-model';
import { simpleSentences } from '../helpers';

/** A 10,000-word article: 500 paragraphs of two 10-word sentences with inline markup. */
export function bigArticleHtml(): string {
  const para = (i: number): string => `<p>Officials in district ${i} said <a href="#">the new plan</a> would start soon. `
    + `Critics <em>warned</em> it could cost ${i} million dollars more.</p>`;
  return `<article>${Array.from({ length: 500 }, (_, i) => para(i)).join('\n')}</article>`;
}

describe('speed on a 10,000-word page (happy-dom; figures printed, not asserted)', () => {
  it('marks every sentence in chunks and clears back', async () => {
    document.body.innerHTML = `<nav>Menu</nav>${bigArticleHtml()}<footer>Footer</footer>`;
    const before = document.body.innerHTML;
    let t = performance.now();
    const article = findArticle(document)!;
    const findMs = performance.now() - t;
    t = performance.now();
    const model = buildTextModel(article.root, { accept: (n) => article.nodes.has(n) });
    const modelMs = performance.now() - t;
    const sentences = simpleSentences(model);
    const chunks: number[] = [];
    let chunkStart = performance.now();
    const hl = createHighlighter(article.root, {
      model, budgetMs: 25,
      schedule: (run) => setTimeout(() => { chunkStart = performance.now(); run(); }, 0),
      onWrite: () => chunks.push(performance.now() - chunkStart),
    });
    t = performance.now();
    chunkStart = t;
    const marked = await hl.apply(sentences);
    const applyMs = performance.now() - t;
    t = performance.now();
    await hl.clear();
    const clearMs = performance.now() - t;
    console.log(`[speed] ${model.text.split(/\s+/).length} words, ${sentences.length} sentences: find ${findMs.toFixed(0)} ms, `
      + `model ${modelMs.toFixed(0)} ms, apply ${applyMs.toFixed(0)} ms in ${chunks.length - 1} chunks `
      + `(longest ${Math.max(...chunks).toFixed(0)} ms), clear ${clearMs.toFixed(0)} ms`);
    expect(marked).toBe(sentences.length);
    expect(sentences.length).toBeGreaterThanOrEqual(1000);
    expect(document.querySelector(MARK_SELECTOR)).toBeNull();
    expect(document.body.innerHTML).toBe(before);
  }, 120_000);
});
