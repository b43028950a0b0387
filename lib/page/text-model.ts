import { isBlockElement, isExcludedElement, isHiddenByStyle } from './dom-rules';

/** The page's article as one text model: text nodes joined with no separator (as mark.js counts),
 *  block starts kept aside. `nodeStarts[i]` is the offset in `text` of `nodes[i]`'s first char;
 *  `blockStarts` are ascending offsets where a block (paragraph, heading, list item, <br>) starts. */
export interface TextModel { text: string; blockStarts: number[]; nodes: Text[]; nodeStarts: number[] }

/** Options for buildTextModel. */
export interface TextModelOptions {
  /** Keep only the text nodes this accepts (e.g. the ones Readability kept); default all. */
  accept?: (node: Text) => boolean;
  /** Skip an element and its subtree when this says it is hidden; default computed style. */
  isHidden?: (el: Element) => boolean;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Walks `root`'s text in document order, skipping what mark.js skips with EXCLUDE_SELECTORS
 *  (scripts, styles, inputs, [contenteditable], hidden markup, our own UI) plus elements hidden by
 *  computed style. Works with any DOM (live page, happy-dom, linkedom): plain childNodes walking. */
export function buildTextModel(root: Element, opts: TextModelOptions = {}): TextModel {
  const accept = opts.accept ?? (() => true);
  const isHidden = opts.isHidden ?? isHiddenByStyle;
  const model: TextModel = { text: '', blockStarts: [], nodes: [], nodeStarts: [] };
  const parts: string[] = [];
  let length = 0;
  const boundary = (): void => {
    const last = model.blockStarts[model.blockStarts.length - 1];
    if (last !== length) model.blockStarts.push(length);
  };
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      if (!accept(text) || text.data.length === 0) return;
      model.nodes.push(text);
      model.nodeStarts.push(length);
      parts.push(text.data);
      length += text.data.length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    if (isExcludedElement(el) || isHidden(el)) return;
    const block = isBlockElement(el);
    if (block) boundary();
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    if (block) boundary();
  };
  if (!isExcludedElement(root)) visit(root);
  model.text = parts.join('');
  model.blockStarts = model.blockStarts.filter((start) => start < length);
  if (length > 0 && model.blockStarts[0] !== 0) model.blockStarts.unshift(0);
  return model;
}

/** Index of the node holding text offset `offset` (the last node starting at or before it);
 *  -1 when the model is empty. Binary search over nodeStarts. */
export function nodeIndexAt(model: TextModel, offset: number): number {
  let lo = 0;
  let hi = model.nodeStarts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((model.nodeStarts[mid] ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
