/** The committed user corpus as the store holds it: reviving it (snapshot plus journal) and
 *  making the snapshot of an index. */
import type { Article } from '../../corpus/article';
import { createCorpusIndex, loadPackedCorpusIndex, type CorpusIndex } from '../../match/index/corpus-index';
import type { LateTexts } from '../../match/snapshot/packed-index';
import type { CorpusSnapshot, CorpusStore } from '../store/corpus-store';
import { DuplicateKeys } from './duplicate-keys';

/** How many changes the store's journal holds: what a revive replays. */
export interface JournalSize { added: number; removed: number }
/** A journal size that makes the next change write a snapshot (nothing stored yet). */
export const NO_SNAPSHOT: JournalSize = { added: Infinity, removed: Infinity };
export const EMPTY_JOURNAL: JournalSize = { added: 0, removed: 0 };

/** A revived corpus. `keys()` unpacks the stored duplicate keys on first call (null when they
 *  are missing or damaged: hash the articles instead). */
export interface Committed {
  index: CorpusIndex;
  keys: () => DuplicateKeys | null;
  journal: JournalSize;
  /** Where the revived index reads its articles' texts while the store's copy is still to be
   *  read (see LateTexts); null when the texts came with the index. */
  late?: LateTexts | null;
}

/** The committed corpus: the store's snapshot with its journal replayed; null when there is
 *  none, or one that does not add up to the stored articles (rebuild from them). */
export async function reviveCommitted(store: CorpusStore, timings: { readMs?: number; reviveMs?: number } = {}): Promise<Committed | null> {
  const readStart = performance.now();
  const stored = await store.load();
  const reviveStart = performance.now();
  timings.readMs = reviveStart - readStart;
  const journal = { added: stored.added.length, removed: stored.removed.length };
  // Nothing stored yet, not even an empty snapshot: the first change must write one.
  if (stored.articles === 0) return { index: createCorpusIndex(), keys: () => new DuplicateKeys(), journal: stored.snapshot ? journal : NO_SNAPSHOT };
  const packed = stored.snapshot?.index;
  // Texts kept apart (the store's format since they were split off) are read later.
  const late: LateTexts | null = packed && packed.texts.length === 0 && packed.textEnds.length > 0 ? { bytes: null, byId: new Map(), expectedBytes: packed.textEnds[packed.textEnds.length - 1] ?? 0 } : null;
  const index = packed ? loadPackedCorpusIndex(packed, late ?? undefined) : null;
  if (!stored.snapshot || !index || 'error' in index) return null;
  for (const id of stored.removed) index.removeArticle(id);
  for (const article of stored.added) index.addArticle(article);
  if (index.articleIds().length !== stored.articles) return null; // (stats() would merge postings first)
  timings.reviveMs = performance.now() - reviveStart;
  const packedKeys = stored.snapshot.keys;
  const keys = () => {
    const unpacked = DuplicateKeys.unpack(packedKeys);
    if (!unpacked) return null;
    for (const id of stored.removed) unpacked.remove(id);
    for (const article of stored.added) unpacked.add(article);
    return unpacked;
  };
  return { index, keys, journal, late };
}

/** snapshotOf for articles about to be committed (`extra`, hidden in `index` until stored),
 *  packed a piece at a time with `pause` between pieces. */
export async function snapshotInSteps(index: CorpusIndex, keys: DuplicateKeys, extra: readonly Article[], extraKeys: DuplicateKeys | undefined, pause: () => Promise<void>): Promise<CorpusSnapshot> {
  const packed = await index.packInSteps(pause, new Set(extra.map((a) => a.id)));
  return { index: packed, keys: keys.pack(extra, extraKeys) };
}

/** The snapshot of `index` (its visible articles) with `keys` of them, plus `extra` keys for
 *  articles about to be committed and without `without` (articles about to be removed). */
export function snapshotOf(index: CorpusIndex, keys: DuplicateKeys, extra: readonly Article[] = [], extraKeys?: DuplicateKeys, without?: ReadonlySet<string>): CorpusSnapshot {
  return { index: index.pack(), keys: keys.pack(extra, extraKeys, without) };
}
