/** A fresh element for each test of a file to render Preact into, unmounted and removed after
 *  the test. Call at the top of a file or describe; `root()` is the current test's element. */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

export function renderRoot(): () => HTMLElement {
  let root: HTMLElement | null = null;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
    root = null;
  });
  return () => {
    if (!root) throw new Error('renderRoot() is only there during a test');
    return root;
  };
}
