// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blockOf, groupByBlock, packGroups } from '../../../lib/page/mark/mark-blocks';
import { markjsText, type MarkRange } from '../../../lib/page/mark/mark-ranges';

function page(html: string): HTMLElement {
  document.body.innerHTML = `<article id="a">${html}</article>`;
  return document.getElementById('a') as HTMLElement;
}

/** A piece over the first occurrence of `word` in mark.js's text of `root`. */
function pieceOf(root: HTMLElement, word: string, sentence = 0): MarkRange {
  return { start: markjsText(root).text.indexOf(word), length: word.length, sentence, kind: 'verbatim' };
}

describe('groupByBlock', () => {
  it('rebases each piece onto its block\'s own mark.js text, blocks in document order', () => {
    const root = page('<p>One <b>two</b> three.</p><div>Lead <ul><li>item four</li></ul> tail five.</div>');
    const words = ['two', 'four', 'five'];
    const blocks = groupByBlock(markjsText(root), words.map((w, i) => pieceOf(root, w, i)), root);
    expect(blocks.map((b) => b.context.tagName)).toEqual(['P', 'LI', 'DIV']);
    for (const block of blocks) {
      const own = markjsText(block.context).text;
      expect(block.textLength).toBe(own.length);
      for (const r of block.ranges) expect(own.slice(r.start, r.start + r.length)).toBe(r.text);
    }
    expect(blocks.map((b) => b.ranges.map((r) => r.text))).toEqual([['two'], ['four'], ['five']]);
    expect(blocks[2]!.nodeCount).toBe(3); // "Lead ", "item four", " tail five."
  });

  it('scopes text with no block around it to the root', () => {
    const root = page('Loose <i>words</i> here.');
    expect(blockOf(root.querySelector('i')!.firstChild!, root)).toBe(root);
  });
});

describe('packGroups', () => {
  it('packs consecutive blocks up to the node limit, a larger block on its own', () => {
    const root = page(`${'<p>a <b>b</b> c</p>'.repeat(5)}<p>${'<i>x</i> '.repeat(10)}</p>`);
    const view = markjsText(root);
    const pieces = view.nodes.map((n, i) => ({ start: view.nodeStarts[i]!, length: n.data.length, sentence: i, kind: 'verbatim' }))
      .filter((p) => view.text.slice(p.start, p.start + p.length).trim() !== '');
    const groups = packGroups(groupByBlock(view, pieces, root), 6);
    expect(groups.map((g) => g.map((b) => b.nodeCount))).toEqual([[3, 3], [3, 3], [3], [20]]);
  });

  it('never puts a block and a block inside it in one group', () => {
    const root = page('<div>Lead <ul><li>item</li></ul> tail.</div>');
    const blocks = groupByBlock(markjsText(root), [pieceOf(root, 'Lead'), pieceOf(root, 'item', 1)], root);
    expect(packGroups(blocks, 100).map((g) => g.map((b) => b.context.tagName))).toEqual([['DIV'], ['LI']]);
  });
});
