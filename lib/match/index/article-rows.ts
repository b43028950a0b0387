import type { Article } from '../../corpus/article';

/** The index's article list by slot (null: removed or replaced). A revived snapshot's articles
 *  are made on first read: a woken worker needs their ids at once but only the few its first
 *  page meets as objects, and making all 10,000 (with their ~140,000 block objects) took about
 *  as long as the rest of reviving. */
export class ArticleRows {
  /** Per slot: the article, null when gone, undefined while not yet made. */
  private readonly items: Array<Article | null | undefined>;
  private readonly ids: Array<string | null>;

  private constructor(items: Array<Article | null | undefined>, ids: Array<string | null>, private readonly make: ((slot: number) => Article) | null) {
    this.items = items;
    this.ids = ids;
  }

  /** Rows over articles already made. */
  static of(articles: ReadonlyArray<Article | null>): ArticleRows {
    return new ArticleRows([...articles], articles.map((a) => a?.id ?? null), null);
  }

  /** Rows whose slot i has id `ids[i]` (null: empty) and is made by `make(i)` when first read. */
  static lazy(ids: Array<string | null>, make: (slot: number) => Article): ArticleRows {
    return new ArticleRows(new Array<undefined>(ids.length), ids, make);
  }

  get length(): number {
    return this.ids.length;
  }

  /** The id in `slot`, without making the article; null when empty. */
  idAt(slot: number): string | null {
    return this.ids[slot] ?? null;
  }

  /** The article in `slot`; null when empty. */
  at(slot: number): Article | null {
    const item = this.items[slot];
    if (item !== undefined) return item;
    const id = this.ids[slot];
    if (id === undefined || id === null || !this.make) return null;
    return (this.items[slot] = this.make(slot));
  }

  /** Appends an article; answers its slot. */
  push(article: Article): number {
    this.ids.push(article.id);
    return this.items.push(article) - 1;
  }

  /** Empties a slot for good. */
  clear(slot: number): void {
    this.items[slot] = null;
    this.ids[slot] = null;
  }

  /** Every slot's article (all made). */
  toArray(): Array<Article | null> {
    return this.ids.map((_, slot) => this.at(slot));
  }
}
