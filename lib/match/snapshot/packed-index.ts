/** The packed snapshot of a CorpusIndex that IndexedDB keeps (the prebuilt asset's JSON form is
 *  in serialize.ts): the same parts, laid out for structured clone. */
import type { Article } from '../../corpus/article';
import { ArticleRows } from '../index/article-rows';
import type { RevivedTable } from '../index/revived-table';
import { runSteps } from '../index/steps';
import { packPostingSteps, unpackPostings, type PackedPostings } from './packed-postings';
import type { SentenceColumns } from '../index/sentence-table';
import type { IndexParts } from './serialize';

/** Format tag and version of the packed snapshot that IndexedDB keeps. Version 4 packs the
 *  sentence ids of the shingle table into 3 bytes (see PackedPostings); a snapshot of version 3
 *  (4-byte ids, no `idBytes`) is read as it is and saved as version 4 the next time. */
export const PACKED_FORMAT = 'echoes-corpus-index-packed';
export const PACKED_VERSION = 4;
const READABLE_VERSIONS: readonly number[] = [3, PACKED_VERSION];

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
  /** PACKED_VERSION when written; 3 in a snapshot saved before version 4. */
  version: typeof PACKED_VERSION | 3;
  /** JSON array: per slot [id, outlet, site, url, published, title, credit, publishedAt?], or null. */
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

const BLOCK_KINDS = ['headline', 'heading', 'body', 'caption'] as const;
type MetaRow = [string, string, string | null, string | null, string | null, string | null, string | null, (string | null)?];

/** Parts -> packed snapshot. The typed arrays are referenced, not copied: clone or store the
 *  result before the index changes again. */
export function packIndex(parts: IndexParts): PackedCorpusIndex {
  return runSteps(packSteps(parts));
}

/** Articles packed between two of packSteps' pauses (~5 MB of text to encode). */
const ARTICLES_PER_STEP = 1000;

/** packIndex a piece at a time: pauses (yields) between pieces of articles and of the shingle
 *  table, so a caller can let other work run meanwhile; `parts` must not change meanwhile. */
export function* packSteps(parts: IndexParts): Generator<void, PackedCorpusIndex> {
  const meta: Array<MetaRow | null> = [];
  const texts: Uint8Array[] = [];
  const textEnds = new Uint32Array(parts.articles.length);
  const blockEnds = new Uint32Array(parts.articles.length);
  const blockCount = parts.articles.reduce((n, a) => n + (a?.blocks.length ?? 0), 0);
  const blockRanges = new Uint32Array(blockCount * 2);
  const blockKinds = new Uint8Array(blockCount);
  let chars = 0;
  let blocks = 0;
  for (let slot = 0; slot < parts.articles.length; slot++) {
    const a = parts.articles[slot];
    if (a) {
      meta.push(a.publishedAt ? [a.id, a.outlet, a.site, a.url, a.published, a.title, a.credit, a.publishedAt] : [a.id, a.outlet, a.site, a.url, a.published, a.title, a.credit]);
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
    if ((slot + 1) % ARTICLES_PER_STEP === 0) yield;
  }
  const joined = new Uint8Array(chars);
  for (let i = 0, at = 0; i < texts.length; i++) {
    const part = texts[i] as Uint8Array;
    joined.set(part, at);
    at += part.length;
    if ((i + 1) % ARTICLES_PER_STEP === 0) yield;
  }
  yield;
  const postings = yield* packPostingSteps(parts.postings, parts.sentences.article.length);
  return {
    format: PACKED_FORMAT, version: PACKED_VERSION, meta: JSON.stringify(meta), texts: joined,
    textEnds, blockEnds, blockRanges, blockKinds, sentences: parts.sentences, postings,
  };
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

/** The parts of a revived snapshot: as IndexParts, with articles made when first read and the
 *  shingle table read as stored. */
export type RevivedParts = Omit<IndexParts, 'articles' | 'postings'> & { articles: ArticleRows; table: RevivedTable };

/** Packed snapshot -> parts, checking types and sizes; `{ error }` says what is wrong (a
 *  snapshot of another version, or damaged: the caller rebuilds from the articles). With `late`,
 *  texts come from it (data.texts is not read). */
export function unpackIndex(data: PackedCorpusIndex, late?: LateTexts): RevivedParts | { error: string } {
  if (data?.format !== PACKED_FORMAT || !READABLE_VERSIONS.includes(data.version)) {
    return { error: `not a packed Echoes index of version ${READABLE_VERSIONS.join(' or ')}` };
  }
  const s = data.sentences;
  const p = data.postings;
  const u32 = [data.textEnds, data.blockEnds, data.blockRanges, s?.article, s?.index, s?.start, s?.end, p?.bigSizes, p?.stopped];
  if (!u32.every((x) => x instanceof Uint32Array) || !(s.words instanceof Uint16Array)
    || !(data.blockKinds instanceof Uint8Array) || !(p.sizes instanceof Uint8Array) || !(data.texts instanceof Uint8Array)) {
    return { error: 'packed index columns have the wrong types' };
  }
  const n = s.article.length;
  if (s.index.length !== n || s.start.length !== n || s.end.length !== n || s.words.length !== n) {
    return { error: 'sentence columns differ in length' };
  }
  const table = unpackPostings(p);
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
  return { articles: unpackArticles(meta as Array<MetaRow | null>, data, late ?? { bytes: data.texts, byId: new Map(), expectedBytes: data.texts.length }), sentences: s, table };
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
    const [id, outlet, site, url, published, title, credit, publishedAt] = meta[slot] as MetaRow;
    const blocks = [];
    for (let b = slot > 0 ? (blockEnds[slot - 1] as number) : 0; b < (blockEnds[slot] as number); b++) {
      blocks.push({ kind: BLOCK_KINDS[blockKinds[b] as number] ?? 'body', start: blockRanges[b * 2] as number, end: blockRanges[b * 2 + 1] as number });
    }
    return withLazyText({ id, outlet, site, url, published, title, credit, blocks, ...(publishedAt ? { publishedAt } : {}) }, texts, slot > 0 ? (textEnds[slot - 1] as number) : 0, textEnds[slot] as number);
  });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function utf8Of(article: Article): Uint8Array {
  return encoder.encode(article.text);
}
