import type { MarkjsText, MarkRange } from './mark-ranges';

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
export function wrapRanges(view: MarkjsText, ranges: readonly MarkRange[], from: number, budgetMs: number,
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

function nodeIndexAt(view: MarkjsText, offset: number): number {
  let lo = 0;
  let hi = view.nodeStarts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((view.nodeStarts[mid] ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Removes marks, keeping their text in place, then normalizes each touched parent once (mark.js's
 *  unmark normalizes the parent after every mark, and walks the tree with a NodeIterator:
 *  60-140 ms for 3,000 marks in Chromium, against a few ms here). */
export function unwrapMarks(marks: Iterable<Element>): void {
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
