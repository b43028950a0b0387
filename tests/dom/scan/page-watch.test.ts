// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createHighlighter } from '../../../lib/page/mark/highlighter';
import { watchPage, type PageWatch } from '../../../lib/page/scan/page-watch';
import { buildTextModel } from '../../../lib/page/model/text-model';
import { immediate, simpleSentences } from '../helpers';

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
let watch: PageWatch | null = null;
afterEach(() => { watch?.stop(); watch = null; document.body.innerHTML = ''; });

function setup(root: () => Element | null, maxChanges?: number): { changes: () => number } {
  let count = 0;
  watch = watchPage(document, { onChange: () => count++, currentRoot: root, debounceMs: 0, maxChanges });
  return { changes: () => count };
}

describe('page watch', () => {
  it('queues one rescan for a burst of changes inside the article', async () => {
    document.body.innerHTML = '<article id="a"><p>Text.</p></article><aside id="ad">Ad</aside>';
    const root = document.getElementById('a')!;
    const { changes } = setup(() => root);
    document.getElementById('ad')!.textContent = 'Another ad';
    await flush(); await flush();
    expect(changes()).toBe(0);
    for (let i = 0; i < 5; i++) root.append(document.createElement('p'), document.createTextNode(`More ${i}.`));
    await flush(); await flush();
    expect(changes()).toBe(1);
  });

  it('without an article yet, any added text counts; removal of the article counts', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    let root: Element | null = null;
    const { changes } = setup(() => root);
    document.getElementById('app')!.innerHTML = '<article><p>Loaded late.</p></article>';
    await flush(); await flush();
    expect(changes()).toBe(1);
    root = document.querySelector('article');
    document.getElementById('app')!.innerHTML = '<p>Other page.</p>';
    await flush(); await flush();
    expect(changes()).toBe(2);
  });

  it('ignores our own highlighting when its records are discarded', async () => {
    document.body.innerHTML = '<article id="a"><p>One sentence. Two sentence.</p></article>';
    const root = document.getElementById('a')!;
    const { changes } = setup(() => root);
    const model = buildTextModel(root);
    const hl = createHighlighter(root, { model, schedule: immediate, onWrite: () => watch?.discardOwn() });
    await hl.apply(simpleSentences(model));
    await hl.clear();
    await flush(); await flush();
    expect(changes()).toBe(0);
  });

  it('stops queueing after maxChanges until reset()', async () => {
    document.body.innerHTML = '<article id="a"><p>Ticker.</p></article>';
    const root = document.getElementById('a')!;
    const { changes } = setup(() => root, 2);
    for (let i = 0; i < 4; i++) {
      root.firstElementChild!.textContent = `Ticker ${i}.`;
      await flush(); await flush();
    }
    expect(changes()).toBe(2);
    watch!.reset();
    root.firstElementChild!.textContent = 'Ticker again.';
    await flush(); await flush();
    expect(changes()).toBe(3);
  });
});
