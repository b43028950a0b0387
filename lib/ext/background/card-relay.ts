/** The hover card's messages, kept out of the page: the content script says which sentence its
 *  card shows (cardOpen); the card's frame, an extension page inside that tab, reads it when
 *  it loads (cardSentence) and is sent each later opening (showCard); it says when it has drawn
 *  one or should close (cardEvent), which goes on to the content script. The frame never
 *  chooses what it shows: only what its own tab's content script opened under the card's
 *  random token. */
import type { CardFrameEvent } from '../../page/card';
import type { BackgroundCalls, CallResult, CardSentence } from '../messaging/messages';
import { sendToCardFrame, sendToTab, type CallHandlers, type Sender } from '../messaging/messaging';
import type { TabStateStore } from './tab-states';

type CardCalls = Pick<BackgroundCalls, 'cardOpen' | 'cardSentence' | 'cardEvent'>;

/** The card calls' handlers, and forgetting a tab's cards when it closes or navigates. */
export interface CardRelay {
  handlers: CallHandlers<CardCalls>;
  forget(tabId: number): void;
}

/** Where a message goes: a frame of a tab. */
interface FrameAddress { tabId: number; frameId: number }

/** What the relay needs: the tab reports, and how to reach a tab's content script and a card
 *  frame (tests inject both). */
export interface CardRelayOptions {
  tabs: Pick<TabStateStore, 'get'>;
  toContent?: (to: FrameAddress, data: { token: string; event: CardFrameEvent }) => Promise<CallResult<unknown>>;
  toFrame?: (to: FrameAddress, data: CardSentence & { token: string }) => Promise<unknown>;
  /** Most cards kept (past it the one used longest ago is forgotten). */
  maxCards?: number;
}

interface Opening extends FrameAddress { index: number; seq: number }

const TOKEN = /^[0-9a-f]{32}$/;

/** Creates the relay: per card token, its last opening and the frame that showed it. */
export function createCardRelay(opts: CardRelayOptions): CardRelay {
  const toContent = opts.toContent ?? ((to, data) => sendToTab(to.tabId, 'cardEvent', data, { frameId: to.frameId }));
  const toFrame = opts.toFrame ?? ((to, data) => sendToCardFrame(to.tabId, to.frameId, 'showCard', data));
  const openings = bounded<Opening>(opts.maxCards ?? 400);
  const frames = bounded<FrameAddress>(opts.maxCards ?? 400);

  /** The echoed sentence `opening` names in its tab's report, or why there is none. */
  const sentenceOf = async (opening: Opening): Promise<CallResult<CardSentence>> => {
    const state = await opts.tabs.get(opening.tabId);
    const sentence = state?.state === 'ok' ? state.report.sentences.find((s) => s.index === opening.index) : undefined;
    if (!sentence || sentence.matches.length === 0) return { ok: false, error: 'this tab has no such echoed sentence' };
    return { ok: true, value: { seq: opening.seq, sentence } };
  };
  /** The frame `sender` of card `token`, when it is inside a tab that card may be in. */
  const frameOf = (token: unknown, sender: Sender): FrameAddress | string => {
    if (typeof token !== 'string' || !TOKEN.test(token)) return 'a card token is 32 hex digits';
    const tabId = sender.tab?.id;
    if (tabId === undefined) return "the card's frame must be inside a tab";
    const owner = openings.get(token)?.tabId ?? frames.get(token)?.tabId;
    if (owner !== undefined && owner !== tabId) return "the card's frame must be inside its own tab";
    return { tabId, frameId: sender.frameId ?? 0 };
  };

  const handlers: CallHandlers<CardCalls> = {
    async cardOpen(data, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'cardOpen must come from a tab' };
      const { token, index, seq } = data as { token: unknown; index: unknown; seq: unknown };
      if (typeof token !== 'string' || !TOKEN.test(token)) return { ok: false, error: 'a card token is 32 hex digits' };
      if (!isCount(index) || !isCount(seq)) return { ok: false, error: 'cardOpen needs { index, seq }: whole numbers' };
      const owner = openings.get(token)?.tabId ?? frames.get(token)?.tabId;
      if (owner !== undefined && owner !== tabId) return { ok: false, error: 'this card token belongs to another tab' };
      const opening = { tabId, frameId: sender.frameId ?? 0, index, seq };
      openings.set(token, opening);
      const shown = await sentenceOf(opening);
      if (!shown.ok) return shown;
      const frame = frames.get(token);
      if (frame) void toFrame(frame, { token, ...shown.value });
      return { ok: true, value: null };
    },
    async cardSentence(data, sender) {
      const frame = frameOf(data.token, sender);
      if (typeof frame === 'string') return { ok: false, error: frame };
      frames.set(data.token, frame);
      const opening = openings.get(data.token);
      return opening ? sentenceOf(opening) : { ok: true, value: null };
    },
    async cardEvent(data, sender) {
      const frame = frameOf(data.token, sender);
      if (typeof frame === 'string') return { ok: false, error: frame };
      const opening = openings.get(data.token);
      if (!opening) return { ok: false, error: 'no card is open with this token' };
      const event = frameEvent(data.event);
      if (!event) return { ok: false, error: 'a card event is { kind: "shown", seq, width, height } or { kind: "close", seq }' };
      const sent = await toContent(opening, { token: data.token, event });
      return sent.ok ? { ok: true, value: null } : { ok: false, error: sent.error };
    },
  };
  return {
    handlers,
    forget(tabId) {
      openings.dropWhere((o) => o.tabId === tabId);
      frames.dropWhere((f) => f.tabId === tabId);
    },
  };
}

/** A Map of at most `max` entries; setting an entry makes it the newest. */
function bounded<T>(max: number) {
  const map = new Map<string, T>();
  return {
    get: (key: string) => map.get(key),
    set(key: string, value: T) {
      map.delete(key);
      map.set(key, value);
      if (map.size > max) map.delete(map.keys().next().value as string);
    },
    dropWhere(test: (value: T) => boolean) {
      for (const [key, value] of map) if (test(value)) map.delete(key);
    },
  };
}

/** The event rebuilt from its known fields only (nothing else is passed on). */
function frameEvent(raw: unknown): CardFrameEvent | null {
  const e = raw as Partial<Record<'kind' | 'seq' | 'width' | 'height', unknown>> | null;
  if (typeof e !== 'object' || e === null || !isCount(e.seq)) return null;
  if (e.kind === 'close') return { kind: 'close', seq: e.seq };
  if (e.kind === 'shown' && isSize(e.width) && isSize(e.height)) return { kind: 'shown', seq: e.seq, width: e.width, height: e.height };
  return null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1e9;
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000;
}
