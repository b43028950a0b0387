/** Checks that an article arriving in a message has the Article shape (a page may send
 *  anything); the reason names the first field that is wrong. Blocks are checked by the same
 *  rules as an imported file's (lib/corpus/clean/blocks). */
import type { Article } from '../../corpus/article';
import { readBlocks } from '../../corpus/clean/blocks';

const NULLABLE = ['site', 'url', 'published', 'title', 'credit'] as const;

/** `value` as an Article with only its own fields (a message may carry extra ones), or what is
 *  wrong with it. */
export function readMessageArticle(value: unknown): { ok: true; article: Article } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error });
  if (typeof value !== 'object' || value === null) return fail('not an article object');
  const a = value as Record<string, unknown>;
  if (typeof a.id !== 'string' || a.id.trim() === '') return fail('the article has no id');
  if (typeof a.outlet !== 'string' || a.outlet.trim() === '') return fail('the article has no outlet');
  for (const key of NULLABLE) {
    if (a[key] !== null && typeof a[key] !== 'string') return fail(`the article's ${key} is not text or null`);
  }
  if (typeof a.text !== 'string' || a.text.trim() === '') return fail('the article has no text');
  const blocks = readBlocks(a.blocks, a.text, 'the article', 'choose the file again');
  if (!blocks.ok) return blocks;
  const { id, outlet, site, url, published, title, credit, text } = a as unknown as Article;
  return { ok: true, article: { id, outlet, site, url, published, title, credit, text, blocks: blocks.blocks } };
}
