/** Mapping the texts Readability kept in a parsed copy of the page back onto the live page's
 *  own text nodes, in slices of a few milliseconds so no task of ours blocks the page. */

/** Options of mapTextsBack. */
export interface MapBackOptions {
  /** Longest slice of work before yielding to the page; default 8 ms. */
  sliceMs?: number;
  now?: () => number;
  /** Gives the page its thread back between slices (default: a macrotask). */
  yieldTask?: () => Promise<void>;
  /** Called with each slice's duration (the bench and the log report the longest). */
  onSlice?: (ms: number) => void;
}

/** How far ahead a live node may match when an earlier kept text is not on the live page (the
 *  parsed copy can differ: <noscript> content, text a script rewrote since). */
const LOOKAHEAD = 8;
/** Shortest text allowed to match ahead (a lone "and" or "," must not skip the article). */
const MIN_JUMP_CHARS = 20;
const SHOW_TEXT = 4;

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The live text nodes under `root` holding `wanted` (Readability's kept texts, in document
 *  order), matched in order by squashed text; whitespace-only nodes between two kept nodes are
 *  kept too, so words stay apart. */
export async function mapTextsBack(root: Node, wanted: readonly string[], opts: MapBackOptions = {}): Promise<Set<Text>> {
  const now = opts.now ?? (() => performance.now());
  const sliceMs = opts.sliceMs ?? 8;
  const targets = wanted.map(squash).filter((s) => s.length > 0);
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const kept = new Set<Text>();
  let next = 0;
  let blanks: Text[] = [];
  let lastKept = false;
  let sliceStart = now();
  for (let count = 0, node = walker.nextNode(); node && next < targets.length; node = walker.nextNode(), count++) {
    if ((count & 255) === 255 && now() - sliceStart > sliceMs) {
      opts.onSlice?.(now() - sliceStart);
      await (opts.yieldTask ?? defaultYield)();
      sliceStart = now();
    }
    const text = node as Text;
    const squashed = squash(text.data);
    if (squashed.length === 0) {
      if (lastKept) blanks.push(text);
      continue;
    }
    const at = matchAt(targets, next, squashed);
    if (at < 0) {
      lastKept = false;
      blanks = [];
      continue;
    }
    if (lastKept && at === next) for (const blank of blanks) kept.add(blank);
    kept.add(text);
    next = at + 1;
    lastKept = true;
    blanks = [];
  }
  opts.onSlice?.(now() - sliceStart);
  return kept;
}

/** Index of `text` among targets[from .. from + LOOKAHEAD] (only `from` itself for short
 *  texts), or -1. */
function matchAt(targets: readonly string[], from: number, text: string): number {
  if (targets[from] === text) return from;
  if (text.length < MIN_JUMP_CHARS) return -1;
  const end = Math.min(targets.length, from + 1 + LOOKAHEAD);
  for (let i = from + 1; i < end; i++) if (targets[i] === text) return i;
  return -1;
}
