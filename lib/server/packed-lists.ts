/** The postings table's lists: a key's sentence ids as 4-byte big-endian integers, one after
 *  another in a bytea (what PostgreSQL's int4send writes, so SQL can build and append them). */
import { capFor } from '../match/index/postings';

/** Bytes per sentence id in a list. */
export const ID_BYTES = 4;

/** Sentence ids a list keeps at most (plus the batch that took it past): the stop cap at any
 *  corpus size (capFor's ceiling), so a longer list is stop-listed for good and never read, and
 *  appending to it would only rewrite ever longer values. */
export const FULL_LIST_IDS = capFor(Number.MAX_SAFE_INTEGER);

/** Calls `each` with every id of a list, in stored order; a trailing partial id (a corrupt
 *  value) is ignored. */
export function forEachId(list: Buffer, each: (id: number) => void): void {
  for (let at = 0; at + ID_BYTES <= list.length; at += ID_BYTES) each(list.readInt32BE(at));
}
