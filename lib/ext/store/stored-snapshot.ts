/** A corpus snapshot as the store keeps it in its 'snapshot' and 'snapshotTexts' records: the
 *  index's typed arrays, long strings and texts in Blobs (see snapshot-blobs.ts), the rest in
 *  the record. */
import type { PackedCorpusIndex } from '../../match/index/corpus-index';
import { withoutTexts } from '../../match/snapshot/packed-index';
import type { CorpusSnapshot } from './corpus-store';
import { blobOfBytes, joinColumns, joinStrings, splitColumns, splitStrings, type StoredColumns, type StoredStrings } from './snapshot-blobs';

/** The snapshot's part of a 'snapshot' record: `columns` holds the index's typed arrays (its own
 *  are then empty) and `strings` its metadata and the keys (both '' in the record); both absent
 *  in a record written before they were Blobs, whose index and keys are as they are. */
export interface SnapshotValue extends CorpusSnapshot { columns?: StoredColumns[]; strings?: StoredStrings }

/** A snapshot made ready to store: its Blobs are made before the transaction, which would
 *  commit early if it waited on anything but its own requests. */
export interface ReadySnapshot { head: PackedCorpusIndex; columns: StoredColumns[]; strings: StoredStrings; texts: Blob; textBytes: number }

/** Copies a snapshot's typed arrays and texts into Blobs, a piece per turn (pages are answered
 *  between pieces). */
export async function readySnapshot(snapshot: CorpusSnapshot): Promise<ReadySnapshot> {
  const { index, keys } = snapshot;
  const { head, columns } = await splitColumns(withoutTexts(index), nextTurn);
  const strings = await splitStrings([index.meta, keys], nextTurn);
  return { head: { ...head, meta: '' }, columns, strings, texts: await blobOfBytes([index.texts], nextTurn), textBytes: index.texts.length };
}

/** The snapshot a record holds, its Blobs read (in parallel); null when they do not fit. */
export async function snapshotOfRecord(record: SnapshotValue): Promise<CorpusSnapshot | null> {
  if (!record.columns && !record.strings) return { index: record.index, keys: record.keys };
  if (!record.columns || !record.strings) return null;
  const [index, strings] = await Promise.all([joinColumns(record.index, record.columns), joinStrings(record.strings)]);
  if (!index || strings?.length !== 2) return null;
  const [meta, keys] = strings as [string, string];
  return { index: { ...index, meta }, keys };
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
