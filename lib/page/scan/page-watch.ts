import { CARD_TAG } from '../card';
import { STYLE_ID } from '../mark/highlight-style';

/** Options of the page watcher. */
export interface PageWatchOptions {
  /** Called (debounced) when the page changed in a way that may change its article. */
  onChange: () => void;
  /** The current article root, or null when none was found yet (then any added text counts). */
  currentRoot: () => Element | null;
  debounceMs?: number;
  /** Most rescans queued before reset(): a page that keeps rewriting its article (live
   *  tickers, timestamps) must not run the article finder forever; default 20. */
  maxChanges?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

/** One debounced MutationObserver that only queues work. Our own writes are dropped by calling
 *  `discardOwn()` right after them (their records are taken before delivery). */
export interface PageWatch {
  discardOwn(): void;
  /** Allows maxChanges rescans again (after a navigation). */
  reset(): void;
  stop(): void;
}

const OURS = `mark.echoes-mark, ${CARD_TAG}, #${STYLE_ID}`;

/** Starts watching `doc.body` (childList, subtree, characterData). */
export function watchPage(doc: Document, opts: PageWatchOptions): PageWatch {
  const set = opts.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clear = opts.clearTimeout ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let changes = 0;
  const observer = new (doc.defaultView ?? globalThis).MutationObserver((records) => {
    if (changes >= (opts.maxChanges ?? 20) || !records.some((r) => matters(r, opts.currentRoot()))) return;
    if (timer !== null) clear(timer);
    timer = set(() => {
      timer = null;
      changes++;
      opts.onChange();
    }, opts.debounceMs ?? 800);
  });
  if (doc.body) observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  return {
    discardOwn: () => void observer.takeRecords(),
    reset: () => {
      changes = 0;
    },
    stop: () => {
      observer.disconnect();
      if (timer !== null) clear(timer);
      timer = null;
    },
  };
}

/** Does this record possibly change the article? Without an article yet: any added text.
 *  With one: changes inside it, or the article leaving the page. Our own UI never counts. */
function matters(record: MutationRecord, root: Element | null): boolean {
  const target = record.target;
  const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
  if (el?.closest(OURS)) return false;
  const nodes = [...record.addedNodes, ...record.removedNodes].filter((n) => !isOurs(n));
  if (record.type === 'childList' && nodes.length === 0) return false;
  if (!root) return record.type === 'characterData' || nodes.some((n) => (n.textContent ?? '').trim().length > 0);
  if (!root.isConnected) return true;
  return root.contains(target) || nodes.some((n) => n.contains(root));
}

function isOurs(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).matches(OURS);
}
