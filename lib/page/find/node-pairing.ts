/** Pairing the text nodes of a document's clone (which Readability rewrites) with the original's. */

const TEXT_NODE = 3;

/** Map from each text node of `clone` to the same-position text node of `original`. Call it
 *  right after cloning, while both trees are still identical. Iterative: pages nest deeply. */
export function pairTextNodes(clone: Node, original: Node): Map<Node, Text> {
  const pairs = new Map<Node, Text>();
  const stack: [Node, Node][] = [[clone, original]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    if (a.nodeType === TEXT_NODE && b.nodeType === TEXT_NODE) {
      pairs.set(a, b as Text);
      continue;
    }
    let x = a.firstChild;
    let y = b.firstChild;
    while (x && y) {
      stack.push([x, y]);
      x = x.nextSibling;
      y = y.nextSibling;
    }
  }
  return pairs;
}

/** Text nodes under `root` in document order. */
export function collectTexts(root: Node): Text[] {
  const out: Text[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      out.push(node as Text);
      continue;
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return out;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Fallback pairing by text: walks `liveRoot`'s text nodes in order and keeps those whose text
 *  equals the next of `kept` (Readability keeps document order). Whitespace-only nodes are kept
 *  when the non-blank nodes on both sides were kept, so words stay apart. */
export function alignByText(kept: readonly Text[], liveRoot: Node): Set<Text> {
  const wanted = kept.map((t) => squash(t.data)).filter((s) => s.length > 0);
  const live = collectTexts(liveRoot);
  const keep = new Array<boolean>(live.length).fill(false);
  let next = 0;
  live.forEach((node, i) => {
    const text = squash(node.data);
    if (text.length > 0 && next < wanted.length && text === wanted[next]) {
      keep[i] = true;
      next++;
    }
  });
  const result = new Set<Text>();
  let lastKept = false;
  live.forEach((node, i) => {
    const blank = squash(node.data).length === 0;
    if (keep[i]) result.add(node);
    else if (blank && lastKept && nextNonBlankKept(live, keep, i)) result.add(node);
    if (!blank) lastKept = keep[i] ?? false;
  });
  return result;
}

function nextNonBlankKept(live: readonly Text[], keep: readonly boolean[], from: number): boolean {
  for (let j = from + 1; j < live.length; j++) {
    if (squash(live[j]?.data ?? '').length > 0) return keep[j] ?? false;
  }
  return false;
}
