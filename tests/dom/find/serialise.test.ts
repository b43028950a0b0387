// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialiseInSlices } from '../../../lib/page/find/serialise';

const realDir = resolve(__dirname, '../../../../shared/fixtures/real-pages');
const present = existsSync(realDir);
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('serialiseInSlices', () => {
  it('writes what outerHTML writes, large elements by hand, with yields between slices', async () => {
    const doc = parse(`<!DOCTYPE html><html><head><title>A &amp; B</title></head><body class="x" data-q='say "hi"'>
      <!-- a comment --><div id="wrap">${Array.from({ length: 300 }, (_, i) => `<p title="a&quot;b">Text ${i} &lt;tag&gt; &amp; more\u00a0here <b>bold</b><br></p>`).join('\n')}
      <template><p>inside</p></template><svg viewBox="0 0 1 1"><foreignObject><p>x</p></foreignObject></svg><script>if (a < b && c > d) {}</script></div></body></html>`);
    let yields = 0;
    const html = await serialiseInSlices(doc.documentElement, { wholeElements: 5, sliceMs: 0, yieldTask: async () => void yields++ });
    expect(html).toBe(doc.documentElement.outerHTML);
    expect(yields).toBeGreaterThan(50);
  });

  it.skipIf(!present)('the same as outerHTML on a saved real page', async () => {
    const doc = parse(readFileSync(join(realDir, 'lemonde-1', 'source.html'), 'utf8'));
    expect(await serialiseInSlices(doc.documentElement, { wholeElements: 20 })).toBe(doc.documentElement.outerHTML);
  }, 60_000);
});
