import { EXCLUDE_SELECTOR, isBlockElement } from './dom-rules';
import type { TextModel } from './text-model';

/** A range of the text model to highlight, with what the mark should say about it. */
export interface ModelRange { start: number; end: number; sentence: number; kind: string }

/** A range in mark.js's offsets over the highlighter's root, carrying the model range's data.
 *  `ctx` is the block element holding it and `ctxStart` that block's offset, so mark.js can be
 *  run on the block alone (offset start - ctxStart) instead of walking the whole article. */
export interface MarkRange { start: number; length: number; sentence: number; kind: string; ctx: Element; ctxStart: number }

/** Where a model node sits in mark.js's text: its offset, its block and the block's offset. */
export interface Located { at: number; ctx: Element; ctxStart: number }

const TEXT_NODE = 3;

/** mark.js's view of `root`: the text its getTextNodes joins (text nodes in document order whose
 *  parent does not match the exclude selectors, no separator) and each node's offset in it. */
export function markjsText(root: Element): { text: string; starts: Map<Text, number>; elementStarts: Map<Element, number> } {
  const starts = new Map<Text, number>();
  const elementStarts = new Map<Element, number>([[root, 0]]);
  const parts: string[] = [];
  let offset = 0;
  const excluded = new Map<Element, boolean>();
  const isExcluded = (el: Element): boolean => {
    let hit = excluded.get(el);
    if (hit === undefined) {
      hit = safeMatches(el, EXCLUDE_SELECTOR);
      excluded.set(el, hit);
    }
    return hit;
  };
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        if (isExcluded(child.parentNode as Element)) continue;
        starts.set(child as Text, offset);
        parts.push((child as Text).data);
        offset += (child as Text).data.length;
      } else {
        if (child.nodeType === 1) elementStarts.set(child as Element, offset);
        visit(child);
      }
    }
  };
  visit(root);
  return { text: parts.join(''), starts, elementStarts };
}

/** For each model node, where it sits in mark.js's text of `root`, or null when the node left
 *  the page or its text changed since the model was built. Marking and unmarking keep mark.js's
 *  text and the elements the same, so these stay valid after the text nodes are split and merged. */
export function locateModel(model: TextModel, root: Element): (Located | null)[] {
  const { starts, elementStarts } = markjsText(root);
  return model.nodes.map((node, i) => {
    const at = starts.get(node);
    const from = model.nodeStarts[i] ?? 0;
    if (at === undefined || node.data !== model.text.slice(from, from + node.data.length)) return null;
    const ctx = blockOf(node, root);
    return { at, ctx, ctxStart: elementStarts.get(ctx) ?? 0 };
  });
}

/** Nearest block element holding `node` inside `root` (root itself when there is none). */
function blockOf(node: Node, root: Element): Element {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (isBlockElement(el)) return el;
  }
  return root;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** Translates model ranges into mark.js ranges, one per model node a range touches, so text the
 *  model left out (hidden by computed style, not kept by the article finder) is never marked.
 *  `located` comes from locateModel; `current` is mark.js's text now: a piece whose text there
 *  differs from the model's (the page changed) is dropped, as are whitespace-only pieces.
 *  Result is sorted and non-overlapping. */
export function toMarkRanges(model: TextModel, located: readonly (Located | null)[], ranges: readonly ModelRange[],
  current: string): MarkRange[] {
  const pieces: MarkRange[] = [];
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let i = 0;
  for (const range of sorted) {
    while (i < model.nodes.length && nodeEnd(model, i) <= range.start) i++;
    for (let j = i; j < model.nodes.length && (model.nodeStarts[j] ?? 0) < range.end; j++) {
      const piece = pieceOf(model, j, range, located[j] ?? null, current);
      if (piece) pieces.push(piece);
    }
  }
  return dropOverlaps(pieces);
}

function nodeEnd(model: TextModel, i: number): number {
  return (model.nodeStarts[i + 1] ?? model.text.length);
}

function pieceOf(model: TextModel, j: number, range: ModelRange, where: Located | null, current: string): MarkRange | null {
  const nodeStart = model.nodeStarts[j];
  if (!where || nodeStart === undefined) return null;
  const from = Math.max(range.start, nodeStart);
  const to = Math.min(range.end, nodeEnd(model, j));
  const text = model.text.slice(from, to);
  const at = where.at + from - nodeStart;
  if (to <= from || text.trim() === '' || current.slice(at, at + text.length) !== text) return null;
  return { start: at, length: to - from, sentence: range.sentence, kind: range.kind, ctx: where.ctx, ctxStart: where.ctxStart };
}

function dropOverlaps(pieces: MarkRange[]): MarkRange[] {
  pieces.sort((a, b) => a.start - b.start);
  const out: MarkRange[] = [];
  let last = -1;
  for (const piece of pieces) {
    if (piece.start < last) continue;
    out.push(piece);
    last = piece.start + piece.length;
  }
  return out;
}
