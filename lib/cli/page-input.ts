import { cleanRawText } from '../corpus/clean/clean';
import { creditsInText } from '../corpus/meta/credits';
import type { HtmlArticle } from '../corpus/files/ingest';
import { hostOf } from '../report/own-article';
import type { PageInput } from '../report/types';

/** A value or one line saying what is wrong with the input. */
export type InputResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Bytes -> text. Refuses binary data (NUL bytes) and text that is not UTF-8; drops a BOM. */
export function decodeText(bytes: Uint8Array, name: string): InputResult<string> {
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, error: `${name} looks like a binary file, not an article` };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, value: text.replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, error: `${name} is not UTF-8 text` };
  }
}

/** True when the text starts like an HTML document or is mostly block markup. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart();
  if (/^<(!doctype\s+html|html|head|body|article|main)\b/i.test(head)) return true;
  return (head.match(/<\/?(p|div|article|h[1-6]|br|section)\b[^>]*>/gi) ?? []).length >= 2;
}

/** How a page file is read: by its extension, or sniffed when it has none we know. */
export function pageFormat(name: string, text: string): 'html' | 'text' {
  if (/\.x?html?$/i.test(name)) return 'html';
  if (/\.(txt|text|md)$/i.test(name)) return 'text';
  return looksLikeHtml(text) ? 'html' : 'text';
}

/** What turning a page into PageInput needs from outside the pure code. */
export interface PageDeps { htmlToArticle: (html: string) => HtmlArticle | null }

/** A page's text -> PageInput. Text pages are cleaned (headings, bylines and boilerplate
 *  don't count) and keep sourceOffsets into `content`; HTML pages use the article found in
 *  the markup. `source` is how the page is named in the report and in errors; without a
 *  masthead clue the outlet is the URL's host. Its date and credits (byline, dateline,
 *  credit lines, metadata) go along for the report's provenance. */
export function pageFromContent(source: string, content: string, deps: PageDeps): InputResult<PageInput> {
  if (content.trim() === '') return { ok: false, error: `${source} is empty` };
  const articleId = fileStem(source);
  if (pageFormat(source, content) === 'html') {
    const found = deps.htmlToArticle(content);
    if (!found || found.text.trim() === '') return { ok: false, error: `no article text found in ${source}` };
    return { ok: true, value: {
      source, text: found.text, blockStarts: found.blockStarts, title: found.title,
      outlet: found.outlet ?? hostOf(found.url), url: found.url ?? null, articleId,
      published: found.published ?? null, publishedAt: found.publishedAt ?? null,
      credits: unique([...(found.credits ?? []), ...creditsInText(found.text)]), sourceLinks: found.sourceLinks ?? [],
    } };
  }
  const cleaned = cleanRawText(content);
  if (cleaned.text.trim() === '') return { ok: false, error: `no article text left in ${source} after removing boilerplate` };
  return { ok: true, value: {
    source, text: cleaned.text, blockStarts: cleaned.blocks.map((b) => b.start),
    sourceOffsets: cleaned.sourceOffsets, title: cleaned.title,
    outlet: cleaned.clues.outlet ?? hostOf(cleaned.clues.url), url: cleaned.clues.url ?? null, articleId,
    published: cleaned.clues.published ?? null,
    credits: unique([cleaned.clues.credit, ...creditsInText(cleaned.text)]),
  } };
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}

/** "seeds/000_x.txt" -> "000_x" (the id a corpus gives that file); null for stdin. */
function fileStem(source: string): string | null {
  if (source === '-' || source === '<stdin>') return null;
  const base = source.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.[^.]*$/, '') || null;
}
