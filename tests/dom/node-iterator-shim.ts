/** happy-dom 21's NodeIterator.previousNode() loops on some real pages (breitbart's: it keeps
 *  returning the same few text nodes), and mark.js walks with previousNode()/nextNode() pairs.
 *  Browsers follow the DOM spec; this test-only stand-in follows it too, over a snapshot of the
 *  subtree (mark.js collects all nodes before changing anything, so a snapshot is faithful). */
type Filter = NodeFilter | ((node: Node) => number) | null | undefined;

class SnapshotNodeIterator {
  private readonly all: Node[] = [];
  private ref = 0;
  private before = true;

  constructor(readonly root: Node, readonly whatToShow: number, readonly filter: Filter) {
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
    const verdict = typeof f === 'function' ? f(node) : f.acceptNode(node);
    return verdict === 1;
  }

  nextNode(): Node | null {
    let i = this.ref;
    let before = this.before;
    for (;;) {
      if (before) before = false;
      else i++;
      const node = this.all[i];
      if (!node) return null;
      if (this.accepts(node)) {
        this.ref = i;
        this.before = false;
        return node;
      }
    }
  }

  previousNode(): Node | null {
    let i = this.ref;
    let before = this.before;
    for (;;) {
      if (!before) before = true;
      else i--;
      const node = this.all[i];
      if (!node) return null;
      if (this.accepts(node)) {
        this.ref = i;
        this.before = true;
        return node;
      }
    }
  }

  detach(): void {}
}

/** Replaces document.createNodeIterator with the spec-following snapshot iterator. */
export function installSnapshotNodeIterator(doc: Document = document): void {
  (doc as unknown as { createNodeIterator: unknown }).createNodeIterator =
    (root: Node, whatToShow = 0xffffffff, filter?: Filter) => new SnapshotNodeIterator(root, whatToShow, filter);
}
