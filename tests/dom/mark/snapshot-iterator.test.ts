// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { withSnapshotIterators } from '../../../lib/page/mark/snapshot-iterator';

const SHOW_TEXT = 4;
const SHOW_ELEMENT = 1;

function tree(): HTMLElement {
  document.body.innerHTML = '<div id="r">a<p>b<i>c</i></p>d<span>e</span></div>';
  return document.getElementById('r') as HTMLElement;
}

const name = (n: Node | null): string => (n === null ? 'null' : n.nodeType === 3 ? (n as Text).data : (n as Element).tagName);

describe('withSnapshotIterators', () => {
  it('walks in document order and steps back and forth as the DOM spec says', () => {
    const root = tree();
    const seen = withSnapshotIterators(() => {
      const it = document.createNodeIterator(root, SHOW_TEXT);
      // next, next, previous (returns the reference itself), previous, next (the reference again), next
      return [it.nextNode(), it.nextNode(), it.previousNode(), it.previousNode(), it.nextNode(), it.nextNode()].map(name);
    });
    expect(seen).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
  });

  it('applies whatToShow and the filter, skipping (not pruning) rejected elements', () => {
    const root = tree();
    const seen = withSnapshotIterators(() => {
      const it = document.createNodeIterator(root, SHOW_ELEMENT, (n) => ((n as Element).tagName === 'P' ? 2 : 1));
      const out: string[] = [];
      for (let n = it.nextNode(); n; n = it.nextNode()) out.push(name(n));
      return out;
    });
    expect(seen).toEqual(['DIV', 'I', 'SPAN']);
  });

  it('puts the document\'s own createNodeIterator back, also when the run throws', () => {
    const own = document.createNodeIterator;
    expect(() => withSnapshotIterators(() => { throw new Error('boom'); })).toThrow('boom');
    expect(document.createNodeIterator).toBe(own);
    expect(Object.getOwnPropertyDescriptor(document, 'createNodeIterator')).toBeUndefined();
  });
});
