/** `npm run bench -- --page`: the page's side in real Chromium on the largest saved real pages
 *  and a Wikipedia-size page — the longest task of ours on the page's main thread (serialising,
 *  each slice of mapping back, the text model, each marking chunk) and page to highlights.
 *  Readability runs in Node (linkedom) through an exposed function, off the page's thread as
 *  the offscreen document or background page runs it in the extension. Prints, asserts nothing. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { chromium } from 'playwright-core';
import { extractFromHtml } from '../../../lib/page/find/article-extract';
import { findChromium } from '../../chromium';

const root = resolve(import.meta.dirname, '../../..');
const pagesDir = resolve(root, '../shared/fixtures/real-pages');

const PAGE_SCRIPT = `
  import { findArticleElsewhere } from './lib/page/find/article-finder';
  import { buildTextModelInSlices } from './lib/page/model/text-model';
  import { createHighlighter } from './lib/page/mark/highlighter';
  import { simpleSentences } from './tests/dom/helpers';
  window.echoesPageBench = async () => {
    const longTasks = [];
    const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) longTasks.push(e.duration); });
    try { po.observe({ type: 'longtask' }); } catch {}
    const tasks = {};
    const task = (label, ms) => { tasks[label] = Math.max(tasks[label] ?? 0, ms); };
    const started = performance.now();
    const outcome = await findArticleElsewhere(document, (html) => window.echoesExtract(html), { onTask: task });
    if (!outcome.found) { po.disconnect(); return { found: false, reason: outcome.reason, tasks, longTasks }; }
    const { root, nodes } = outcome.article;
    const model = await buildTextModelInSlices(root, { only: nodes }, { onSlice: (ms) => task('text model', ms) });
    const sentences = simpleSentences(model).filter((_, i) => i % 2 === 0);
    const hl = createHighlighter(root, { model, schedule: (run) => requestAnimationFrame(run) });
    const marked = await hl.apply(sentences);
    task('marking a chunk', hl.longestChunkMs());
    const totalMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 100));
    po.disconnect();
    return { found: true, marked, totalMs, tasks, longTasks, elements: document.getElementsByTagName('*').length };
  };`;

/** A page the size of a long Wikipedia article: 1,600 paragraphs with links and references. */
function wikipediaSizePage(): string {
  const para = (i: number): string => `<p>In ${1800 + (i % 200)}, the <a href="/wiki/R${i}">regional council</a> of district ${i} `
    + `approved a <b>new charter</b> that set out the powers of its <a href="/wiki/A${i}">assembly</a>, which met ${i % 12 + 1} times a year.`
    + `<sup class="reference"><a href="#cite-${i}">[${i}]</a></sup> Historians have since argued that the change was <i>gradual</i>.</p>`;
  const refs = Array.from({ length: 1600 }, (_, i) => `<li id="cite-${i}"><a href="#r${i}">^</a> <cite>Source ${i}, p. ${i % 300}</cite></li>`).join('');
  const nav = Array.from({ length: 400 }, (_, i) => `<li><a href="/wiki/N${i}">Topic ${i}</a></li>`).join('');
  return `<!DOCTYPE html><html><head><title>History of the regions</title></head><body><nav><ul>${nav}</ul></nav>`
    + `<main><article><h1>History of the regions</h1>${Array.from({ length: 1600 }, (_, i) => para(i)).join('\n')}`
    + `<h2>References</h2><ol class="references">${refs}</ol></article></main><footer>Text is available under a licence.</footer></body></html>`;
}

/** A page far past the element limit (a million elements): it is refused, and counting it
 *  must stay a short task. */
function millionElementPage(): string {
  return `<!DOCTYPE html><html><head><title>Archive</title></head><body>${'<div><span>entry</span> text</div>'.repeat(500_000)}</body></html>`;
}

function largestRealPages(count: number): [string, string][] {
  if (!existsSync(pagesDir)) return [];
  return readdirSync(pagesDir).filter((d) => existsSync(join(pagesDir, d, 'source.html')))
    .map((d) => ({ d, size: statSync(join(pagesDir, d, 'source.html')).size }))
    .sort((a, b) => b.size - a.size).slice(0, count)
    .map(({ d }): [string, string] => [d, readFileSync(join(pagesDir, d, 'source.html'), 'utf8')]);
}

/** Runs the page bench and prints one line per page. */
export async function runPageBench(): Promise<void> {
  const found = findChromium();
  if (!found.ok) { console.log(`page bench skipped: ${found.error}`); return; }
  const bundle = (await build({ stdin: { contents: PAGE_SCRIPT, resolveDir: root, loader: 'ts' }, bundle: true, format: 'iife', write: false, target: 'chrome120' })).outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath: found.path, args: ['--no-sandbox'] });
  const context = await browser.newContext();
  await context.route('**/*', (route) => route.abort()); // nothing is fetched
  await context.exposeFunction('echoesExtract', (html: string) => ({ ok: true, value: extractFromHtml(html, (h) => parseHTML(h).document as unknown as Document) }));
  if (!existsSync(pagesDir)) console.log(`(${pagesDir} is absent: the synthetic page only)`);
  console.log('\nPage side in Chromium (longest task of ours on the page\'s thread; page to highlights):');
  for (const [name, html] of [['wikipedia-size', wikipediaSizePage()] as [string, string], ['million-elements', millionElementPage()] as [string, string], ...largestRealPages(5)]) {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    const r = await page.evaluate(`${bundle}\n;window.echoesPageBench()`) as { found: boolean; reason?: string; marked?: number; totalMs?: number; tasks: Record<string, number>; longTasks: number[]; elements?: number };
    const longest = Object.entries(r.tasks).sort((a, b) => b[1] - a[1])[0];
    const tasks = Object.entries(r.tasks).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    console.log(r.found
      ? `  ${name.padEnd(15)} ${(html.length / 1e3).toFixed(0).padStart(5)} kB ${String(r.elements).padStart(6)} elements: longest task of ours ${longest?.[1].toFixed(1)} ms (${longest?.[0]}); `
        + `page to highlights ${r.totalMs!.toFixed(0)} ms, ${r.marked} sentences marked [${tasks}]; long tasks the page saw: ${JSON.stringify(r.longTasks.map(Math.round))}`
      : `  ${name.padEnd(15)} not checked: ${r.reason} [${tasks || 'no task of ours'}]; long tasks the page saw: ${JSON.stringify(r.longTasks.map(Math.round))}`);
    await page.close();
  }
  await browser.close();
}
