// @vitest-environment happy-dom
import Mark from 'mark.js';
import { afterEach, describe, expect, it } from 'vitest';
import { EXCLUDE_SELECTORS } from '../../../lib/page/model/dom-rules';
import { locateModel, markjsText } from '../../../lib/page/mark/mark-ranges';
import { buildTextModel } from '../../../lib/page/model/text-model';

function page(html: string): HTMLElement {
  document.body.innerHTML = `<div id="r">${html}</div>`;
  return document.getElementById('r') as HTMLElement;
}
afterEach(() => { document.body.innerHTML = ''; });

/** The text mark.js itself walks (with our exclude list, as the model skips text, or with none,
 *  as the highlighter calls it): mark every character with one range, read the marks back. */
function textMarkjsSees(root: HTMLElement, exclude: string[] = [EXCLUDE_SELECTORS.join(',')]): string {
  const clone = root.cloneNode(true) as HTMLElement;
  document.body.append(clone);
  const total = clone.textContent?.length ?? 0;
  let seen = '';
  new Mark(clone).markRanges([{ start: 0, length: total }], {
    exclude,
    each: (el: Element) => { seen += el.textContent; },
  });
  clone.remove();
  return seen;
}

describe('text model', () => {
  it('joins text nodes with no separator and keeps block starts aside', () => {
    const root = page('<h2>Title</h2><p>One <b>two</b>\n three.</p><ul><li>Four</li><li>Five<br>Six</li></ul>');
    const model = buildTextModel(root);
    expect(model.text).toBe('TitleOne two\n three.FourFiveSix');
    expect(model.blockStarts).toEqual([0, 5, 20, 24, 28]);
    expect(model.nodes.map((n) => n.data)).toEqual(['Title', 'One ', 'two', '\n three.', 'Four', 'Five', 'Six']);
    expect(model.nodeStarts).toEqual([0, 5, 9, 12, 20, 24, 28]);
  });

  it('skips scripts, styles, inputs, textareas, contenteditable, hidden parts and our own UI', () => {
    const root = page('<p>A<script>var x = 1;</script><style>p{}</style><input value="v"><textarea>t</textarea>'
      + '<span contenteditable="">c</span><span contenteditable="false">B</span><span hidden>h</span>'
      + '<span aria-hidden="true">a</span><span style="display: none">d</span><echoes-card>e</echoes-card>C</p>');
    expect(buildTextModel(root).text).toBe('ABC');
  });

  it('agrees with the text mark.js counts when nothing is left out by computed style', () => {
    const root = page('<article><h1>Head</h1><p>Para <a href="#">link</a> end.</p>'
      + '<figure><figcaption>Cap</figcaption></figure><script>1</script><div contenteditable>x</div>tail</article>');
    const model = buildTextModel(root, { isHidden: () => false });
    expect(textMarkjsSees(root)).toBe(model.text.replace(/\s+$/, ''));
    expect(markjsText(root).text.replace(/\s+$/, '')).toBe(textMarkjsSees(root, []));
  });

  it('locates each model node at its offset in mark.js text even when the model leaves nodes out', () => {
    const root = page('<p>Keep this.</p><p class="x">Drop this.</p><p>Keep that.</p>');
    const model = buildTextModel(root, { accept: (n) => !n.parentElement?.classList.contains('x') });
    expect(model.text).toBe('Keep this.Keep that.');
    const mj = markjsText(root).text;
    const located = locateModel(model, root);
    model.nodes.forEach((node, i) => {
      const at = located[i]!;
      expect(mj.slice(at, at + node.data.length)).toBe(node.data);
    });
    expect(located).toEqual([0, 20]);
  });
});
