/** Checks that an article arriving in a message has the Article shape (a page may send
 *  anything); the reason names the first field that is wrong. */
import type { Article, BlockKind } from '../corpus/article';

const KINDS: readonly BlockKind[] = ['headline', 'heading', 'body', 'caption'];
const NULLABLE = ['site', 'url', 'published', 'title', 'credit'] as const;

/** null when `value` is a usable Article, else what is wrong with it. */
export function articleShapeError(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an article object';
  const a = value as Record<string, unknown>;
  if (typeof a.id !== 'string' || a.id.trim() === '') return 'the article has no id';
  if (typeof a.outlet !== 'string' || a.outlet.trim() === '') return 'the article has no outlet';
  for (const key of NULLABLE) {
    if (a[key] !== null && typeof a[key] !== 'string') return `the article's ${key} is not text or null`;
  }
  if (typeof a.text !== 'string' || a.text.trim() === '') return 'the article has no text';
  if (!Array.isArray(a.blocks)) return "the article's blocks are not a list";
  let last = 0;
  for (const block of a.blocks as unknown[]) {
    const b = block as Record<string, unknown> | null;
    const ok = typeof b === 'object' && b !== null && KINDS.includes(b.kind as BlockKind)
      && Number.isInteger(b.start) && Number.isInteger(b.end)
      && (b.start as number) >= last && (b.end as number) >= (b.start as number) && (b.end as number) <= a.text.length;
    if (!ok) return "the article's blocks are not ordered ranges of its text";
    last = b.end as number;
  }
  return null;
}

/** The article with only its own fields (a message may carry extra ones). */
export function cleanArticle(a: Article): Article {
  return {
    id: a.id, outlet: a.outlet, site: a.site, url: a.url, published: a.published, title: a.title, credit: a.credit, text: a.text,
    blocks: a.blocks.map(({ kind, start, end }) => ({ kind, start, end })),
  };
}
