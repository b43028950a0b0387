// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createHighlighter, MARK_SELECTOR } from '../../../lib/page/mark/highlighter';
import { buildTextModel } from '../../../lib/page/model/text-model';
import { immediate, sentenceAt, simpleSentences } from '../helpers';

function page(html: string): HTMLElement {
  document.body.innerHTML = `<article id="a">${html}</article>`;
  return document.getElementById('a') as HTMLElement;
}

afterEach(() => { document.body.innerHTML = ''; });

describe('highlighter', () => {
  it('marks a sentence spanning nested inline elements and clears back to the same HTML', async () => {
    const root = page('<p>The <b>quick <i>brown</i> fox</b> jumped. Then it <a href="#">slept</a> well.</p><p>Second block here.</p>');
    const before = document.documentElement.innerHTML;
    const model = buildTextModel(root);
    const hl = createHighlighter(root, { model, schedule: immediate });
    const sentences = simpleSentences(model);
    expect(await hl.apply(sentences)).toBe(3);
    const first = hl.marksOf(0).map((m) => m.textContent).join('');
    expect(first).toBe('The quick brown fox jumped.');
    expect(root.querySelectorAll(MARK_SELECTOR).length).toBeGreaterThan(3);
    expect(document.getElementById('echoes-style')).not.toBeNull();
    await hl.clear();
    expect(document.documentElement.innerHTML).toBe(before);
  });

  it('apply twice equals apply once; clear twice is harmless', async () => {
    const root = page('<p>One sentence here. Another one <em>there</em>.</p>');
    const before = root.innerHTML;
    const model = buildTextModel(root);
    const hl = createHighlighter(root, { model, schedule: immediate });
    await hl.apply(simpleSentences(model));
    const once = root.innerHTML;
    await hl.apply(simpleSentences(model));
    expect(root.innerHTML).toBe(once);
    await hl.clear();
    await hl.clear();
    expect(root.innerHTML).toBe(before);
    expect(document.getElementById('echoes-style')).toBeNull();
  });

  it('tags marks with sentence, kind and class; only the first mark of a sentence is focusable', async () => {
    const root = page('<p>Alpha <b>beta</b> gamma. Delta epsilon.</p>');
    const model = buildTextModel(root);
    const hl = createHighlighter(root, { model, schedule: immediate });
    const s0 = sentenceAt(model, 0, 0, 17, 'reworded');
    const s1 = sentenceAt(model, 1, 18, 32, 'paraphrase');
    await hl.apply([s0, s1]);
    const marks = hl.marksOf(0);
    expect(marks.length).toBe(3);
    expect(marks.every((m) => m.dataset.echoesKind === 'reworded' && m.classList.contains('echoes-reworded'))).toBe(true);
    expect(marks.map((m) => m.tabIndex)).toEqual([0, -1, -1]);
    expect(hl.marksOf(1)[0]?.textContent).toBe('Delta epsilon.');
  });

  it('marks a sentence that only shares a quotation lighter than copied prose (its own class and data)', async () => {
    const root = page('<p>Alpha beta gamma. Delta epsilon.</p>');
    const model = buildTextModel(root);
    const hl = createHighlighter(root, { model, schedule: immediate });
    const copied = sentenceAt(model, 0, 0, 17, 'reworded');
    const quoted = sentenceAt(model, 1, 18, 32, 'reworded');
    quoted.matches[0]!.reuse = 'quote';
    await hl.apply([copied, quoted]);
    expect(hl.marksOf(0).some((m) => m.classList.contains('echoes-quote'))).toBe(false);
    expect(hl.marksOf(1).every((m) => m.classList.contains('echoes-quote') && m.dataset.echoesReuse === 'quote')).toBe(true);
    expect(document.getElementById('echoes-style')?.textContent).toMatch(/mark\.echoes-mark\.echoes-quote \{[^}]*background: rgba\(127, 127, 127, 0\.1\)/);
  });

  it('never marks inside inputs, textareas, contenteditable or hidden parts', async () => {
    const root = page('<p>Visible start. <span hidden>Hidden words. </span><textarea>typed text.</textarea>'
      + '<span contenteditable="true">edit me.</span> Visible end.</p>');
    const before = root.innerHTML;
    const model = buildTextModel(root);
    expect(model.text).toBe('Visible start.  Visible end.');
    const hl = createHighlighter(root, { model, schedule: immediate });
    await hl.apply([sentenceAt(model, 0, 0, model.text.length)]);
    const marked = [...root.querySelectorAll(MARK_SELECTOR)].map((m) => m.textContent).join('|');
    expect(marked).toBe('Visible start. | Visible end.');
    await hl.clear();
    expect(root.innerHTML).toBe(before);
  });

  it('skips sentences without matches and sentences whose text changed since the model', async () => {
    const root = page('<p>Keep this one. Change this one.</p>');
    const model = buildTextModel(root);
    const [a, b] = simpleSentences(model);
    const hl = createHighlighter(root, { model, schedule: immediate });
    expect(await hl.apply([{ ...a!, matches: [] }, b!])).toBe(1);
    await hl.clear();
    (root.firstChild!.firstChild as Text).data = 'Something else entirely now.';
    expect(await hl.apply([a!, b!])).toBe(0);
    expect(root.querySelector(MARK_SELECTOR)).toBeNull();
  });

  it('clear() cancels chunks still queued', async () => {
    const words = Array.from({ length: 300 }, (_, i) => `<p>Sentence number ${i} is here.</p>`).join('');
    const root = page(words);
    const before = root.innerHTML;
    const model = buildTextModel(root);
    const queued: (() => void)[] = [];
    const hl = createHighlighter(root, { model, schedule: (run) => queued.push(run), budgetMs: 0 });
    const done = hl.apply(simpleSentences(model));
    await hl.clear();
    while (queued.length) queued.shift()!();
    expect(await done).toBe(0);
    expect(root.innerHTML).toBe(before);
  });

  it('leaves the page\'s own mark.js marks alone', async () => {
    const root = page('<p>Site <mark data-markjs="true" class="search-hit">search</mark> hit here. Second one.</p>');
    const before = root.innerHTML;
    const model = buildTextModel(root);
    const hl = createHighlighter(root, { model, schedule: immediate });
    expect(await hl.apply(simpleSentences(model))).toBe(2);
    expect(root.querySelector('mark.search-hit')?.textContent).toBe('search');
    await hl.clear();
    expect(root.innerHTML).toBe(before);
  });

  it('marks each block on its own: a sentence across two blocks, text beside nested blocks', async () => {
    const root = page('<div>Lead text <b>before</b> the list. <ul><li>First item runs</li><li>on here.</li></ul> Tail words.</div>');
    const before = root.innerHTML;
    const model = buildTextModel(root);
    const hl = createHighlighter(root, { model, schedule: immediate });
    const across = model.text.indexOf('First');
    await hl.apply([sentenceAt(model, 0, 0, across - 1), sentenceAt(model, 1, across, model.text.indexOf('here.') + 5),
      sentenceAt(model, 2, model.text.indexOf('Tail'), model.text.length)]);
    expect(hl.marksOf(0).map((m) => m.textContent).join('')).toBe('Lead text before the list.');
    expect(hl.marksOf(1).map((m) => m.parentElement?.tagName)).toEqual(['LI', 'LI']);
    expect(hl.marksOf(1).map((m) => m.textContent).join('|')).toBe('First item runs|on here.');
    expect(hl.marksOf(2)[0]?.textContent).toBe('Tail words.');
    await hl.clear();
    expect(root.innerHTML).toBe(before);
  });

  it('leaves a block unmarked when the page changed its text between chunks', async () => {
    const root = page(Array.from({ length: 100 }, (_, i) => `<p>Block ${i} here.</p>`).join(''));
    const model = buildTextModel(root);
    const queued: (() => void)[] = [];
    const hl = createHighlighter(root, { model, schedule: (run) => queued.push(run), budgetMs: 0 });
    const done = hl.apply(simpleSentences(model));
    await untilQueued(queued);
    expect(root.children[0]!.querySelector(MARK_SELECTOR)).not.toBeNull(); // the first chunk ran
    expect(root.children[90]!.querySelector(MARK_SELECTOR)).toBeNull(); // a later chunk's
    (root.children[90]!.firstChild as Text).data = 'Changed 90.';
    while (queued.length) queued.shift()!();
    expect(await done).toBe(99);
    const marked = [...root.querySelectorAll(MARK_SELECTOR)].map((m) => m.textContent);
    expect(marked).toHaveLength(99);
    expect(marked).not.toContain('Changed 90.');
    await drain(queued, hl.clear());
    expect(root.children[90]!.outerHTML).toBe('<p>Changed 90.</p>');
    expect(root.querySelector(MARK_SELECTOR)).toBeNull();
  });

  it('clears in chunks between frames, keeping the style until the last mark is gone', async () => {
    const root = page(Array.from({ length: 100 }, (_, i) => `<p>Block <b>${i}</b> here.</p>`).join(''));
    const before = document.documentElement.innerHTML;
    const model = buildTextModel(root);
    const queued: (() => void)[] = [];
    const hl = createHighlighter(root, { model, schedule: (run) => queued.push(run), budgetMs: 0 });
    const applied = hl.apply(simpleSentences(model));
    await untilQueued(queued);
    while (queued.length) queued.shift()!();
    expect(await applied).toBe(100);
    let done = false;
    const cleared = hl.clear().then(() => { done = true; });
    await untilQueued(queued);
    const left = root.querySelectorAll(MARK_SELECTOR).length;
    expect(left).toBeGreaterThan(0); // the first chunk removed some, not all
    expect(left).toBeLessThan(300); // 3 marks a block
    expect(document.getElementById('echoes-style')).not.toBeNull();
    expect(done).toBe(false);
    let chunks = 0;
    while (queued.length) { queued.shift()!(); chunks++; }
    await cleared;
    expect(chunks).toBeGreaterThan(1);
    expect(document.documentElement.innerHTML).toBe(before);
    expect(hl.longestClearChunkMs()).toBeGreaterThanOrEqual(0);
  });

  it('an apply called while a clear is under way waits for it, and marks once', async () => {
    const root = page(Array.from({ length: 60 }, (_, i) => `<p>Block <i>${i}</i> here.</p>`).join(''));
    const model = buildTextModel(root);
    const queued: (() => void)[] = [];
    const hl = createHighlighter(root, { model, schedule: (run) => queued.push(run), budgetMs: 0 });
    const first = hl.apply(simpleSentences(model));
    await drain(queued, first);
    const once = root.innerHTML;
    const cleared = hl.clear();
    const again = hl.apply(simpleSentences(model));
    await drain(queued, again);
    await cleared;
    expect(await again).toBe(60);
    expect(root.innerHTML).toBe(once);
  });

  it('a clear called while an earlier apply waits for its clearing cancels that apply', async () => {
    const root = page(Array.from({ length: 40 }, (_, i) => `<p>Block ${i} here.</p>`).join(''));
    const before = root.innerHTML;
    const model = buildTextModel(root);
    const hl = createHighlighter(root, { model, schedule: immediate });
    await hl.apply(simpleSentences(model));
    const applied = hl.apply(simpleSentences(model)); // clears first, then would mark again
    const cleared = hl.clear();
    expect(await applied).toBe(0);
    await cleared;
    expect(root.innerHTML).toBe(before);
  });
});

/** Lets the microtasks before a highlighter's first scheduled chunk run (apply and clear start
 *  after the clearings queued before them). */
async function untilQueued(queued: readonly unknown[]): Promise<void> {
  for (let i = 0; i < 20 && queued.length === 0; i++) await Promise.resolve();
}

/** Runs queued chunks until `until` settles. */
async function drain(queued: (() => void)[], until: Promise<unknown>): Promise<void> {
  let settled = false;
  void until.then(() => { settled = true; });
  while (!settled) {
    while (queued.length) queued.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  }
}
