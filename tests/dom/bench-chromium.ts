/** Speed and round-trip figures in real Chromium (happy-dom is 10-50x slower than a browser).
 *  Run: npx tsx tests/dom/bench-chromium.ts [site ...]  — prints one line per page. Needs
 *  /usr/bin/chromium and ../shared/fixtures/real-pages; all network requests are refused. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const pagesDir = resolve(root, '../shared/fixtures/real-pages');

async function bundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { findArticle } from './lib/page/find/article';
        import { buildTextModel } from './lib/page/model/text-model';
        import { createHighlighter } from './lib/page/mark/highlighter';
        import { simpleSentences } from './tests/dom/helpers';
        window.echoesBench = async () => {
          const longTasks = [];
          const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) longTasks.push(e.duration); });
          try { po.observe({ type: 'longtask' }); } catch {}
          let t = performance.now();
          const article = findArticle(document);
          const findMs = performance.now() - t;
          if (!article) return { found: false, findMs };
          t = performance.now();
          const model = buildTextModel(article.root, { accept: (n) => article.nodes.has(n) });
          const modelMs = performance.now() - t;
          const sentences = simpleSentences(model);
          const before = document.documentElement.outerHTML;
          const chunks = []; let chunkStart = performance.now();
          const hl = createHighlighter(article.root, { model, onWrite: () => { chunks.push(performance.now() - chunkStart); } ,
            schedule: (run) => requestAnimationFrame(() => { chunkStart = performance.now(); run(); }) });
          t = performance.now(); chunkStart = t;
          const marked = await hl.apply(sentences);
          const applyMs = performance.now() - t;
          t = performance.now();
          await hl.clear();
          const clearMs = performance.now() - t;
          const after = document.documentElement.outerHTML;
          let at = 0;
          while (at < before.length && before[at] === after[at]) at++;
          const firstDiff = before === after ? '' : JSON.stringify([before.slice(at - 60, at + 60), after.slice(at - 60, at + 60)]);
          await new Promise((r) => setTimeout(r, 50));
          po.disconnect();
          return { found: true, findMs, modelMs, applyMs, clearMs, chunks: chunks.length - 1,
            longestChunk: Math.max(...chunks.slice(1)), sentences: sentences.length, marked,
            words: model.text.split(/\\s+/).length, same: before === after, firstDiff,
            longTasks };
        };`,
      resolveDir: root, loader: 'ts',
    },
    bundle: true, format: 'iife', write: false, target: 'chrome120',
  });
  return out.outputFiles[0]!.text;
}

function bigArticle(): string {
  const para = (i: number): string => `<p>Officials in district ${i} said <a href="#">the new plan</a> would start soon. `
    + `Critics <em>warned</em> it could cost ${i} million dollars more.</p>`;
  return `<!DOCTYPE html><html><head><title>Big</title></head><body><nav>Menu</nav><article>${
    Array.from({ length: 500 }, (_, i) => para(i)).join('\n')}</article><footer>Footer</footer></body></html>`;
}

const script = await bundle();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext();
await context.route('**/*', (route) => route.abort());
const wanted = process.argv.slice(2);
const sites = existsSync(pagesDir) ? readdirSync(pagesDir).filter((d) => existsSync(join(pagesDir, d, 'source.html'))) : [];
const pages: [string, string][] = [['10k-words', bigArticle()],
  ...sites.filter((s) => wanted.length === 0 || wanted.includes(s)).map((s): [string, string] => [s, readFileSync(join(pagesDir, s, 'source.html'), 'utf8')])];
for (const [name, html] of pages) {
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  // page scripts run (as in a browser) but every request is refused, so nothing is fetched
  const r = await page.evaluate(`${script}\n;window.echoesBench()`) as Record<string, number | boolean | number[]>;
  const f = (k: string): string => Number(r[k] ?? 0).toFixed(0);
  console.log(r.found
    ? `${name.padEnd(15)} ${f('words')} words ${f('sentences')} sent: find ${f('findMs')} ms, model ${f('modelMs')} ms, `
      + `apply ${f('applyMs')} ms in ${f('chunks')} chunks (longest ${f('longestChunk')} ms), clear ${f('clearMs')} ms, `
      + `round trip ${r.same ? 'identical' : 'DIFFERENT'}, long tasks ${JSON.stringify((r.longTasks as number[]).map(Math.round))}`
      + (r.firstDiff ? `\n    first difference (before, after): ${r.firstDiff}` : '')
    : `${name.padEnd(15)} no article (find ${f('findMs')} ms)`);
  await page.close();
}
await browser.close();
