/** The page's HTML in slices. `documentElement.outerHTML` of a large page is one task of 50-120
 *  ms on the page's thread; here subtrees small enough are serialised whole by the browser and
 *  the few large elements above them are written out by hand (start tag, children, end tag), with
 *  a yield whenever a slice has run long. Same text as outerHTML (HTML serialisation rules). */
import type { SliceOptions } from '../model/text-model';

/** Options of serialiseInSlices: SliceOptions plus the subtree size serialised in one call. */
export interface SerialiseOptions extends SliceOptions {
  /** Most elements in a subtree handed to outerHTML at once; default 1,000. */
  wholeElements?: number;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/"/g, '&quot;');

function startTag(el: Element): string {
  let tag = `<${el.localName}`;
  for (const attr of Array.from(el.attributes)) tag += ` ${attr.name}="${escapeAttr(attr.value)}"`;
  return `${tag}>`;
}

/** `root.outerHTML`, built in slices of about `sliceMs`. */
export async function serialiseInSlices(root: Element, opts: SerialiseOptions = {}): Promise<string> {
  const now = opts.now ?? (() => performance.now());
  const pause = opts.yieldTask ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const whole = opts.wholeElements ?? 1_000;
  const parts: string[] = [];
  let sliceStart = now();
  const maybeYield = async (): Promise<void> => {
    if (now() - sliceStart <= (opts.sliceMs ?? 8)) return;
    opts.onSlice?.(now() - sliceStart);
    await pause();
    sliceStart = now();
  };
  const visit = async (el: Element): Promise<void> => {
    // <template> keeps its content outside childNodes, and raw-text elements have no children
    if (el.localName === 'template' || el.getElementsByTagName('*').length <= whole) {
      parts.push(el.outerHTML);
      return maybeYield();
    }
    parts.push(startTag(el));
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) await visit(child as Element);
      else if (child.nodeType === TEXT_NODE) parts.push(escapeText((child as Text).data));
      else if (child.nodeType === COMMENT_NODE) parts.push(`<!--${(child as Comment).data}-->`);
    }
    parts.push(`</${el.localName}>`);
  };
  await visit(root);
  opts.onSlice?.(now() - sliceStart);
  return parts.join('');
}
