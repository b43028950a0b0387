import type { FoundText } from '../../corpus/clean/found-text';
import { joinBlocks } from './html-article';
import { buildTextModel } from '../model/text-model';

/** A fragment of HTML (a feed item's content or summary, an HTML title) -> its text in
 *  blocks, the way an article's text is read: scripts, styles and hidden markup skipped,
 *  paragraphs, headings and list items as blocks. `parse` makes a Document of HTML (linkedom's
 *  parseHTML, or DOMParser): nothing in the fragment runs or loads. Markup that cannot be
 *  parsed gives no text rather than an exception. */
export function htmlFragmentText(html: string, parse: (html: string) => Document): FoundText {
  let body: Element | null;
  try {
    body = parse(`<!doctype html><html><head></head><body>${html}</body></html>`).body;
  } catch {
    return { title: null, text: '', blockStarts: [] };
  }
  if (!body) return { title: null, text: '', blockStarts: [] };
  const model = buildTextModel(body, { isHidden: () => false });
  return { title: null, ...joinBlocks(model.text, model.blockStarts) };
}
