/** Which article an incoming one duplicates: the same address (urlKey) or the same text
 *  (textKey, lib/corpus/identity), within one corpus or one import job. */
import type { Article } from '../../corpus/article';
import { textKey, urlKey } from '../../corpus/identity';

/** The article an incoming one repeats, and by what. */
export interface Duplicate { by: 'URL' | 'text'; id: string }

/** Keys of a set of articles -> their ids. */
export class DuplicateKeys {
  private readonly byUrl = new Map<string, string>();
  private readonly byText = new Map<string, string>();
  /** Keys per id, so remove() needs no text hashing. */
  private readonly keysOf = new Map<string, { url: string | null; text: string }>();

  /** Keys as pack() wrote them (JSON of [id, url key, text key] rows); null when malformed. */
  static unpack(packed: string): DuplicateKeys | null {
    let rows: unknown;
    try {
      rows = JSON.parse(packed);
    } catch {
      return null;
    }
    if (!Array.isArray(rows)) return null;
    const keys = new DuplicateKeys();
    for (const row of rows as unknown[]) {
      if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[2] !== 'string' || (row[1] !== null && typeof row[1] !== 'string')) return null;
      keys.add({ id: row[0], url: null, text: '' }, { url: row[1] as string | null, text: row[2] });
    }
    return keys;
  }

  /** Keys of `articles`, computed in one go (about 1 ms per 100 KB of text). */
  static of(articles: Iterable<Article>): DuplicateKeys {
    const keys = new DuplicateKeys();
    for (const article of articles) keys.add(article);
    return keys;
  }

  get size(): number {
    return this.keysOf.size;
  }

  /** One JSON string (stored with the index snapshot, so a woken worker need not hash every
   *  text again: ~0.1 ms per article). */
  pack(extra: ReadonlyArray<Pick<Article, 'id' | 'url' | 'text'>> = [], extraKeys?: DuplicateKeys, without?: ReadonlySet<string>): string {
    const rows: Array<[string, string | null, string]> = [];
    for (const [id, k] of this.keysOf) if (!without?.has(id)) rows.push([id, k.url, k.text]);
    for (const article of extra) {
      const k = extraKeys?.get(article.id) ?? keysOf(article);
      rows.push([article.id, k.url, k.text]);
    }
    return JSON.stringify(rows);
  }

  /** The keys held for `id`. */
  get(id: string): { url: string | null; text: string } | undefined {
    return this.keysOf.get(id);
  }

  add(article: Pick<Article, 'id' | 'url' | 'text'>, keys = keysOf(article)): void {
    this.keysOf.set(article.id, keys);
    if (keys.url !== null && !this.byUrl.has(keys.url)) this.byUrl.set(keys.url, article.id);
    if (!this.byText.has(keys.text)) this.byText.set(keys.text, article.id);
  }

  remove(id: string): void {
    const keys = this.keysOf.get(id);
    if (!keys) return;
    this.keysOf.delete(id);
    if (keys.url !== null && this.byUrl.get(keys.url) === id) this.byUrl.delete(keys.url);
    if (this.byText.get(keys.text) === id) this.byText.delete(keys.text);
  }

  /** The first article with the same URL, else with the same text; null when none. */
  find(keys: { url: string | null; text: string }): Duplicate | null {
    const sameUrl = keys.url === null ? undefined : this.byUrl.get(keys.url);
    if (sameUrl !== undefined) return { by: 'URL', id: sameUrl };
    const sameText = this.byText.get(keys.text);
    return sameText === undefined ? null : { by: 'text', id: sameText };
  }
}

/** An article's duplicate keys (the text hash reads the whole text once). */
export function keysOf(article: Pick<Article, 'url' | 'text'>): { url: string | null; text: string } {
  return { url: urlKey(article.url), text: textKey(article.text) };
}
