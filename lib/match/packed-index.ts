/** The packed snapshot of a CorpusIndex that IndexedDB keeps (the prebuilt asset's JSON form is
 *  in serialize.ts): the same parts, laid out for structured clone. */
import type { Article } from '../corpus/article';
import { ArticleRows } from './article-rows';
import { LazyOffsets, OFFSET_BLOCK_BITS, type Postings } from './postings';
import type { SentenceColumns } from './sentence-table';
import type { IndexParts } from './serialize';

/** Format tag and version of the packed snapshot that IndexedDB keeps. */
export const PACKED_FORMAT = 'echoes-corpus-index-packed';
export const PACKED_VERSION = 3;

/** Snapshot of a CorpusIndex for structured clone (IndexedDB): typed arrays stored as they are
 *  and the articles packed into a few values, since cloning one byte array and one short JSON
 *  costs far less than 10,000 article objects and their ~100,000 strings and blocks.
 *  Slot i (an index into the article list; null slots were removed, replaced or uncommitted) has
 *  metadata `JSON.parse(meta)[i]`, text `texts[textEnds[i-1] ?? 0 .. textEnds[i])` and blocks
 *  `blockEnds[i-1] ?? 0 .. blockEnds[i]` of blockRanges (start, end pairs) and blockKinds.
 *  Texts are UTF-8: news text is nearly all ASCII, but one curly quote makes a JS string two
 *  bytes per character, so this halves the largest part (103 -> 52 MB at 10,000 articles) for
 *  about the same CPU: decoding 52 MB (~40 ms) costs what cloning the 103 MB string did. */
export interface PackedCorpusIndex {
  format: typeof PACKED_FORMAT;
  version: typeof PACKED_VERSION;
  /** JSON array: per slot [id, outlet, site, url, published, title, credit], or null. */
  meta: string;
  /** UTF-8 bytes of the slots' texts, one after another; textEnds are byte offsets. */
  texts: Uint8Array;
  textEnds: Uint32Array;
  blockEnds: Uint32Array;
  blockRanges: Uint32Array;
  /** Index into BLOCK_KINDS. */
  blockKinds: Uint8Array;
  sentences: SentenceColumns;
  postings: PackedPostings;
}

/** The shingle table as stored: list sizes instead of offsets (one byte per bucket, sizes of
 *  255 or more listed apart as bucket, size pairs) and the stop-listed buckets by number. At
 *  2^23 buckets that is 8 MB instead of 40 (offsets 32 + flags 8); offsets are summed back. */
export interface PackedPostings {
  bits: number;
  cap: number;
  sizes: Uint8Array;
  bigSizes: Uint32Array;
  postings: Uint32Array;
  stopped: Uint32Array;
}

const BLOCK_KINDS = ['headline', 'heading', 'body', 'caption'] as const;
type MetaRow = [string, string, string | null, string | null, string | null, string | null, string | null];

/** Parts -> packed snapshot. The typed arrays are referenced, not copied: clone or store the
 *  result before the index changes again. */
export function packIndex(parts: IndexParts): PackedCorpusIndex {
  const meta: Array<MetaRow | null> = [];
  const texts: Uint8Array[] = [];
  const textEnds = new Uint32Array(parts.articles.length);
  const blockEnds = new Uint32Array(parts.articles.length);
  const blockCount = parts.articles.reduce((n, a) => n + (a?.blocks.length ?? 0), 0);
  const blockRanges = new Uint32Array(blockCount * 2);
  const blockKinds = new Uint8Array(blockCount);
  let chars = 0;
  let blocks = 0;
  parts.articles.forEach((a, slot) => {
    if (a) {
      meta.push([a.id, a.outlet, a.site, a.url, a.published, a.title, a.credit]);
      const bytes = utf8Of(a);
      texts.push(bytes);
      chars += bytes.length;
      for (const b of a.blocks) {
        blockRanges[blocks * 2] = b.start;
        blockRanges[blocks * 2 + 1] = b.end;
        blockKinds[blocks++] = Math.max(0, BLOCK_KINDS.indexOf(b.kind));
      }
    } else {
      meta.push(null);
    }
    textEnds[slot] = chars;
    blockEnds[slot] = blocks;
  });
  return {
    format: PACKED_FORMAT, version: PACKED_VERSION, meta: JSON.stringify(meta), texts: concat(texts, chars),
    textEnds, blockEnds, blockRanges, blockKinds, sentences: parts.sentences, postings: packPostings(parts.postings),
  };
}

function packPostings(p: Postings): PackedPostings {
  const n = 2 ** p.bits;
  const sizes = new Uint8Array(n);
  const big: number[] = [];
  const stopped: number[] = [];
  for (let b = 0; b < n; b++) {
    const size = (p.offsets[b + 1] as number) - (p.offsets[b] as number);
    if (size < 255) sizes[b] = size;
    else (sizes[b] = 255), big.push(b, size);
    if (p.stopped[b]) stopped.push(b);
  }
  return { bits: p.bits, cap: p.cap, sizes, bigSizes: Uint32Array.from(big), postings: p.postings, stopped: Uint32Array.from(stopped) };
}

/** Flags and block offsets back from sizes (the offsets themselves are summed later, a block at
 *  a time: see LazyOffsets); null when the sizes do not add up to the postings. */
function unpackPostings(p: PackedPostings): { postings: Postings; offsets: LazyOffsets } | null {
  const n = 2 ** p.bits;
  if (p.sizes.length !== n || p.bigSizes.length % 2 !== 0) return null;
  const big = new Map<number, number>();
  for (let i = 0; i < p.bigSizes.length; i += 2) {
    const b = p.bigSizes[i] as number;
    const size = p.bigSizes[i + 1] as number;
    if (b >= n || p.sizes[b] !== 255 || size < 255 || big.has(b)) return null;
    big.set(b, size);
  }
  const blockStarts = blockOffsets(p.sizes);
  let total = blockStarts[blockStarts.length - 1] as number;
  for (const size of big.values()) total += size - 255;
  if (total !== p.postings.length) return null;
  // Each block's start also counts what earlier buckets of 255 or more held over 255.
  if (big.size > 0) {
    const extra = new Float64Array(blockStarts.length);
    for (const [b, size] of big) extra[(b >>> OFFSET_BLOCK_BITS) + 1]! += size - 255;
    for (let k = 1, sum = 0; k < blockStarts.length; k++) blockStarts[k] = (blockStarts[k] as number) + (sum += extra[k] as number);
  }
  const stopped = new Uint8Array(n);
  for (const b of p.stopped) {
    if (b >= n) return null;
    stopped[b] = 1;
  }
  const offsets = new Uint32Array(n + 1);
  return {
    postings: { bits: p.bits, cap: p.cap, offsets, postings: p.postings, stopped },
    offsets: new LazyOffsets(offsets, p.sizes, big, blockStarts.subarray(0, blockStarts.length - 1)),
  };
}

/** Per block of 2^OFFSET_BLOCK_BITS buckets, the sum of the sizes before it (one more entry: the
 *  sum of all). Sizes are read four at a time from 32-bit words (two 16-bit lane sums per word,
 *  folded before a lane can overflow) when they are aligned for it: ~4x fewer reads. */
function blockOffsets(sizes: Uint8Array): Uint32Array {
  const per = 1 << OFFSET_BLOCK_BITS;
  const blocks = Math.ceil(sizes.length / per);
  const starts = new Uint32Array(blocks + 1);
  let total = 0;
  if (sizes.byteOffset % 4 === 0 && sizes.length % per === 0) {
    const words = new Uint32Array(sizes.buffer, sizes.byteOffset, sizes.length / 4);
    const fold = Math.min(128, per / 4); // words summed per fold: 128 x 2 x 255 < 2^16
    for (let k = 0, w = 0; k < blocks; k++) {
      for (const blockEnd = w + per / 4; w < blockEnd;) {
        let lanes = 0;
        for (const end = w + fold; w < end; w++) {
          const x = words[w] as number;
          lanes += (x & 0xff00ff) + ((x >>> 8) & 0xff00ff);
        }
        total += (lanes & 0xffff) + (lanes >>> 16);
      }
      starts[k + 1] = total;
    }
    return starts;
  }
  for (let k = 0; k < blocks; k++) {
    for (let b = k * per, end = Math.min(sizes.length, b + per); b < end; b++) total += sizes[b] as number;
    starts[k + 1] = total;
  }
  return starts;
}

/** Texts that arrive after the rest of a snapshot (the store keeps them apart, so a woken worker
 *  can answer before reading them all): an article's text is read from `bytes` once they are
 *  in, before that from `byId` (the texts fetched for a page's candidates); reading one that is
 *  in neither throws. */
export interface LateTexts {
  bytes: Uint8Array | null;
  byId: Map<string, string>;
  /** How many bytes of texts the snapshot was packed with (to check `bytes` before use). */
  expectedBytes: number;
}

/** The snapshot without its texts (what the store keeps apart). */
export function withoutTexts(data: PackedCorpusIndex): PackedCorpusIndex {
  return { ...data, texts: new Uint8Array(0) };
}

/** Whether `bytes` are the texts `data` was packed with (as long as its text offsets say). */
export function textsFit(data: PackedCorpusIndex, bytes: Uint8Array): boolean {
  const slots = data.textEnds.length;
  return bytes instanceof Uint8Array && bytes.length === (slots > 0 ? data.textEnds[slots - 1] : 0);
}

/** The parts of a revived snapshot: as IndexParts, with articles made when first read. */
export type RevivedParts = Omit<IndexParts, 'articles'> & { articles: ArticleRows; offsets: LazyOffsets };

/** Packed snapshot -> parts, checking types and sizes; `{ error }` says what is wrong (a
 *  snapshot of another version, or damaged: the caller rebuilds from the articles). With `late`,
 *  texts come from it (data.texts is not read). */
export function unpackIndex(data: PackedCorpusIndex, late?: LateTexts): RevivedParts | { error: string } {
  if (data?.format !== PACKED_FORMAT || data.version !== PACKED_VERSION) {
    return { error: `not a packed Echoes index of version ${PACKED_VERSION}` };
  }
  const s = data.sentences;
  const p = data.postings;
  const u32 = [data.textEnds, data.blockEnds, data.blockRanges, s?.article, s?.index, s?.start, s?.end, p?.bigSizes, p?.postings, p?.stopped];
  if (!u32.every((x) => x instanceof Uint32Array) || !(s.words instanceof Uint16Array)
    || !(data.blockKinds instanceof Uint8Array) || !(p.sizes instanceof Uint8Array) || !(data.texts instanceof Uint8Array)) {
    return { error: 'packed index columns have the wrong types' };
  }
  const n = s.article.length;
  if (s.index.length !== n || s.start.length !== n || s.end.length !== n || s.words.length !== n) {
    return { error: 'sentence columns differ in length' };
  }
  const table = Number.isInteger(p.bits) && p.bits >= OFFSET_BLOCK_BITS && p.bits <= 30 ? unpackPostings(p) : null;
  if (!table) return { error: 'shingle table is malformed' };
  let meta: unknown;
  try {
    meta = JSON.parse(data.meta);
  } catch {
    return { error: 'article metadata is not JSON' };
  }
  const slots = data.textEnds.length;
  if (!Array.isArray(meta) || meta.length !== slots || data.blockEnds.length !== slots || data.blockRanges.length !== data.blockKinds.length * 2
    || (!late && !textsFit(data, data.texts))) {
    return { error: 'article columns differ in length' };
  }
  return { articles: unpackArticles(meta as Array<MetaRow | null>, data, late ?? { bytes: data.texts, byId: new Map(), expectedBytes: data.texts.length }), sentences: s, postings: table.postings, offsets: table.offsets };
}

/** The article with `text` decoded from `bytes` when first read: a woken worker decodes only
 *  the articles its first pages meet instead of all of them (~50 MB of UTF-8 at 10,000 articles,
 *  about half of reviving), and a spread, JSON or structured clone reads it like any field. */
function withLazyText(fields: Omit<Article, 'text'>, texts: LateTexts, start: number, end: number): Article {
  let text: string | null = null;
  const read = (): string => {
    const fetched = texts.byId.get(fields.id);
    if (fetched !== undefined) return fetched;
    if (texts.bytes) return decoder.decode(texts.bytes.subarray(start, end));
    throw new Error(`the text of article ${fields.id} was read before it was loaded`);
  };
  return Object.defineProperty(fields, 'text', {
    enumerable: true,
    configurable: true,
    get: () => (text ??= read()),
    set: (value: string) => void (text = value),
  }) as Article;
}

function unpackArticles(meta: Array<MetaRow | null>, data: PackedCorpusIndex, texts: LateTexts): ArticleRows {
  const { textEnds, blockEnds, blockRanges, blockKinds } = data;
  return ArticleRows.lazy(meta.map((row) => row?.[0] ?? null), (slot) => {
    const [id, outlet, site, url, published, title, credit] = meta[slot] as MetaRow;
    const blocks = [];
    for (let b = slot > 0 ? (blockEnds[slot - 1] as number) : 0; b < (blockEnds[slot] as number); b++) {
      blocks.push({ kind: BLOCK_KINDS[blockKinds[b] as number] ?? 'body', start: blockRanges[b * 2] as number, end: blockRanges[b * 2 + 1] as number });
    }
    return withLazyText({ id, outlet, site, url, published, title, credit, blocks }, texts, slot > 0 ? (textEnds[slot - 1] as number) : 0, textEnds[slot] as number);
  });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function utf8Of(article: Article): Uint8Array {
  return encoder.encode(article.text);
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) out.set(part, at), (at += part.length);
  return out;
}
