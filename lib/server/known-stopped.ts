/** Keys the server has seen stop-listed, so a page's probe does not read their rows again (they
 *  are the most common keys, in most pages). A list only grows, so a key over the cap stays over
 *  it until the cap itself grows with the corpus: then the memory starts afresh. */

/** Keys remembered at most (a Set of numbers: ~40 MB at the bound); past it, the rest are
 *  probed every time as before. */
export const MAX_KNOWN_STOPPED = 1_000_000;

/** One memory per database (pool); keys are the stored (signed) form. */
export class KnownStopped {
  private cap = -1;
  private readonly keys = new Set<number>();

  /** `keys` parted into those known stop-listed at `cap` and those to probe. */
  split(keys: readonly number[], cap: number): { known: number[]; probe: number[] } {
    if (cap !== this.cap) this.keys.clear(), (this.cap = cap);
    const known: number[] = [];
    const probe: number[] = [];
    for (const key of keys) (this.keys.has(key) ? known : probe).push(key);
    return { known, probe };
  }

  /** Remembers keys found stop-listed at `cap` (forgotten when the cap has moved meanwhile). */
  add(keys: readonly number[], cap: number): void {
    if (cap !== this.cap) return;
    for (const key of keys) if (this.keys.size < MAX_KNOWN_STOPPED) this.keys.add(key);
  }
}
