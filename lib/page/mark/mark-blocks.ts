import { isBlockElement } from '../model/dom-rules';
import type { MarkjsText, MarkRange } from './mark-ranges';

/** One range for a mark.js call scoped to a block: `start` and `length` in mark.js's text of that
 *  block, and `text`, what the range held when it was computed (to spot a page that changed since). */
export interface BlockRange { start: number; length: number; sentence: number; kind: string; text: string }

/** The ranges of one block, and the size of its mark.js text (characters, text nodes). */
export interface BlockRanges { context: Element; ranges: BlockRange[]; textLength: number; nodeCount: number }

/** Blocks marked by one `new Mark(contexts).markRanges(ranges)` call, in document order; none
 *  inside another. */
export type MarkGroup = BlockRanges[];

/** The element a mark.js call around `node` is scoped to: its nearest block ancestor (paragraph,
 *  list item, heading...), so the call walks only that block's few text nodes; `root` when no
 *  block lies between, and the topmost ancestor when `node` is not under `root` at all. */
export function blockOf(node: Node, root: Element): Element {
  let el = node.parentElement;
  let top = el;
  while (el) {
    if (el === root || isBlockElement(el)) return el;
    top = el;
    el = el.parentElement;
  }
  return top ?? root;
}

/** Index of the text node of `view` that holds offset `offset` (the last one starting at or before it). */
export function nodeIndexAt(view: MarkjsText, offset: number): number {
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

/** Groups `pieces` (sorted, in mark.js's offsets of `view`, the text of `root`) by the block each
 *  lies in, with offsets rebased onto that block's own mark.js text: a block's counted text nodes
 *  are a contiguous run of the root's, so its text starts where its first counted node does.
 *  Blocks come in document order of their first piece. */
export function groupByBlock(view: MarkjsText, pieces: readonly MarkRange[], root: Element): BlockRanges[] {
  const byContext = new Map<Element, BlockRanges & { base: number }>();
  for (const piece of pieces) {
    const n = nodeIndexAt(view, piece.start);
    const node = view.nodes[n];
    if (!node) continue;
    const context = blockOf(node, root);
    let block = byContext.get(context);
    if (!block) {
      block = { context, ranges: [], ...extentOf(view, n, context) };
      byContext.set(context, block);
    }
    const text = view.text.slice(piece.start, piece.start + piece.length);
    block.ranges.push({ start: piece.start - block.base, length: piece.length, sentence: piece.sentence, kind: piece.kind, text });
  }
  return [...byContext.values()].map(({ context, ranges, textLength, nodeCount }) => ({ context, ranges, textLength, nodeCount }));
}

/** Where the counted text nodes of `context`, which holds node `n` of `view`, start and end. */
function extentOf(view: MarkjsText, n: number, context: Element): { base: number; textLength: number; nodeCount: number } {
  let first = n;
  while (first > 0 && context.contains(view.nodes[first - 1]!)) first--;
  let last = n;
  while (last + 1 < view.nodes.length && context.contains(view.nodes[last + 1]!)) last++;
  const base = view.nodeStarts[first] ?? 0;
  const end = (view.nodeStarts[last] ?? 0) + (view.nodes[last]?.data.length ?? 0);
  return { base, textLength: end - base, nodeCount: last - first + 1 };
}

/** Packs consecutive blocks into groups of at most `maxNodes` text nodes (a block larger than
 *  that is a group of its own), so one mark.js call marks several small blocks: its cost per
 *  range grows with the nodes it sees, its fixed cost per call does not. A group never holds a
 *  block inside another (mark.js would drop the inner one and count its text once). */
export function packGroups(blocks: readonly BlockRanges[], maxNodes: number): MarkGroup[] {
  const groups: MarkGroup[] = [];
  let current: MarkGroup | null = null;
  let nodes = 0;
  for (const block of blocks) {
    const nested = current?.some((b) => b.context.contains(block.context) || block.context.contains(b.context)) ?? false;
    if (!current || nested || nodes + block.nodeCount > maxNodes) {
      current = [];
      groups.push(current);
      nodes = 0;
    }
    current.push(block);
    nodes += block.nodeCount;
  }
  return groups;
}
