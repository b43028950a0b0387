/** A NodeIterator over a snapshot of a subtree, lent to mark.js while our calls to it run.
 *
 *  Why: mark.js walks with `document.createNodeIterator`, and Chromium keeps every NodeIterator
 *  registered on its document until garbage collection, visiting all of them on every node
 *  removal. One mark.js call per block (what keeps each call small) leaves hundreds of them
 *  registered, and marking plus clearing a 10,000-word page took ~4 s in Chromium, against ~0.1 s
 *  with this iterator. mark.js reads all nodes before it changes any, so a snapshot is exactly
 *  what it would have seen. Also the DOM spec's behaviour where a test DOM's own iterator strays
 *  (happy-dom 21 repeats nodes on some real pages). */
type Filter = NodeFilter | ((node: Node) => number) | null | undefined;

const FILTER_ACCEPT = 1;

class SnapshotNodeIterator {
  private readonly all: Node[] = [];
  private at = 0;
  private beforeAt = true;

  constructor(readonly root: Node, readonly whatToShow: number, readonly filter: Filter) {
    // document order by an explicit stack: deep pages would overflow a recursive walk
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.all.push(node);
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }

  private accepts(node: Node): boolean {
    if (!(this.whatToShow & (1 << (node.nodeType - 1)))) return false;
    const f = this.filter;
    if (!f) return true;
    return (typeof f === 'function' ? f(node) : f.acceptNode(node)) === FILTER_ACCEPT;
  }

  /** As NodeIterator.nextNode: the next accepted node after the pointer, or null. */
  nextNode(): Node | null {
    return this.move(1);
  }

  /** As NodeIterator.previousNode: the previous accepted node before the pointer, or null. */
  previousNode(): Node | null {
    return this.move(-1);
  }

  // The spec's traverse(): the pointer sits before or after the reference node; moving towards
  // the side it is on first steps over the reference itself.
  private move(direction: 1 | -1): Node | null {
    const forward = direction === 1;
    let i = this.at;
    let before = this.beforeAt;
    for (;;) {
      if (forward ? before : !before) before = !forward;
      else i += direction;
      const node = this.all[i];
      if (!node) return null;
      if (this.accepts(node)) {
        this.at = i;
        this.beforeAt = !forward;
        return node;
      }
    }
  }

  detach(): void {}
}

/** Runs `run` with `doc.createNodeIterator` answering snapshot iterators, then puts the
 *  document's own back (also when `run` throws). The override is an own property of our view of
 *  the document: in a content script the page's scripts never see it. */
export function withSnapshotIterators<T>(run: () => T, doc: Document = document): T {
  const holder = doc as unknown as { createNodeIterator: unknown };
  const own = Object.getOwnPropertyDescriptor(doc, 'createNodeIterator');
  holder.createNodeIterator = (root: Node, whatToShow = 0xffffffff, filter?: Filter) =>
    new SnapshotNodeIterator(root, whatToShow, filter);
  try {
    return run();
  } finally {
    if (own) Object.defineProperty(doc, 'createNodeIterator', own);
    else delete holder.createNodeIterator;
  }
}
