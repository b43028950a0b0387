/** The highlighter figures of `npm run bench`: the shipped highlighter (mark.js, one call per
 *  block) beside the old hand-written one (old-highlighter.ts), in one run of real Chromium, on
 *  the 10,000-word page and the largest real pages of ../shared/fixtures/real-pages (the longest
 *  article and the largest HTML). Rounds alternate the two, each on a freshly loaded page; the
 *  medians are printed with the budgets: no task of ours over 50 ms, page to highlights within
 *  the old figure x1.5. Finding the article is the same code for both and is printed apart; the
 *  task budget is judged on the highlighter's own tasks (marking chunks, clearing). Prints
 *  figures; asserts nothing. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium } from '../../chromium';
import type { HighlighterName, ProbeResult } from './highlight-probe';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PAGES_DIR = join(ROOT, '../shared/fixtures/real-pages');
const ROUNDS = 5;
const TASK_BUDGET_MS = 50;
const SLOWDOWN_ALLOWED = 1.5;
const NAMES: readonly HighlighterName[] = ['mark.js', 'old'];
type Found = Extract<ProbeResult, { found: true }>;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

/** The 10,000-word article of tests/dom/mark/page-speed.test.ts, as a whole page. */
function tenThousandWords(): string {
  const para = (i: number): string => `<p>Officials in district ${i} said <a href="#">the new plan</a> would start soon. `
    + `Critics <em>warned</em> it could cost ${i} million dollars more.</p>`;
  return `<!DOCTYPE html><html><head><title>Big</title></head><body><nav>Menu</nav><article>${
    Array.from({ length: 500 }, (_, i) => para(i)).join('\n')}</article><footer>Footer</footer></body></html>`;
}

/** The real pages to time: the one whose expected article is longest, and the largest HTML. */
function realPages(): [string, string][] {
  if (!existsSync(PAGES_DIR)) return [];
  const sites = readdirSync(PAGES_DIR).filter((s) => existsSync(join(PAGES_DIR, s, 'source.html')));
  const articleWords = (s: string) => existsSync(join(PAGES_DIR, s, 'expected.html'))
    ? readFileSync(join(PAGES_DIR, s, 'expected.html'), 'utf8').replace(/<[^>]*>/g, ' ').split(/\s+/).length : 0;
  const by = (score: (s: string) => number) => [...sites].sort((a, b) => score(b) - score(a))[0];
  const picked = new Set([by(articleWords), by((s) => statSync(join(PAGES_DIR, s, 'source.html')).size)]);
  return [...picked].filter((s): s is string => !!s).map((s) => [s, readFileSync(join(PAGES_DIR, s, 'source.html'), 'utf8')]);
}

async function probeScript(): Promise<string> {
  const out = await build({ entryPoints: [join(ROOT, 'scripts/bench/page/highlight-probe.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120' });
  return out.outputFiles[0]!.text;
}

async function probeOnce(context: BrowserContext, html: string, script: string, name: HighlighterName): Promise<ProbeResult> {
  const page = await context.newPage();
  try {
    // the page's own scripts run, as in a browser, but every request is refused
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ content: script });
    return await page.evaluate((n) => (window as unknown as { echoesHighlightProbe: (n: string) => Promise<ProbeResult> }).echoesHighlightProbe(n), name);
  } finally {
    await page.close();
  }
}

function medianOf(runs: readonly Found[]): Found {
  const m = (k: keyof Found) => median(runs.map((r) => Number(r[k])));
  return { ...runs[0]!, findTaskMs: m('findTaskMs'), toHighlightsMs: m('toHighlightsMs'), markingMs: m('markingMs'), longestChunkMs: m('longestChunkMs'),
    chunks: m('chunks'), clearMs: m('clearMs'), longestClearChunkMs: m('longestClearChunkMs'), roundTrip: runs.every((r) => r.roundTrip) };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

function line(page: string, name: string, r: Found): string {
  return `| ${page} | ${name} | ${r.words.toLocaleString('en-US')} | ${r.marked} | ${r.marks} | ${ms(r.toHighlightsMs)} | ${ms(r.markingMs)} | `
    + `${ms(r.longestChunkMs)} (${r.chunks} chunks) | ${ms(r.clearMs)} | ${ms(r.longestClearChunkMs)} | ${ms(r.findTaskMs)} | ${r.roundTrip ? 'identical' : 'DIFFERENT'} |`;
}

function verdict(page: string, shipped: Found, old: Found): string {
  const longest = Math.max(shipped.longestChunkMs, shipped.longestClearChunkMs);
  const allowed = old.toHighlightsMs * SLOWDOWN_ALLOWED;
  return `${page}: longest highlighter task ${ms(longest)} (budget ${TASK_BUDGET_MS} ms): ${longest <= TASK_BUDGET_MS ? 'met' : 'MISSED'}; `
    + `page to highlights ${ms(shipped.toHighlightsMs)} (old ${ms(old.toHighlightsMs)} x${SLOWDOWN_ALLOWED} = ${ms(allowed)}): `
    + `${shipped.toHighlightsMs <= allowed ? 'met' : 'MISSED'}; marking alone ${(shipped.markingMs / old.markingMs).toFixed(2)}x the old`;
}

/** Times both highlighters on each page and prints a table and the budgets; says why and returns
 *  when Chromium is missing. Never throws: a failure is printed and sets the exit code. */
export async function runHighlightBench(log: (line: string) => void): Promise<void> {
  const chromiumPath = findChromium();
  if (!chromiumPath.ok) { console.log(`\nHighlighter figures skipped: ${chromiumPath.error}`); return; }
  const pages: [string, string][] = [['10,000 words', tenThousandWords()], ...realPages()];
  if (pages.length === 1) log(`[highlight] ${PAGES_DIR} is absent: timing the 10,000-word page only`);
  const browser = await chromium.launch({ executablePath: chromiumPath.path, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => route.abort());
    const script = await probeScript();
    const rows: string[] = [];
    const verdicts: string[] = [];
    for (const [page, html] of pages) {
      const runs: Record<HighlighterName, Found[]> = { 'mark.js': [], old: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const name of round % 2 === 0 ? NAMES : [...NAMES].reverse()) {
          const r = await probeOnce(context, html, script, name);
          if (r.found) runs[name].push(r);
        }
      }
      if (runs['mark.js'].length === 0 || runs.old.length === 0) { log(`[highlight] ${page}: no article found`); continue; }
      const shipped = medianOf(runs['mark.js']);
      const old = medianOf(runs.old);
      rows.push(line(page, 'mark.js (shipped)', shipped), line(page, 'old, by hand', old));
      verdicts.push(verdict(page, shipped, old));
      log(`[highlight] ${page} done`);
    }
    console.log(`\nHighlighter in Chromium: every sentence of the page marked, then cleared (median of ${ROUNDS} rounds each, alternating):\n`);
    console.log('| page | highlighter | words | sentences marked | marks | page to highlights | of which marking | longest marking chunk | clearing | longest clearing chunk | finding (one task, same code) | round trip |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const row of rows) console.log(row);
    console.log(`\n${verdicts.join('\n')}\n(${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(1)).join(', ')}: compare rows of one run)`);
  } catch (error) {
    console.log(`\nHighlighter figures failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
