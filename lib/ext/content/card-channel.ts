import { browser } from 'wxt/browser';
import type { CardChannel, CardFrameEvent } from '../../page/card';
import { CARD_PAGE, sendToBackground } from '../messaging/messaging';

/** The content script's side of the card's channel: openings go to the background, and what
 *  the frame says comes back as the content call `cardEvent` (see `deliver`), never through
 *  the page's window. */
export interface ContentCardChannel extends CardChannel {
  /** Hands a cardEvent call (from the background) to the card of `token`; false when no card
   *  of this page has that token. */
  deliver(token: string, event: CardFrameEvent): boolean;
}

/** Creates the channel. `pageUrl` = runtime.getURL(CARD_PAGE): in Chrome the address with the
 *  extension's per-session id (web_accessible_resources' use_dynamic_url). */
export function createCardChannel(pageUrl: string = browser.runtime.getURL(CARD_PAGE)): ContentCardChannel {
  const listeners = new Map<string, (event: CardFrameEvent) => void>();
  return {
    frameUrl: (hash) => `${pageUrl}${hash}`,
    open: async (token, index, seq) => (await sendToBackground('cardOpen', { token, index, seq })).ok,
    listen(token, on) {
      listeners.set(token, on);
      return () => void (listeners.get(token) === on && listeners.delete(token));
    },
    deliver(token, event) {
      const on = listeners.get(token);
      on?.(event);
      return on !== undefined;
    },
  };
}
