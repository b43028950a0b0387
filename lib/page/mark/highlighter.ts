import type { ReportSentence } from '../../report/types';
import { injectHighlightStyle, removeHighlightStyle } from './highlight-style';
import { groupByBlock, packGroups, type BlockRange } from './mark-blocks';
import { locateModel, markjsText, toMarkRanges, type ModelRange } from './mark-ranges';
import { markContexts, markGroup, unmarkContexts } from './block-marker';
import type { TextModel } from '../model/text-model';

/** Selector of every mark we create (mark.js's data-markjs plus our class). */
export const MARK_SELECTOR = 'mark.echoes-mark[data-markjs]';

/** Text nodes one mark.js call may see: its work per range grows with them (it re-walks its node
 *  list and re-slices its text for every range), so calls stay to a few paragraphs. */
const GROUP_NODES = 64;

/** Options: the text model the report's offsets refer to, and how to yield between chunks. */
export interface HighlighterOptions {
  model: TextModel;
  /** Runs the next chunk later; default requestAnimationFrame (setTimeout without a window). */
  schedule?: (run: () => void) => void;
  /** Longest a chunk of marking or clearing may run before yielding, in ms; default 16 (one frame);
   *  0 = one group (or a few blocks to clear) per chunk. */
  budgetMs?: number;
  /** Called right after each synchronous batch of page writes (marking chunk, clearing), so a
   *  MutationObserver can drop the records of our own writes (takeRecords). */
  onWrite?: () => void;
}

/** Highlights report sentences in the page. apply() and clear() are idempotent; clear() after
 *  apply() restores the page's text and element structure exactly. */
export interface Highlighter {
  /** Marks every sentence that has matches (kind = its best match's). Resolves to the number of
   *  sentences marked, after all chunks are written; a clear() meanwhile cancels the rest. */
  apply(sentences: readonly ReportSentence[]): Promise<number>;
  /** Removes our marks and style, in chunks between frames as apply() writes them (a long page's
   *  thousands of marks are more than one task's work); resolves when the page is as it was
   *  before apply(). Clears and applies run one after another in the order called. */
  clear(): Promise<void>;
  /** The marks of sentence `index`, in document order (empty when not highlighted). */
  marksOf(index: number): HTMLElement[];
  /** Longest synchronous stretch of the last apply(), in ms (the first one includes reading the
   *  page's text); 0 before any apply. For the content script's timing log. */
  longestChunkMs(): number;
  /** Longest synchronous stretch of the last clear() that had marks to remove, in ms. */
  longestClearChunkMs(): number;
}

/** Creates a highlighter for the article under `root`. Call it right after building the model
 *  (before the page changes): it locates the model's nodes in mark.js's text once. */
export function createHighlighter(root: Element, opts: HighlighterOptions): Highlighter {
  const doc = root.ownerDocument;
  const located = locateModel(opts.model, root);
  const marks: HTMLElement[] = [];
  let generation = 0;
  let longestMs = 0;
  const schedule = opts.schedule ?? defaultSchedule(doc);

  let longestClearMs = 0;
  let clearing: Promise<void> = Promise.resolve();
  const budgetMs = opts.budgetMs ?? 16;

  /** One clearing, after the ones before it: ours as tracked, plus any under root we lost track
   *  of (e.g. a previous content script's), gathered when its turn comes. */
  const clearNow = (tracked: HTMLElement[]): Promise<void> => new Promise((resolve) => {
    const gathered = performance.now(); // the first chunk's clock includes finding the marks
    const contexts = markContexts([...tracked, ...root.querySelectorAll(MARK_SELECTOR)], root);
    if (contexts.length > 0) longestClearMs = 0;
    const step = (from: number): void => {
      const stepStart = from === 0 ? gathered : performance.now();
      const next = from < contexts.length ? unmarkContexts(contexts, from, () => performance.now() - stepStart < budgetMs) : from;
      if (next >= contexts.length) removeHighlightStyle(doc);
      opts.onWrite?.();
      longestClearMs = Math.max(longestClearMs, performance.now() - stepStart);
      if (next >= contexts.length) resolve();
      else schedule(() => step(next));
    };
    step(0);
  });

  const clear = (): Promise<void> => {
    generation++; // an apply still writing stops at its next chunk
    const tracked = marks.splice(0);
    clearing = clearing.then(() => clearNow(tracked));
    return clearing;
  };

  const apply = async (sentences: readonly ReportSentence[]): Promise<number> => {
    const cleared = clear();
    const run = generation; // a clear() called while this one waits cancels this apply
    await cleared;
    if (run !== generation) return 0;
    const started = performance.now();
    longestMs = 0;
    const ranges: ModelRange[] = sentences
      .filter((s) => s.matches.length > 0)
      .map((s) => ({ start: s.start, end: s.end, sentence: s.index, kind: s.matches[0]?.kind ?? 'verbatim' }));
    const view = markjsText(root);
    const groups = packGroups(groupByBlock(view, toMarkRanges(opts.model, located, ranges, view.text), root), GROUP_NODES);
    if (groups.length === 0) return Promise.resolve(0);
    injectHighlightStyle(doc);
    const focusable = new Set<number>();
    // Sentences whose every match only shares a quotation get a lighter mark than copied prose.
    const quoteOnly = new Set(sentences.filter((s) => s.matches.length > 0 && s.matches.every((m) => m.reuse === 'quote')).map((s) => s.index));
    const each = (mark: HTMLElement, { sentence, kind }: BlockRange): void => {
      mark.dataset.echoesSentence = String(sentence);
      mark.dataset.echoesKind = kind;
      mark.classList.add(`echoes-${kind}`);
      if (quoteOnly.has(sentence)) {
        mark.dataset.echoesReuse = 'quote';
        mark.classList.add('echoes-quote');
      }
      if (!focusable.has(sentence)) {
        focusable.add(sentence);
        mark.tabIndex = 0;
      }
      marks.push(mark);
    };
    return new Promise((resolve) => {
      // One mark.js call per group of blocks, as many groups as fit in a chunk (the first
      // chunk's clock started before reading the page's text), then yield until the next chunk.
      const step = (from: number, first: boolean): void => {
        if (run !== generation) return resolve(0);
        const stepStart = first ? started : performance.now();
        let next = from;
        // Each chunk marks at least one group, but for the first when reading a long page's text
        // has used its time already: then marking starts in the next chunk.
        if (!first || budgetMs === 0 || performance.now() - stepStart < budgetMs) {
          do markGroup(groups[next++]!, each);
          while (next < groups.length && performance.now() - stepStart < budgetMs);
        }
        opts.onWrite?.();
        longestMs = Math.max(longestMs, performance.now() - stepStart);
        if (next >= groups.length) resolve(focusable.size);
        else schedule(() => step(next, false));
      };
      step(0, true);
    });
  };

  const marksOf = (index: number): HTMLElement[] =>
    marks.filter((m) => m.isConnected && m.dataset.echoesSentence === String(index));

  return { apply, clear, marksOf, longestChunkMs: () => Math.round(longestMs), longestClearChunkMs: () => Math.round(longestClearMs) };
}

function defaultSchedule(doc: Document): (run: () => void) => void {
  const view = doc.defaultView;
  if (view && typeof view.requestAnimationFrame === 'function') return (run) => view.requestAnimationFrame(() => run());
  return (run) => setTimeout(run, 0);
}
