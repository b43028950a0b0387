/** Feed XML checked and parsed a piece at a time, so a big feed never holds the thread for
 *  long: the document is cut at its items (<item>, <entry>, any prefix); the items are checked
 *  and parsed with fast-xml-parser a batch of them at a time, and the rest of the document
 *  (each run of sibling items left as one numbered stand-in) once; the items then go back in
 *  their places. The answer is exactly what one call on the whole document gives (the tests
 *  compare them on hostile documents). Whatever the cut is not sure of is read in one call, as before: a DOCTYPE (it may declare
 *  entities the items use), markup it does not recognise, or any piece that does not check. Pure. */
import { XMLValidator } from 'fast-xml-parser';
import type { Slicing } from './parse-feed';
import { parseXml, xmlFeedError } from './xml-feed';
import type { XmlObject, XmlValue } from './xml-node';

/** The elements cut out as pieces, by local name (prefixes are dropped, as the parser drops them). */
const PIECE_NAMES = new Set(['item', 'entry']);
/** Tokens scanned between two looks at the clock. */
const TOKENS_PER_LOOK = 256;
/** Most characters of items parsed in one call (a few ms of fast-xml-parser). */
const BATCH_CHARS = 16_000;
/** The element that holds a batch of items for one call (never an item's name). */
const BATCH = 'echoes-batch';

/** The document cut at its items: `skeleton` is the document with each run of outermost
 *  sibling items (of one name, nothing but white space between them) replaced by one
 *  `<name>${slot}${n}</name>` (prefix kept); `runs[n]` holds that run's items' text. */
export interface XmlCut { skeleton: string; runs: Array<{ name: string; pieces: string[] }>; slot: string }

type Parsed = { ok: true; root: XmlObject } | { ok: false; error: string };

/** Checks and parses `xml` as xmlFeedError then parseXml would, in slices; a broken document
 *  answers xmlFeedError's message for the whole document (its line and column). */
export async function readXmlInSlices(xml: string, slicing: Slicing): Promise<Parsed> {
  const cut = await drive(cutAtItems(xml), slicing);
  await slicing.pause();
  const pieces = cut ? await checkAndParse(cut, slicing) : null;
  if (pieces) {
    const root = assemble(pieces.skeleton, pieces.runs, cut!.slot);
    if (root) return { ok: true, root };
  }
  // Not cut, or a piece that did not check: the whole document in one call, for its exact answer.
  const broken = xmlFeedError(xml);
  if (broken) return { ok: false, error: broken };
  await slicing.pause();
  return parseXml(xml);
}

/** Runs a generator that yields now and then, pausing whenever a slice is used up. */
async function drive<T>(steps: Generator<void, T>, slicing: Slicing): Promise<T> {
  let sliceStart = slicing.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slicing.now() - sliceStart >= slicing.sliceMs) {
      await slicing.pause();
      sliceStart = slicing.now();
    }
  }
}

const START_TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([^\s/>]+)\s*>/y;

/** Cuts `xml` at its outermost item elements; null when it holds a DOCTYPE or other
 *  declaration, markup this scan does not recognise, or tags that do not pair up. */
export function* cutAtItems(xml: string): Generator<void, XmlCut | null> {
  // A stand-in text the document does not hold; a few tries, then one call (a document could
  // hold any number of them, and each look reads all of it).
  const slot = ['', 'x', 'y', 'z'].map((tail) => `echoes-piece-${tail}`).find((s) => !xml.includes(s));
  if (slot === undefined) return null;
  const stack: string[] = [];
  const parts: string[] = [];
  const runs: XmlCut['runs'] = [];
  let piece: { start: number; depth: number; name: string } | null = null;
  let copied = 0;
  let at = 0;
  const close = (end: number) => {
    const { start, name } = piece!;
    const last = runs[runs.length - 1];
    // A sibling of the last item, only XML white space (which the parser drops) between them.
    if (last && last.name === name && /^[ \t\r\n]*$/.test(xml.slice(copied, start))) last.pieces.push(xml.slice(start, end));
    else {
      parts.push(xml.slice(copied, start), `<${name}>${slot}${runs.length}</${name}>`);
      runs.push({ name, pieces: [xml.slice(start, end)] });
    }
    copied = end;
    piece = null;
  };
  for (let tokens = 1; ; tokens++) {
    if (tokens % TOKENS_PER_LOOK === 0) yield;
    const lt = xml.indexOf('<', at);
    if (lt < 0) break;
    const skip = skipped(xml, lt);
    if (skip === null) return null;
    if (skip > 0) {
      at = skip;
      continue;
    }
    if (xml.startsWith('</', lt)) {
      END_TAG.lastIndex = lt;
      const end = END_TAG.exec(xml);
      if (!end || stack.pop() !== end[1]) return null;
      at = END_TAG.lastIndex;
      if (piece && stack.length === piece.depth) close(at);
      continue;
    }
    START_TAG.lastIndex = lt;
    const start = START_TAG.exec(xml);
    if (!start) return null;
    at = START_TAG.lastIndex;
    const name = start[1]!;
    if (!piece && PIECE_NAMES.has(name.slice(name.indexOf(':') + 1))) piece = { start: lt, depth: stack.length, name };
    if (start[3] !== '/') stack.push(name);
    else if (piece && stack.length === piece.depth) close(at);
  }
  if (stack.length > 0 || piece) return null;
  parts.push(xml.slice(copied));
  return { skeleton: parts.join(''), runs, slot };
}

/** Where a comment, CDATA section or processing instruction at `lt` ends (0: none is there;
 *  null: a declaration such as DOCTYPE, or one that never ends). */
function skipped(xml: string, lt: number): number | null {
  const ends: Array<[string, string]> = [['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>']];
  for (const [open, end] of ends) {
    if (!xml.startsWith(open, lt)) continue;
    const found = xml.indexOf(end, lt + open.length);
    return found < 0 ? null : found + end.length;
  }
  return xml.startsWith('<!', lt) ? null : 0;
}

/** The skeleton and each run's items checked and parsed (a batch of items per call, a slice
 *  at a time); null when any part does not check or does not give back its items: the caller
 *  then reads the whole in one call. */
async function checkAndParse(cut: XmlCut, slicing: Slicing): Promise<{ skeleton: XmlObject; runs: XmlValue[][] } | null> {
  const skeleton = checkedParse(cut.skeleton);
  if (!skeleton) return null;
  // The skeleton is a task of its own; then a slice of batches at a time.
  await slicing.pause();
  const runs: XmlValue[][] = [];
  let sliceStart = slicing.now();
  for (const run of cut.runs) {
    const values: XmlValue[] = [];
    for (const batch of batchesOf(run.pieces)) {
      const root = checkedParse(`<${BATCH}>${batch.join('')}</${BATCH}>`);
      const held = root ? root[BATCH] : undefined;
      const local = run.name.slice(run.name.indexOf(':') + 1);
      // The batch element holds these items and nothing else, in their order.
      const items = held && typeof held === 'object' && !Array.isArray(held) && Object.keys(held).length === 1 ? held[local] : undefined;
      if (!Array.isArray(items) || items.length !== batch.length) return null;
      values.push(...items);
      if (slicing.now() - sliceStart >= slicing.sliceMs) {
        await slicing.pause();
        sliceStart = slicing.now();
      }
    }
    runs.push(values);
  }
  return { skeleton, runs };
}

/** Consecutive items in batches of at most BATCH_CHARS (or one item, when it alone is larger). */
function* batchesOf(pieces: readonly string[]): Generator<string[]> {
  let batch: string[] = [];
  let chars = 0;
  for (const piece of pieces) {
    if (batch.length > 0 && chars + piece.length > BATCH_CHARS) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(piece);
    chars += piece.length;
  }
  if (batch.length > 0) yield batch;
}

/** fast-xml-parser's check then parse of one document; null when either fails. */
function checkedParse(xml: string): XmlObject | null {
  if (XMLValidator.validate(xml) !== true) return null;
  const parsed = parseXml(xml);
  return parsed.ok ? parsed.root : null;
}

/** The skeleton with each stand-in replaced by its run's items; null unless every value under
 *  an item's name is a stand-in and every run is placed once. */
function assemble(skeleton: XmlObject, runs: readonly XmlValue[][], slot: string): XmlObject | null {
  const placed = new Set<number>();
  const standIn = (value: XmlValue): XmlValue[] | null => {
    const digits = typeof value === 'string' && value.startsWith(slot) ? value.slice(slot.length) : '';
    const n = /^\d{1,9}$/.test(digits) ? Number(digits) : -1;
    if (n < 0 || n >= runs.length || placed.has(n)) return null;
    placed.add(n);
    return runs[n]!;
  };
  const visit = (value: XmlValue): boolean => {
    if (Array.isArray(value)) return value.every(visit);
    if (!value || typeof value !== 'object') return true;
    for (const [key, inner] of Object.entries(value)) {
      if (!PIECE_NAMES.has(key)) {
        if (!visit(inner)) return false;
        continue;
      }
      if (!Array.isArray(inner)) return false;
      const replaced = inner.map(standIn);
      if (replaced.some((v) => v === null)) return false;
      value[key] = (replaced as XmlValue[][]).flat();
    }
    return true;
  };
  return visit(skeleton) && placed.size === runs.length ? skeleton : null;
}
