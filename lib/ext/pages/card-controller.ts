/** The card frame's side of the hover card (entrypoints/card): which card it is (the token in
 *  its address, put there by the content script), what it shows (asked of the background, never
 *  taken from the page), and what it says back (drawn, with its size; or close). */
import type { CardFrameEvent } from '../../page/card';
import type { CallResult, CardSentence } from '../messaging/messages';
import { onCardFrameCall, sendToBackground } from '../messaging/messaging';

/** The card token in the frame's hash ('#t=<32 hex>'), or null when there is none. */
export function cardTokenOf(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return token && /^[0-9a-f]{32}$/.test(token) ? token : null;
}

/** The size the card needs: its laid-out width, and its full height (scrolled content and
 *  borders included), so the content script can size the frame; whole CSS pixels. */
export function cardSize(card: HTMLElement): { width: number; height: number } {
  const rect = card.getBoundingClientRect();
  return { width: Math.ceil(rect.width), height: Math.ceil(card.scrollHeight + card.offsetHeight - card.clientHeight) };
}

/** What the frame asks and tells; `send` defaults to the background (tests inject it). */
export interface CardFrameLink {
  /** The sentence the card's content script opened last; null when none (or refused). */
  load(): Promise<CardSentence | null>;
  /** Tells the content script (through the background) what the frame did. */
  tell(event: CardFrameEvent): Promise<void>;
  /** Calls `show` with each sentence the card's content script opens it on from now on (sent
   *  by the background); answers the function that stops listening. */
  onShow(show: (shown: CardSentence) => void): () => void;
}

type Send = <K extends 'cardSentence' | 'cardEvent'>(name: K, data: K extends 'cardSentence' ? { token: string } : { token: string; event: CardFrameEvent }) => Promise<CallResult<unknown>>;

/** The frame's link for card `token`. */
export function createCardFrameLink(token: string, send: Send = sendToBackground as Send, hear = onCardFrameCall): CardFrameLink {
  return {
    onShow: (show) => hear(token, { showCard: ({ seq, sentence }) => show({ seq, sentence }) }),
    async load() {
      const answer = await send('cardSentence', { token });
      return answer.ok ? (answer.value as CardSentence | null) : null;
    },
    async tell(event) {
      await send('cardEvent', { token, event });
    },
  };
}
