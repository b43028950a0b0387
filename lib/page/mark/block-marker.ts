import Mark from 'mark.js';
import { blockOf, type BlockRange, type MarkGroup } from './mark-blocks';
import { markjsText } from './mark-ranges';
import { withSnapshotIterators } from './snapshot-iterator';

/** What our marks are, for mark.js: `<mark data-markjs="true" class="echoes-mark">`. */
const MARK_ELEMENT = 'mark';
const MARK_CLASS = 'echoes-mark';

/** Marks the ranges of `group`'s blocks with one mark.js call over those blocks (walking with
 *  snapshot iterators: snapshot-iterator.ts says why), so its walk and its per-range bookkeeping
 *  cover only their few text nodes; no exclude list, so offsets count what markjsText counts.
 *  mark.js joins the blocks' texts in order: each block's ranges are moved by the length of the
 *  texts before it as they read now, and a range whose text is not what it was when computed
 *  (the page changed it since) is left out, without moving the others. `each` gets every mark
 *  mark.js writes, with the range it belongs to. */
export function markGroup(group: MarkGroup, each: (mark: HTMLElement, range: BlockRange) => void): void {
  const ranges: BlockRange[] = [];
  let before = 0;
  for (const { context, ranges: own } of group) {
    const now = markjsText(context).text;
    for (const r of own) {
      if (now.slice(r.start, r.start + r.length) === r.text) ranges.push({ ...r, start: r.start + before });
    }
    before += now.length;
  }
  if (ranges.length === 0) return;
  withSnapshotIterators(() => new Mark(group.map((b) => b.context as HTMLElement)).markRanges(ranges, {
    element: MARK_ELEMENT, className: MARK_CLASS,
    each: (mark: Element, range: unknown) => each(mark as HTMLElement, range as BlockRange),
  }));
}

/** Contexts of one unmark call: mark.js checks each context against the others (to drop nested
 *  ones), so a call over hundreds of blocks would spend its time on that; a few keep each call
 *  short enough to stop between calls when a clearing slice has used its time. */
const UNMARK_CONTEXTS = 8;

/** The blocks `marks` lie in (the scope markGroup marks in), each once, in the order first seen. */
export function markContexts(marks: Iterable<Element>, root: Element): HTMLElement[] {
  const contexts = new Set<Element>();
  for (const mark of marks) if (mark.parentNode) contexts.add(blockOf(mark, root));
  return [...contexts] as HTMLElement[];
}

/** Removes our marks from `contexts[from..]` with mark.js's unmark, a few blocks a call, until
 *  all are done or `more()` says the slice's time is up; mark.js puts the text back and
 *  normalizes. Returns where the next slice starts (contexts.length when done). */
export function unmarkContexts(contexts: readonly HTMLElement[], from: number, more: () => boolean): number {
  let next = from;
  withSnapshotIterators(() => {
    do {
      new Mark(contexts.slice(next, next + UNMARK_CONTEXTS) as HTMLElement[]).unmark({ element: MARK_ELEMENT, className: MARK_CLASS });
      next = Math.min(contexts.length, next + UNMARK_CONTEXTS);
    } while (next < contexts.length && more());
  });
  return next;
}
