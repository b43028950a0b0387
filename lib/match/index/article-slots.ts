import type { Article } from '../../corpus/article';
import type { ArticleRows } from './article-rows';
import type { SentenceTable } from './sentence-table';

/** The index's articles by slot and whether each may be matched: visible, hidden (indexed but
 *  neither matched nor listed) or gone (removed or replaced: its sentence rows stay dead in the
 *  table). A slot's sentences are consecutive rows of the table. */
export class ArticleSlots {
  /** Id -> slot of every visible or hidden article. */
  private readonly slots = new Map<string, number>();
  private readonly hidden = new Set<number>();
  /** Per slot: 1 when its sentences may be matched (visible), 0 when hidden or gone. Read
   *  directly by the candidate filter (a hot loop). */
  active: Uint8Array;
  /** Per slot: its first sentence row. */
  private readonly firstRow: number[] = [];
  /** Rows of gone articles. */
  deadRows = 0;
  /** Rows of hidden or gone articles: when 0, candidates need no filtering. */
  inactiveRows = 0;

  /** Slots over `rows`, whose sentences are the rows of `table` (their article column). */
  constructor(private readonly rows: ArticleRows, private readonly table: SentenceTable) {
    const column = table.columns.article;
    for (let row = 0, slot = 0; slot < rows.length; slot++) {
      this.firstRow[slot] = row;
      while (row < table.size && column[row] === slot) row++;
    }
    this.active = new Uint8Array(Math.max(64, rows.length * 2));
    for (let slot = 0; slot < rows.length; slot++) {
      const id = rows.idAt(slot);
      if (id !== null) this.slots.set(id, slot), (this.active[slot] = 1);
      else this.deadRows += this.rowsOf(slot);
    }
    this.inactiveRows = this.deadRows;
  }

  /** Visible articles. */
  get visibleCount(): number {
    return this.slots.size - this.hidden.size;
  }

  /** Takes a slot for `article` (a known id's old slot is retired), visible, its rows starting
   *  at the table's next row; answers the slot. */
  add(article: Article): number {
    const old = this.slots.get(article.id);
    if (old !== undefined) this.retire(old);
    const slot = this.rows.push(article);
    this.slots.set(article.id, slot);
    this.firstRow[slot] = this.table.size;
    if (slot >= this.active.length) {
      const bigger = new Uint8Array(this.active.length * 2);
      bigger.set(this.active);
      this.active = bigger;
    }
    this.active[slot] = 1;
    return slot;
  }

  /** Retires the article with this id; false when there is none. */
  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    this.retire(slot);
    return true;
  }

  /** Hides or shows; false when there is no such article. */
  setHidden(id: string, hidden: boolean): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    if (hidden === this.hidden.has(slot)) return true;
    if (hidden) this.hidden.add(slot);
    else this.hidden.delete(slot);
    this.active[slot] = hidden ? 0 : 1;
    this.inactiveRows += hidden ? this.rowsOf(slot) : -this.rowsOf(slot);
    return true;
  }

  /** A visible article; undefined for unknown and hidden ones. */
  visible(id: string): Article | undefined {
    const slot = this.slots.get(id);
    return slot === undefined || !this.active[slot] ? undefined : (this.rows.at(slot) ?? undefined);
  }

  /** Ids of the visible articles, in slot order. */
  visibleIds(): string[] {
    const ids: string[] = [];
    for (let slot = 0; slot < this.rows.length; slot++) {
      const id = this.rows.idAt(slot);
      if (id !== null && this.active[slot]) ids.push(id);
    }
    return ids;
  }

  /** Sentence rows of a visible article; 0 when unknown or hidden. */
  visibleRows(id: string): number {
    const slot = this.slots.get(id);
    return slot === undefined || !this.active[slot] ? 0 : this.rowsOf(slot);
  }

  /** The id in `slot` when it is visible, else null. */
  visibleIdAt(slot: number): string | null {
    return this.active[slot] ? this.rows.idAt(slot) : null;
  }

  /** Whether an article whose rows are at or after sentence row `row` is visible. */
  anyVisibleFromRow(row: number): boolean {
    for (let slot = this.table.columns.article[row] ?? this.rows.length; slot < this.rows.length; slot++) if (this.active[slot]) return true;
    return false;
  }

  /** Whether `slot` holds an article (visible or hidden). */
  has(slot: number): boolean {
    return this.rows.idAt(slot) !== null;
  }

  /** The article in `slot` (visible or hidden); null when gone. */
  at(slot: number): Article | null {
    return this.rows.at(slot);
  }

  /** Every kept article in slot order, with whether it is hidden. */
  kept(): Array<{ article: Article; hidden: boolean }> {
    return this.rows.toArray().flatMap((a, slot) => (a ? [{ article: a, hidden: this.hidden.has(slot) }] : []));
  }

  /** Per slot, the article a snapshot keeps: hidden ones as empty slots (not committed), but
   *  for those named in `include`. */
  committed(include?: ReadonlySet<string>): Array<Article | null> {
    const all = this.rows.toArray();
    if (this.hidden.size === 0) return all;
    return all.map((a, slot) => (this.hidden.has(slot) && !(a && include?.has(a.id)) ? null : a));
  }

  private rowsOf(slot: number): number {
    return (this.firstRow[slot + 1] ?? this.table.size) - (this.firstRow[slot] ?? 0);
  }

  /** Empties a slot for good: its rows become dead (they stay, unreachable, until a compaction). */
  private retire(slot: number): void {
    const id = this.rows.idAt(slot);
    if (id === null) return;
    if (this.active[slot]) this.inactiveRows += this.rowsOf(slot);
    this.slots.delete(id);
    this.hidden.delete(slot);
    this.rows.clear(slot);
    this.active[slot] = 0;
    this.deadRows += this.rowsOf(slot);
  }
}
