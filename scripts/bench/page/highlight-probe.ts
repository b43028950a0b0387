/** Runs inside a Chromium page (bundled by highlight-bench.ts): finds the article, builds the text
 *  model, highlights every sentence with the shipped highlighter (mark.js) or the old hand-written
 *  one, then clears, timing each step as the content script runs it (finding in one task, marking
 *  and clearing in animation-frame chunks; the old one clears in one task). */
import { findArticle } from '../../../lib/page/find/article';
import { createHighlighter, type Highlighter, type HighlighterOptions } from '../../../lib/page/mark/highlighter';
import { buildTextModel } from '../../../lib/page/model/text-model';
import { simpleSentences } from '../../../tests/dom/helpers';
import { createOldHighlighter } from './old-highlighter';

/** Which highlighter a probe runs. */
export type HighlighterName = 'mark.js' | 'old';

/** What one probe measured (ms), or why it could not. */
export type ProbeResult =
  | { found: false }
  | {
    found: true; words: number; sentences: number; marked: number; marks: number;
    /** Finding the article and building the model: one task, the same code for both. */
    findTaskMs: number;
    /** From the start of finding to the last chunk of marks written. */
    toHighlightsMs: number;
    /** From apply() to the last chunk of marks written (the highlighter's part of the above). */
    markingMs: number;
    /** Longest synchronous marking chunk (the first includes reading the page's text). */
    longestChunkMs: number; chunks: number;
    /** From clear() to the page restored, and its longest synchronous chunk. */
    clearMs: number; longestClearChunkMs: number;
    /** clear() gave back the page's HTML exactly. */
    roundTrip: boolean;
  };

const makers: Record<HighlighterName, (root: Element, opts: HighlighterOptions) => Highlighter> = {
  'mark.js': createHighlighter,
  old: createOldHighlighter,
};

async function probe(name: HighlighterName): Promise<ProbeResult> {
  const started = performance.now();
  const article = findArticle(document);
  if (!article) return { found: false };
  const model = buildTextModel(article.root, { accept: (n) => article.nodes.has(n) });
  const findTaskMs = performance.now() - started;
  const sentences = simpleSentences(model);
  const before = document.documentElement.outerHTML; // not timed: only for the round-trip check
  let chunks = 0;
  const hl = makers[name](article.root, {
    model, onWrite: () => { chunks++; },
    schedule: (run) => requestAnimationFrame(() => run()),
  });
  const applyStarted = performance.now();
  const marked = await hl.apply(sentences);
  const markingMs = performance.now() - applyStarted;
  const toHighlightsMs = findTaskMs + markingMs;
  const marks = document.querySelectorAll('mark.echoes-mark').length;
  const longestChunkMs = hl.longestChunkMs();
  const clearStarted = performance.now();
  await hl.clear();
  const clearMs = performance.now() - clearStarted;
  const longestClearChunkMs = hl.longestClearChunkMs();
  return {
    found: true, words: model.text.split(/\s+/).length, sentences: sentences.length, marked, marks,
    findTaskMs, toHighlightsMs, markingMs, longestChunkMs, chunks: chunks - 1, clearMs, longestClearChunkMs,
    roundTrip: document.documentElement.outerHTML === before,
  };
}

(window as unknown as { echoesHighlightProbe: typeof probe }).echoesHighlightProbe = probe;
