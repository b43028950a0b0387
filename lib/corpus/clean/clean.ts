import type { Block } from '../article';
import type { ArticleClues } from './boilerplate';
import { groupBlocks, isHeadingLike, readUnits, type Unit } from './layout';
import { TextBuilder } from './text-builder';

export type { ArticleClues } from './boilerplate';

/** Raw text -> clean article text. `text` is the blocks joined with "\n\n" (title not
 *  included); `blocks` are offsets into `text`. sourceOffsets[i] is the offset in `raw` of
 *  text[i] (length text.length + 1, last entry = raw offset just after the last copied char);
 *  whitespace that was inserted (block breaks, the space joining a broken sentence) maps to the
 *  raw offset just after the char before it. */
export interface CleanedText {
  title: string | null;
  text: string;
  blocks: Block[];
  sourceOffsets: number[];
  clues: ArticleClues;
}

/** Cleans one article's raw text: drops boilerplate lines (ads, share/comment widgets, bylines,
 *  date lines, "Original url:" and its URL, icon placeholders), reading clues from them; joins
 *  sentences broken across lines; keeps the headline apart as `title`; marks headings and photo
 *  captions. Never throws; empty input gives empty text. */
export function cleanRawText(raw: string): CleanedText {
  const { units, clues } = readUnits(raw);
  const grouped = groupBlocks(units);
  const title = takeTitle(grouped, clues);
  const builder = new TextBuilder(raw);
  const blocks: Block[] = [];
  for (const group of grouped) {
    if (blocks.length > 0) builder.insert('\n\n');
    const start = builder.length;
    group.forEach((unit, i) => {
      if (i > 0) builder.insert(' ');
      builder.copy(unit.start, unit.end);
    });
    blocks.push({ kind: blockKind(group), start, end: builder.length });
  }
  return { title, ...builder.finish(), blocks, clues };
}

function blockKind(group: readonly Unit[]): Block['kind'] {
  if (group.some((u) => u.caption)) return 'caption';
  return group.length === 1 && isHeadingLike(group[0]!.text) ? 'heading' : 'body';
}

/** Removes the masthead and headline from the top of `grouped`. Two heading-like lines before
 *  any body text: a first one of at most three words is the outlet's masthead ("DT Next"). */
function takeTitle(grouped: Unit[][], clues: ArticleClues): string | null {
  const isTopHeading = (g: Unit[] | undefined): g is Unit[] => g !== undefined && blockKind(g) === 'heading';
  const first = grouped[0];
  if (isTopHeading(first) && isTopHeading(grouped[1]) && grouped.length > 2) {
    const words = first[0]!.text.split(/\s+/).length;
    if (words <= 3) {
      clues.outlet ??= first[0]!.text;
      grouped.shift();
    }
  }
  const head = grouped[0];
  if (!isTopHeading(head) || grouped.length < 2) return null;
  grouped.shift();
  return head[0]!.text;
}
