/** Keeping the corpus in bounds: which articles that came on their own (from feeds, or from
 *  pages read) leave it, oldest first, once they pass the chosen age or the corpus passes the
 *  chosen size. Articles a person imported or added themselves always stay, and so do those
 *  they pinned. Pure. */

/** Keep articles this many days (default). */
export const DEFAULT_MAX_AGE_DAYS = 30;
/** Keep at most this many articles in the corpus (default). */
export const DEFAULT_MAX_ARTICLES = 50_000;

/** The chosen bounds. */
export interface RetentionRule { maxAgeDays: number; maxArticles: number }

/** One article that may leave: its id and when it dates from (ms since 1970: its publication,
 *  else when it was added; null when neither is known, so only the count limit can drop it). */
export interface Expirable { id: string; datedMs: number | null }

/** The ids to remove, oldest first: every expirable article older than maxAgeDays at `now`,
 *  then more of the oldest expirable ones while the corpus (`total` articles of every kind,
 *  pinned ones included) holds more than maxArticles. An article in `pinned` is never among
 *  them, however old: the count limit then takes more of the others (or fewer stay over it). */
export function articlesToExpire(
  expirable: readonly Expirable[], total: number, rule: RetentionRule, now: number, pinned: ReadonlySet<string> = new Set(),
): string[] {
  const cutoff = now - rule.maxAgeDays * 86_400_000;
  const oldestFirst = expirable.filter((a) => !pinned.has(a.id)).sort((a, b) => (a.datedMs ?? Infinity) - (b.datedMs ?? Infinity));
  const drop: string[] = [];
  let left = total;
  for (const article of oldestFirst) {
    const tooOld = article.datedMs !== null && article.datedMs < cutoff;
    if (!tooOld && left <= rule.maxArticles) break;
    drop.push(article.id);
    left--;
  }
  return drop;
}

/** The rule as stored, repaired: whole numbers, at least 1 day and 100 articles. */
export function migrateRetentionRule(raw: unknown): RetentionRule {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const whole = (v: unknown, min: number, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.round(v)) : fallback);
  return { maxAgeDays: whole(value.maxAgeDays, 1, DEFAULT_MAX_AGE_DAYS), maxArticles: whole(value.maxArticles, 100, DEFAULT_MAX_ARTICLES) };
}
