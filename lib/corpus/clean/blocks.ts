import type { Block, BlockKind } from '../article';
import { isPlainObject } from '../files/manifest';

/** Kinds an article's `blocks` may hold (the headline is the title, never a block). */
export const ARTICLE_BLOCK_KINDS: readonly BlockKind[] = ['body', 'heading', 'caption'];

const HINT = 'export the articles again, or leave "blocks" out to have the text split into blocks';

/** Checks the `blocks` of an article record against its text: an array of at least one
 *  {kind, start, end} with a known kind and whole-number offsets, each block non-empty,
 *  inside `text` (end exclusive) and starting at or after the previous one's end. Gives
 *  fresh {kind, start, end} objects (other keys dropped), or one line naming `label`, the
 *  block (1-based), what is wrong and `hint` (what to do). */
export function readBlocks(value: unknown, text: string, label: string, hint = HINT): { ok: true; blocks: Block[] } | { ok: false; error: string } {
  const fail = (problem: string) => ({ ok: false as const, error: `${label}: ${problem}: ${hint}` });
  if (!Array.isArray(value)) return fail('"blocks" must be an array of {"kind", "start", "end"} objects');
  if (value.length === 0) return fail('"blocks" is empty');
  const blocks: Block[] = [];
  for (const [i, item] of value.entries()) {
    const name = `block ${i + 1}`;
    if (!isPlainObject(item)) return fail(`${name} is not a {"kind", "start", "end"} object`);
    const { kind, start, end } = item;
    if (!ARTICLE_BLOCK_KINDS.includes(kind as BlockKind)) {
      return fail(`${name} has kind ${JSON.stringify(kind) ?? 'undefined'}, not one of ${ARTICLE_BLOCK_KINDS.map((k) => `"${k}"`).join(', ')}`);
    }
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return fail(`${name} needs whole-number "start" and "end" offsets into "text"`);
    const [from, to] = [start as number, end as number];
    if (from >= to) return fail(`${name} is empty or reversed (start ${from}, end ${to})`);
    if (to > text.length) return fail(`${name} ends at ${to}, past the end of "text" (${text.length} characters)`);
    const previousEnd = blocks.at(-1)?.end ?? 0;
    if (from < previousEnd) {
      return fail(i === 0 ? `${name} starts at ${from}, before the text` : `${name} starts at ${from}, before block ${i} ends (${previousEnd}); blocks must be in order and not overlap`);
    }
    blocks.push({ kind: kind as BlockKind, start: from, end: to });
  }
  return { ok: true, blocks };
}
