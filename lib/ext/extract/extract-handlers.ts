/** The background's extractArticle call (a content script's page HTML -> its article). */
import type { ExtractOutcome } from '../../page/find/article-extract';
import type { CallResult } from '../messaging/messages';
import { extractArticle } from './extract-article';

/** The handler, with `extract` injectable for tests. Anything but a string is refused. */
export function createExtractHandlers(extract: (html: string) => Promise<CallResult<ExtractOutcome>> = extractArticle) {
  return {
    extractArticle: (data: { html: string }): Promise<CallResult<ExtractOutcome>> | CallResult<ExtractOutcome> =>
      typeof data.html === 'string' ? extract(data.html) : { ok: false, error: 'extractArticle takes { html: string }' },
  };
}
