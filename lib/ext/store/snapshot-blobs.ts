/** The typed arrays of a stored snapshot kept as one Blob instead of as cloned values. Reading a
 *  Blob back (blob.arrayBuffer()) copies its bytes off the worker's thread, while a typed array
 *  in a record is deserialised on it: for 160 MB in a woken worker, 150 ms against 330-370 ms in
 *  Chromium and 450-630 ms against 1,170-1,420 ms in Firefox (2026-12-04). Writing one costs a
 *  copy into the Blob (~0.65 ms per MB, done in pieces between turns) instead of a clone of the
 *  whole value in one go (~3 ms per MB in Chromium). Sliced reads of a stored Blob are no way to
 *  read only a page's buckets: each slice read costs ~0.5 ms in Chromium and ~0.2 ms in Firefox,
 *  composed into one Blob or not (10,000 slices of 8 bytes: 5.5 s and 1.8 s). */
import type { PackedCorpusIndex } from '../../match/index/corpus-index';

type Column = Uint8Array | Uint16Array | Uint32Array;
type Kind = 'u8' | 'u16' | 'u32';

/** Where one column lies in the Blob: `length` elements of `kind` from byte `offset`. */
interface ColumnPlace { name: ColumnName; kind: Kind; offset: number; length: number }

/** Some of a snapshot's columns as stored: a Blob and where each column is in it. */
export interface StoredColumns { blob: Blob; places: ColumnPlace[] }

/** The columns moved into the Blob, by name; each reads and writes one field of the snapshot. */
const COLUMNS = {
  textEnds: { get: (i) => i.textEnds, set: (i, c) => void (i.textEnds = c as Uint32Array) },
  blockEnds: { get: (i) => i.blockEnds, set: (i, c) => void (i.blockEnds = c as Uint32Array) },
  blockRanges: { get: (i) => i.blockRanges, set: (i, c) => void (i.blockRanges = c as Uint32Array) },
  blockKinds: { get: (i) => i.blockKinds, set: (i, c) => void (i.blockKinds = c as Uint8Array) },
  sentenceArticle: { get: (i) => i.sentences.article, set: (i, c) => void (i.sentences.article = c as Uint32Array) },
  sentenceIndex: { get: (i) => i.sentences.index, set: (i, c) => void (i.sentences.index = c as Uint32Array) },
  sentenceStart: { get: (i) => i.sentences.start, set: (i, c) => void (i.sentences.start = c as Uint32Array) },
  sentenceEnd: { get: (i) => i.sentences.end, set: (i, c) => void (i.sentences.end = c as Uint32Array) },
  sentenceWords: { get: (i) => i.sentences.words, set: (i, c) => void (i.sentences.words = c as Uint16Array) },
  sizes: { get: (i) => i.postings.sizes, set: (i, c) => void (i.postings.sizes = c as Uint8Array) },
  bigSizes: { get: (i) => i.postings.bigSizes, set: (i, c) => void (i.postings.bigSizes = c as Uint32Array) },
  postings: { get: (i) => i.postings.postings, set: (i, c) => void (i.postings.postings = c as Uint32Array | Uint8Array) },
  stopped: { get: (i) => i.postings.stopped, set: (i, c) => void (i.postings.stopped = c as Uint32Array) },
} satisfies Record<string, { get: (i: PackedCorpusIndex) => Column; set: (i: PackedCorpusIndex, c: Column) => void }>;
type ColumnName = keyof typeof COLUMNS;

/** Bytes copied into a Blob per turn (~5 ms), so a page's request is answered between pieces. */
export const BLOB_PIECE_BYTES = 8 << 20;

const kindOf = (c: Column): Kind => (c instanceof Uint8Array ? 'u8' : c instanceof Uint16Array ? 'u16' : 'u32');
const EMPTY: Record<Kind, () => Column> = { u8: () => new Uint8Array(0), u16: () => new Uint16Array(0), u32: () => new Uint32Array(0) };
const BYTES: Record<Kind, number> = { u8: 1, u16: 2, u32: 4 };

/** `bytes` as one Blob, copied a piece at a time with `pause` between pieces (the pieces are
 *  Blobs of their own, joined at the end without another copy). */
export async function blobOfBytes(bytes: readonly Uint8Array[], pause: () => Promise<void>): Promise<Blob> {
  const pieces: Blob[] = [];
  let since = 0;
  for (const part of bytes) {
    for (let at = 0; at < part.length; at += BLOB_PIECE_BYTES) {
      const piece = part.subarray(at, at + BLOB_PIECE_BYTES);
      pieces.push(new Blob([piece as Uint8Array<ArrayBuffer>]));
      since += piece.length;
      if (since >= BLOB_PIECE_BYTES) await pause(), (since = 0);
    }
  }
  return new Blob(pieces);
}

/** The columns by Blob: the sentence and article columns, kept for the index's life, apart
 *  from the shingle table's stored form, which is dropped once its offsets are summed and its ids
 *  widened (views into one buffer would keep all of it alive: ~96 MB at 50,000 articles). */
const GROUPS: readonly (readonly ColumnName[])[] = [
  ['textEnds', 'blockEnds', 'blockRanges', 'blockKinds', 'sentenceArticle', 'sentenceIndex', 'sentenceStart', 'sentenceEnd', 'sentenceWords'],
  ['sizes', 'bigSizes', 'postings', 'stopped'],
];

/** The snapshot with its columns moved into Blobs: `head` (the rest, the columns left empty)
 *  and `columns` (one per group). Each column starts at a multiple of 8 bytes, so it is viewed
 *  in place when read. The columns are copied: `index` may change once this has resolved. */
export async function splitColumns(index: PackedCorpusIndex, pause: () => Promise<void>): Promise<{ head: PackedCorpusIndex; columns: StoredColumns[] }> {
  const head: PackedCorpusIndex = { ...index, sentences: { ...index.sentences }, postings: { ...index.postings } };
  const columns: StoredColumns[] = [];
  for (const group of GROUPS) {
    const places: ColumnPlace[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (const name of group) {
      const column = COLUMNS[name].get(index);
      const kind = kindOf(column);
      places.push({ name, kind, offset, length: column.length });
      parts.push(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
      const padding = (8 - (column.byteLength % 8)) % 8;
      if (padding > 0) parts.push(new Uint8Array(padding));
      offset += column.byteLength + padding;
      COLUMNS[name].set(head, EMPTY[kind]());
    }
    columns.push({ blob: await blobOfBytes(parts, pause), places });
  }
  return { head, columns };
}

/** `head` with its columns read back from `columns` (views over one buffer per Blob, read in
 *  parallel); null when they do not fit (a damaged record: the caller rebuilds the index). */
export async function joinColumns(head: PackedCorpusIndex, columns: readonly StoredColumns[]): Promise<PackedCorpusIndex | null> {
  if (!Array.isArray(columns) || !columns.every((c) => c?.blob instanceof Blob && Array.isArray(c.places))) return null;
  const buffers = await Promise.all(columns.map((c) => c.blob.arrayBuffer()));
  const index: PackedCorpusIndex = { ...head, sentences: { ...head.sentences }, postings: { ...head.postings } };
  const seen = new Set<string>();
  for (const [i, { places }] of columns.entries()) {
    const buffer = buffers[i] as ArrayBuffer;
    for (const place of places) {
      const found = viewOf(buffer, place);
      if (!found || seen.has(found.name)) return null;
      seen.add(found.name);
      COLUMNS[found.name].set(index, found.view);
    }
  }
  return seen.size === Object.keys(COLUMNS).length ? index : null;
}

/** The column `place` says is in `buffer`, viewed in place; null when the place is not one. */
function viewOf(buffer: ArrayBuffer, place: unknown): { name: ColumnName; view: Column } | null {
  const { name, kind, offset, length } = (place ?? {}) as Record<string, unknown>;
  if (typeof name !== 'string' || !Object.hasOwn(COLUMNS, name) || typeof kind !== 'string' || !Object.hasOwn(BYTES, kind)) return null;
  if (typeof offset !== 'number' || typeof length !== 'number' || !Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) return null;
  if (offset < 0 || length < 0 || offset % 8 !== 0 || offset + length * BYTES[kind as Kind] > buffer.byteLength) return null;
  const view = kind === 'u8' ? new Uint8Array(buffer, offset, length) : kind === 'u16' ? new Uint16Array(buffer, offset, length) : new Uint32Array(buffer, offset, length);
  return { name: name as ColumnName, view };
}

/** Strings kept as UTF-8 in a Blob: string i is bytes `ends[i-1] ?? 0 .. ends[i]`. A record's
 *  long strings (a snapshot's article metadata and duplicate keys: ~12 MB at 50,000 articles) are
 *  deserialised on the worker's thread when it is read (~40 ms in Chromium), and decoding UTF-8
 *  costs a few. Strings of JSON.stringify only: they have no lone surrogates to lose. */
export interface StoredStrings { blob: Blob; ends: number[] }

/** `strings` as one Blob of UTF-8 (see StoredStrings). */
export async function splitStrings(strings: readonly string[], pause: () => Promise<void>): Promise<StoredStrings> {
  const bytes = strings.map((text) => encoder.encode(text));
  let at = 0;
  const ends = bytes.map((b) => (at += b.length));
  await pause();
  return { blob: await blobOfBytes(bytes, pause), ends };
}

/** The strings of splitStrings back; null when `stored` is not such a Blob or its ends do not fit. */
export async function joinStrings(stored: StoredStrings): Promise<string[] | null> {
  if (!(stored?.blob instanceof Blob) || !Array.isArray(stored.ends)) return null;
  const bytes = new Uint8Array(await stored.blob.arrayBuffer());
  const strings: string[] = [];
  let from = 0;
  for (const end of stored.ends) {
    if (!Number.isSafeInteger(end) || end < from || end > bytes.length) return null;
    strings.push(decoder.decode(bytes.subarray(from, end)));
    from = end;
  }
  return from === bytes.length ? strings : null;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The bytes of a Blob of bytes (blobOfBytes'); null when `blob` is not one. */
export async function bytesOfBlob(blob: unknown): Promise<Uint8Array | null> {
  return blob instanceof Blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}
