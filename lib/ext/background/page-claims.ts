/** What a content script says of its page's provenance (date, credits, source links), checked
 *  before it reaches a report: the content script runs beside a hostile page, so its answer is
 *  treated as untrusted input of bounded size. */
import { creditsInBlocks } from '../../corpus/meta/credits';
import type { PageInput } from '../../report/types';

const MAX_ITEMS = 20;
const MAX_CREDIT_CHARS = 200;
const MAX_URL_CHARS = 2048;
const MAX_DATE_CHARS = 64;

/** The provenance fields of a matchPage call, as PageInput fields: strings only, at most 20
 *  credits and links, over-long values dropped; plus the credits the article text itself gives
 *  (its dateline and credit lines, lib/corpus creditsInBlocks), read here, off the page's thread. */
export function pageClaimsOf(data: Record<string, unknown>, text: string, blockStarts: readonly number[]):
  Pick<PageInput, 'published' | 'publishedAt' | 'credits' | 'sourceLinks'> {
  const credits = [...strings(data.credits, MAX_CREDIT_CHARS), ...creditsInBlocks(text, blockStarts)];
  return {
    published: short(data.published, MAX_DATE_CHARS),
    publishedAt: short(data.publishedAt, MAX_DATE_CHARS),
    credits: [...new Set(credits)].slice(0, MAX_ITEMS),
    sourceLinks: strings(data.sourceLinks, MAX_URL_CHARS).filter((u) => /^https?:\/\//i.test(u)),
  };
}

function short(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : null;
}

function strings(value: unknown, max: number): string[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_ITEMS).flatMap((v) => short(v, max) ?? []);
}
