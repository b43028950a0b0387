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
  /** The only text nodes that can be kept (what `accept` accepts, as a set): subtrees holding
   *  none of them are not walked (no selector or computed-style check for each of their
   *  elements, which on a Wikipedia-size page cost hundreds of ms in one task); a skipped block
   *  still ends the block before it. */
  only?: ReadonlySet<Node>;
}

/** The elements from each of `nodes` up to `root` (inclusive). */
function ancestorsOf(nodes: ReadonlySet<Node>, root: Element): Set<Node> {
  const out = new Set<Node>();
  for (const node of nodes) {
    for (let el = node.parentNode; el && !out.has(el); el = el.parentNode) {
      out.add(el);
      if (el === root) break;
    }
  }
  return out;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Walks `root`'s text in document order, skipping what mark.js skips with EXCLUDE_SELECTORS
 *  (scripts, styles, inputs, [contenteditable], hidden markup, our own UI) plus elements hidden by
 *  computed style. Works with any DOM (live page, happy-dom, linkedom): plain childNodes walking. */
export function buildTextModel(root: Element, opts: TextModelOptions = {}): TextModel {
  const steps = modelSteps(root, opts);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** How buildTextModelInSlices shares the page's thread. */
export interface SliceOptions {
  /** Longest slice before yielding; default 8 ms. */
  sliceMs?: number;
  now?: () => number;
  /** Gives the page its thread back (default: a macrotask). */
  yieldTask?: () => Promise<void>;
  /** Hears each slice's duration. */
  onSlice?: (ms: number) => void;
}

/** buildTextModel in slices of about `sliceMs`: on a Wikipedia-size article the selector and
 *  computed-style checks of every element add up to hundreds of ms, too long for one task. */
export async function buildTextModelInSlices(root: Element, opts: TextModelOptions = {}, slices: SliceOptions = {}): Promise<TextModel> {
  const now = slices.now ?? (() => performance.now());
  const pause = slices.yieldTask ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const steps = modelSteps(root, opts);
  let sliceStart = now();
  for (let step = steps.next(), count = 0; ; step = steps.next(), count++) {
    if (step.done) {
      slices.onSlice?.(now() - sliceStart);
      return step.value;
    }
    if ((count & 63) === 63 && now() - sliceStart > (slices.sliceMs ?? 8)) {
      slices.onSlice?.(now() - sliceStart);
      await pause();
      sliceStart = now();
    }
  }
}

/** Marks the end of a block element on the walk's stack. */
const BLOCK_END = {};

/** The walk behind both builders: yields after each element it looks at, returns the model. */
function* modelSteps(root: Element, opts: TextModelOptions): Generator<undefined, TextModel, undefined> {
  const only = opts.only;
  const accept = opts.accept ?? (only ? (n: Text) => only.has(n) : () => true);
  const walked = only ? ancestorsOf(only, root) : null;
  const isHidden = opts.isHidden ?? isHiddenByStyle;
  const model: TextModel = { text: '', blockStarts: [], nodes: [], nodeStarts: [] };
  const parts: string[] = [];
  let length = 0;
  const boundary = (): void => {
    const last = model.blockStarts[model.blockStarts.length - 1];
    if (last !== length) model.blockStarts.push(length);
  };
  const stack: (Node | typeof BLOCK_END)[] = isExcludedElement(root) ? [] : [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === BLOCK_END) {
      boundary();
      continue;
    }
    const node = item as Node;
    if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      if (!accept(text) || text.data.length === 0) continue;
      model.nodes.push(text);
      model.nodeStarts.push(length);
      parts.push(text.data);
      length += text.data.length;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (walked && el.firstChild && !walked.has(el)) {
      if (isBlockElement(el)) boundary(); // nothing of ours inside: only where a block ends
      continue;
    }
    yield undefined;
    if (isExcludedElement(el) || isHidden(el)) continue;
    if (isBlockElement(el)) {
      boundary();
      stack.push(BLOCK_END);
    }
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  }
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
