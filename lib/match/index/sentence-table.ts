/** Columns of the indexed sentences, one row per sentence id, in growable typed arrays
 *  (no per-sentence objects: 350k sentences cost about 6 MB). */
export interface SentenceColumns {
  /** Index of the sentence's article in the index's article list. */
  article: Uint32Array;
  /** SentenceSpan.index of the sentence in its article (splitSentences order). */
  index: Uint32Array;
  /** Offsets of the sentence in Article.text, end exclusive. */
  start: Uint32Array;
  end: Uint32Array;
  /** Number of words (capped at 65535). */
  words: Uint16Array;
}

const NAMES = ['article', 'index', 'start', 'end', 'words'] as const;

/** Sentence rows, appended in id order. */
export class SentenceTable {
  /** Number of rows. */
  size = 0;
  private cols: SentenceColumns;

  /** An empty table, or one over existing columns of `size` rows. */
  constructor(cols?: SentenceColumns, size = 0) {
    this.cols = cols ?? {
      article: new Uint32Array(1024), index: new Uint32Array(1024), start: new Uint32Array(1024),
      end: new Uint32Array(1024), words: new Uint16Array(1024),
    };
    this.size = size;
  }

  /** Appends a row; returns its sentence id. */
  push(article: number, index: number, start: number, end: number, words: number): number {
    if (this.size === this.cols.article.length) this.grow();
    const id = this.size++;
    this.cols.article[id] = article;
    this.cols.index[id] = index;
    this.cols.start[id] = start;
    this.cols.end[id] = end;
    this.cols.words[id] = Math.min(65535, words);
    return id;
  }

  /** Read access to the columns (valid rows: 0..size-1). */
  get columns(): Readonly<SentenceColumns> {
    return this.cols;
  }

  /** Columns trimmed to `size` rows (copies). */
  trimmed(): SentenceColumns {
    const c = this.cols;
    const n = this.size;
    return { article: c.article.slice(0, n), index: c.index.slice(0, n), start: c.start.slice(0, n), end: c.end.slice(0, n), words: c.words.slice(0, n) };
  }

  private grow(): void {
    const next = { ...this.cols };
    for (const name of NAMES) {
      const old = this.cols[name];
      const bigger = name === 'words' ? new Uint16Array(Math.max(1024, old.length * 2)) : new Uint32Array(Math.max(1024, old.length * 2));
      bigger.set(old);
      (next as Record<string, Uint32Array | Uint16Array>)[name] = bigger;
    }
    this.cols = next;
  }
}
