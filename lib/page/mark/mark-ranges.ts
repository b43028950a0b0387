import { MARKJS_BUILTIN_EXCLUDE } from '../model/dom-rules';
import type { TextModel } from '../model/text-model';

/** A range of the text model to highlight, with what the mark should say about it. */
export interface ModelRange { start: number; end: number; sentence: number; kind: string }

/** A range in mark.js's offsets over the highlighter's root (what `markRanges` takes), carrying
 *  the model range's data; always inside one text node. */
export interface MarkRange { start: number; length: number; sentence: number; kind: string }

/** mark.js's view of a root: its counted text nodes in order and where each starts. */
export interface MarkjsText { text: string; nodes: Text[]; nodeStarts: number[]; starts: Map<Text, number> }

const TEXT_NODE = 3;

/** Tags whose own text mark.js never walks (its matchesExclude always adds them). */
const MARKJS_SKIPS = new Set(MARKJS_BUILTIN_EXCLUDE.map((tag) => tag.toUpperCase()));

/** mark.js's view of `root` when it is called with no exclude list, as the highlighter calls it:
 *  the text its getTextNodes joins (text nodes in document order, but for those right under
 *  script, style, title, head or html; no separator) and each node's offset in it. Text the
 *  text model skips (hidden parts, inputs...) is counted here too but never marked: every range
 *  is cut along the model's own nodes (toMarkRanges). Without an exclude list mark.js tests five
 *  plain tag selectors per text node instead of our sixty, most of them descendant selectors. */
export function markjsText(root: Element): MarkjsText {
  const result: MarkjsText = { text: '', nodes: [], nodeStarts: [], starts: new Map() };
  const parts: string[] = [];
  let offset = 0;
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== TEXT_NODE) {
        visit(child);
        continue;
      }
      if (MARKJS_SKIPS.has((child.parentNode as Element).tagName)) continue;
      const text = child as Text;
      result.starts.set(text, offset);
      result.nodes.push(text);
      result.nodeStarts.push(offset);
      parts.push(text.data);
      offset += text.data.length;
    }
  };
  visit(root);
  result.text = parts.join('');
  return result;
}

/** For each model node, its offset in mark.js's text of `root`, or -1 when the node left the page
 *  or its text changed since the model was built. Marking and unmarking keep mark.js's text the
 *  same, so these offsets stay valid after the text nodes themselves are split and merged. */
export function locateModel(model: TextModel, root: Element): number[] {
  const { starts } = markjsText(root);
  return model.nodes.map((node, i) => {
    const at = starts.get(node);
    const from = model.nodeStarts[i] ?? 0;
    return at !== undefined && node.data === model.text.slice(from, from + node.data.length) ? at : -1;
  });
}

/** Translates model ranges into mark.js ranges, one per model node a range touches, so text the
 *  model left out (hidden by computed style, not kept by the article finder) is never marked.
 *  `located` comes from locateModel; `current` is mark.js's text now: a piece whose text there
 *  differs from the model's (the page changed) is dropped, as are whitespace-only pieces.
 *  Result is sorted and non-overlapping. */
export function toMarkRanges(model: TextModel, located: readonly number[], ranges: readonly ModelRange[],
  current: string): MarkRange[] {
  const pieces: MarkRange[] = [];
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let i = 0;
  for (const range of sorted) {
    while (i < model.nodes.length && nodeEnd(model, i) <= range.start) i++;
    for (let j = i; j < model.nodes.length && (model.nodeStarts[j] ?? 0) < range.end; j++) {
      const piece = pieceOf(model, j, range, located[j] ?? -1, current);
      if (piece) pieces.push(piece);
    }
  }
  return dropOverlaps(pieces);
}

function nodeEnd(model: TextModel, i: number): number {
  return (model.nodeStarts[i + 1] ?? model.text.length);
}

function pieceOf(model: TextModel, j: number, range: ModelRange, markStart: number, current: string): MarkRange | null {
  const nodeStart = model.nodeStarts[j];
  if (markStart < 0 || nodeStart === undefined) return null;
  const from = Math.max(range.start, nodeStart);
  const to = Math.min(range.end, nodeEnd(model, j));
  const text = model.text.slice(from, to);
  const at = markStart + from - nodeStart;
  if (to <= from || text.trim() === '' || current.slice(at, at + text.length) !== text) return null;
  return { start: at, length: to - from, sentence: range.sentence, kind: range.kind };
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
