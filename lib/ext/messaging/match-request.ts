/** The content script's end of matchPage: checks the page against lib/report/limits before
 *  anything is sent, so a page too large never reaches the shared background; the tab is
 *  marked 'too-large' instead (the popup says what was too big). The background checks again. */
import { pageDataError, type PageData } from '../../report/limits';
import type { Report } from '../../report/types';
import type { CallResult } from './messages';
import { sendToBackground } from './messaging';

/** Sends `data` for matching, or, when it is past the limits, reports the tab as too large and
 *  answers the refusal without sending the text. `send` is sendToBackground (a fake in tests). */
export async function requestMatch(data: PageData, send: typeof sendToBackground = sendToBackground): Promise<CallResult<Report>> {
  const refusal = pageDataError(data);
  if (refusal === null) return send('matchPage', data);
  await send('pageState', { state: 'too-large', reason: refusal });
  return { ok: false, error: refusal };
}
