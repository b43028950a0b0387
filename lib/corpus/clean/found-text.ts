import { cleanRawText, type CleanedText } from './clean';

/** Article text found in a document (an HTML file, a live page): `text` cut into blocks at
 *  `blockStarts` (offsets into `text`), and the document's own title when it has one. */
export interface FoundText {
  title: string | null;
  text: string;
  blockStarts: readonly number[];
}

/** Cleans found text the way a .txt file is cleaned, keeping the document's blocks apart:
 *  each block is trimmed, empty ones dropped, the rest joined with a blank line, then
 *  cleanRawText (boilerplate, broken lines, headings, captions). The document's title wins
 *  over a headline guessed from the text. Block starts that are not whole numbers inside
 *  the text are ignored, so a page's odd answer cannot break the cut. */
export function cleanFoundText(found: FoundText): CleanedText {
  const { text } = found;
  const starts = found.blockStarts.filter((s) => Number.isSafeInteger(s) && s > 0 && s < text.length);
  const cuts = [...new Set([0, ...starts, text.length])].sort((a, b) => a - b);
  const raw = cuts.slice(1).map((end, i) => text.slice(cuts[i], end).trim()).filter(Boolean).join('\n\n');
  const cleaned = cleanRawText(raw);
  if (found.title) cleaned.title = found.title;
  return cleaned;
}
