/** The article texts a revived user index still reads from the store (a woken worker reads the
 *  index part of its snapshot first and the texts after): the few a page needs at once, then
 *  all of them. */
import type { CorpusIndex } from '../../match/index/corpus-index';
import type { LateTexts } from '../../match/snapshot/packed-index';
import type { MatchOptions } from '../../match/types';
import type { CorpusStore } from './corpus-store';

/** What fetchFor did: texts read from the store, and ms spent finding the candidates first. */
export interface TextFetch { articles: number; lookupMs: number }

export class StoredTexts {
  private loading: Promise<void> | null = null;
  /** Every text is in late.byId (the store had no snapshot texts that fit). */
  private complete = false;

  /** `late`: where the revived index reads its texts (null: they are all in memory already). */
  constructor(private readonly late: LateTexts | null, private readonly store: CorpusStore) {}

  /** Whether some texts are still only in the store. */
  get pending(): boolean {
    return this.late !== null && this.late.bytes === null && !this.complete;
  }

  /** Resolves once every text of `index` is in memory: the snapshot's texts, or, when the store
   *  has none that fit, every article's own text. */
  loadAll(index: CorpusIndex): Promise<void> {
    const late = this.late;
    if (!late || !this.pending) return Promise.resolve();
    return (this.loading ??= (async () => {
      const bytes = await this.store.readSnapshotTexts();
      if (bytes && bytes.length === late.expectedBytes) {
        late.bytes = bytes;
        return;
      }
      const ids = index.articleIds().filter((id) => !late.byId.has(id));
      for (const [id, text] of await this.store.readArticleTexts(ids)) late.byId.set(id, text);
      this.complete = true;
    })());
  }

  /** Reads the texts matching these sentences against `index` would read (their candidate
   *  articles' that are committed: `committed(id)`); answers how many it read, and the ms of
   *  finding the candidates (the rest is the store's reading; `now` is a ms clock). */
  async fetchFor(index: CorpusIndex, sentences: readonly string[], opts: MatchOptions, committed: (id: string) => boolean, now: () => number = () => performance.now()): Promise<TextFetch> {
    const late = this.late;
    if (!late || !this.pending) return { articles: 0, lookupMs: 0 };
    const started = now();
    let ids: Set<string>;
    try {
      ids = index.candidateArticleIds(sentences, opts);
    } catch {
      await this.loadAll(index); // the table had to grow, which reads every text
      return { articles: index.articleIds().length, lookupMs: now() - started };
    }
    const lookupMs = now() - started;
    const missing = [...ids].filter((id) => !late.byId.has(id) && committed(id));
    if (missing.length === 0) return { articles: 0, lookupMs };
    for (const [id, text] of await this.store.readArticleTexts(missing)) late.byId.set(id, text);
    return { articles: missing.length, lookupMs };
  }
}
