/** Word counts of stored sentences, kept in the server's memory once read: a sentence's words
 *  never change once stored, and a page's candidate ranking needs them for thousands of
 *  sentences (a query for them took as long as reading the page's posting lists). */
import type { Pool } from 'pg';

/** Sentence ids below this are cached (2 bytes each: 128 MB at the bound); words of higher ids
 *  are read from the database every time. */
export const MAX_CACHED_ID = 2 ** 26;

/** One cache per database (pool); a count of 0 means "not read yet" (stored sentences have at
 *  least MIN_SENTENCE_WORDS words). */
export class SentenceWords {
  private words = new Uint16Array(1 << 16);

  /** The words of each id (0 for an id not stored), reading only the ones not yet cached. */
  async of(pool: Pool, ids: readonly number[]): Promise<(id: number) => number> {
    const missing = ids.filter((id) => !(id < this.words.length && this.words[id] !== 0));
    const uncached = new Map<number, number>();
    if (missing.length > 0) {
      const { rows } = await pool.query<{ id: number; words: number }>('select id, words from echoes_sentences where id = any($1::int[])', [missing]);
      for (const { id, words } of rows) {
        if (id < MAX_CACHED_ID) this.grow(id), (this.words[id] = words);
        else uncached.set(id, words);
      }
    }
    return (id) => (id < this.words.length ? (this.words[id] as number) : 0) || (uncached.get(id) ?? 0);
  }

  private grow(id: number): void {
    if (id < this.words.length) return;
    let size = this.words.length;
    while (size <= id) size *= 2;
    const words = new Uint16Array(Math.min(size, MAX_CACHED_ID));
    words.set(this.words);
    this.words = words;
  }
}
