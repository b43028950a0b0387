/** THE OLD WAY, kept only as the bench's baseline (never shipped): the highlighter as it was
 *  before mark.js did the marking, writing mark.js-compatible marks by hand (split the known text
 *  node, wrap the piece) and unwrapping them by hand. `npm run bench` prints its figures beside
 *  the shipped highlighter's (lib/page/mark/highlighter.ts), from the same run on the same pages. */
import type { ReportSentence } from '../../../lib/report/types';
import { injectHighlightStyle, removeHighlightStyle } from '../../../lib/page/mark/highlight-style';
import type { Highlighter, HighlighterOptions } from '../../../lib/page/mark/highlighter';
import { locateModel, markjsText, toMarkRanges, type MarkjsText, type MarkRange, type ModelRange } from '../../../lib/page/mark/mark-ranges';
import { nodeIndexAt } from '../../../lib/page/mark/mark-blocks';

const MARK_SELECTOR = 'mark.echoes-mark[data-markjs]';

/** The old highlighter for the article under `root` (same contract as createHighlighter). */
export function createOldHighlighter(root: Element, opts: HighlighterOptions): Highlighter {
  const doc = root.ownerDocument;
  const located = locateModel(opts.model, root);
  const marks: HTMLElement[] = [];
  let generation = 0;
  let longestMs = 0;
  const schedule = opts.schedule ?? ((run: () => void) => setTimeout(run, 0));

  let longestClearMs = 0;
  /** Clears in one task (the old way), timing it. */
  const clearNow = (): void => {
    const started = performance.now();
    generation++;
    // ours as tracked, plus any under root we lost track of (e.g. a previous content script's)
    unwrapMarks(new Set<Element>([...marks, ...root.querySelectorAll(MARK_SELECTOR)]));
    marks.length = 0;
    removeHighlightStyle(doc);
    opts.onWrite?.();
    longestClearMs = performance.now() - started;
  };
  const clear = (): Promise<void> => {
    clearNow();
    return Promise.resolve();
  };

  const apply = (sentences: readonly ReportSentence[]): Promise<number> => {
    const started = performance.now();
    longestMs = 0;
    clearNow();
    const run = generation;
    const ranges: ModelRange[] = sentences
      .filter((s) => s.matches.length > 0)
      .map((s) => ({ start: s.start, end: s.end, sentence: s.index, kind: s.matches[0]?.kind ?? 'verbatim' }));
    const view = markjsText(root);
    const pieces = toMarkRanges(opts.model, located, ranges, view.text);
    if (pieces.length === 0) return Promise.resolve(0);
    injectHighlightStyle(doc);
    const focusable = new Set<number>();
    const each = (mark: HTMLElement, { sentence, kind }: MarkRange): void => {
      mark.dataset.echoesSentence = String(sentence);
      mark.dataset.echoesKind = kind;
      mark.classList.add(`echoes-${kind}`);
      if (!focusable.has(sentence)) {
        focusable.add(sentence);
        mark.tabIndex = 0;
      }
      marks.push(mark);
    };
    const budgetMs = opts.budgetMs ?? 16;
    const firstBudget = Math.max(2, budgetMs - (performance.now() - started)); // the reading above counts too
    return new Promise((resolve) => {
      const step = (from: number): void => {
        if (run !== generation) return resolve(0);
        const stepStart = from === 0 ? started : performance.now();
        const next = wrapRanges(view, pieces, from, from === 0 ? firstBudget : budgetMs, each);
        opts.onWrite?.();
        longestMs = Math.max(longestMs, performance.now() - stepStart);
        if (next >= pieces.length) resolve(focusable.size);
        else schedule(() => step(next));
      };
      step(0);
    });
  };

  const marksOf = (index: number): HTMLElement[] =>
    marks.filter((m) => m.isConnected && m.dataset.echoesSentence === String(index));

  return { apply, clear, marksOf, longestChunkMs: () => Math.round(longestMs), longestClearChunkMs: () => Math.round(longestClearMs) };
}

/** Writes mark.js-compatible marks (`<mark data-markjs="true" class="echoes-mark">`, what
 *  mark.js's markRanges would write, so mark.js's unmark removes them) for ranges in mark.js's
 *  offsets of `view`, taken when the pieces were computed. Each range lies in one text node.
 *
 *  Why not call markRanges itself: every call creates a NodeIterator, and Chromium updates each
 *  live iterator on every DOM removal until garbage collection. One call per block made marking
 *  and clearing a 10,000-word page take ~930 ms; one call for many ranges costs O(ranges x
 *  nodes) inside mark.js (3.6 s). Splitting the known text node directly is O(ranges).
 *
 *  Ranges of one node are wrapped last-first, so the node keeps the text before them and the
 *  earlier ranges' node and offsets stay valid. Returns the next index to do after `budgetMs`. */
function wrapRanges(view: MarkjsText, ranges: readonly MarkRange[], from: number, budgetMs: number,
  each: (mark: HTMLElement, range: MarkRange) => void): number {
  const started = performance.now();
  let i = from;
  let n = nodeIndexAt(view, ranges[i]?.start ?? 0);
  while (i < ranges.length && performance.now() - started < budgetMs) {
    while (n + 1 < view.nodes.length && (view.nodeStarts[n + 1] ?? Infinity) <= ranges[i]!.start) n++;
    const nodeEnd = (view.nodeStarts[n] ?? 0) + (view.nodes[n]?.data.length ?? 0);
    let j = i;
    while (j < ranges.length && ranges[j]!.start < nodeEnd) j++;
    const node = view.nodes[n];
    if (node?.parentNode && node.data.length === nodeEnd - view.nodeStarts[n]!) {
      for (let k = j - 1; k >= i; k--) each(wrapOne(node, ranges[k]!.start - view.nodeStarts[n]!, ranges[k]!.length), ranges[k]!);
    } // else the page changed this node since: leave it unmarked
    i = Math.max(j, i + 1);
  }
  return i;
}

function wrapOne(node: Text, start: number, length: number): HTMLElement {
  if (start + length < node.data.length) node.splitText(start + length);
  const middle = start > 0 ? node.splitText(start) : node;
  const mark = node.ownerDocument.createElement('mark');
  mark.setAttribute('data-markjs', 'true');
  mark.className = 'echoes-mark';
  middle.parentNode!.replaceChild(mark, middle);
  mark.appendChild(middle);
  return mark;
}

/** Removes marks, keeping their text in place, then normalizes each touched parent once (mark.js's
 *  unmark normalizes the parent after every mark, and walks the tree with a NodeIterator:
 *  60-140 ms for 3,000 marks in Chromium, against a few ms here). */
function unwrapMarks(marks: Iterable<Element>): void {
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}
