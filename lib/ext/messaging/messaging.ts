/** The only module that sends or receives runtime messages: it turns the call maps of
 *  lib/ext/messaging/messages.ts into typed send/on functions and checks who is calling. */
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundCalls, CallData, CallName, CallResult, CallValue, CardFrameCalls, ContentCalls, OffscreenCalls } from './messages';

/** The card page's path in the built extension (entrypoints/card). */
export const CARD_PAGE = '/card.html';

/** A message's sender as the runtime reports it. */
export type Sender = Browser.runtime.MessageSender;
/** Who sent a message: our content script in a web page, one of our own pages (popup,
 *  options, the background), the hover card's frame (our page, but living inside a web page,
 *  so it is given only the two calls it needs), or anything else (another extension, a page,
 *  an unknown context). */
export type SenderKind = 'content' | 'extension-page' | 'card-frame' | 'foreign';

/** A receiver's handlers: one per call, answering a CallResult (or its promise). */
export type CallHandlers<Calls> = {
  [K in CallName<Calls>]: (data: CallData<Calls, K>, sender: Sender) => CallResult<CallValue<Calls, K>> | Promise<CallResult<CallValue<Calls, K>>>;
};
/** Decides whether `sender` may make call `name`: null to allow, else the refusal reason. */
export type SenderCheck = (name: string, sender: Sender) => string | null;

/** What goes over the wire: the call's name under our own key, so foreign messages are ignored. */
interface Envelope { echoesCall: string; data: unknown }

/** Which senders may make each background call: content scripts only ask about their page;
 *  only the extension's own pages read or change settings, the corpus and tab states. */
export const BACKGROUND_ACCESS: Record<CallName<BackgroundCalls>, readonly SenderKind[]> = {
  matchPage: ['content'],
  pageState: ['content'],
  pageRead: ['content'],
  extractArticle: ['content'],
  cardOpen: ['content'],
  cardSentence: ['card-frame'],
  cardEvent: ['card-frame'],
  getTabState: ['extension-page'],
  getSettings: ['extension-page'],
  setSiteEnabled: ['extension-page'],
  setGlobalEnabled: ['extension-page'],
  setMatchSettings: ['extension-page'],
  listCorpus: ['extension-page'],
  searchCorpus: ['extension-page'],
  getDiagnostics: ['extension-page'],
  beginImport: ['extension-page'],
  importBatch: ['extension-page'],
  finishImport: ['extension-page'],
  cancelImport: ['extension-page'],
  addPageToCorpus: ['extension-page'],
  removeArticles: ['extension-page'],
  removeOutlet: ['extension-page'],
  clearUserCorpus: ['extension-page'],
  setBuiltinHidden: ['extension-page'],
  exportCorpus: ['extension-page'],
  listFeeds: ['extension-page'],
  checkFeed: ['extension-page'],
  subscribeFeed: ['extension-page'],
  unsubscribeFeed: ['extension-page'],
  refreshFeeds: ['extension-page'],
  getReadingMemory: ['extension-page'],
  setReadingMemory: ['extension-page'],
  getRetention: ['extension-page'],
  setRetention: ['extension-page'],
  setArticlePinned: ['extension-page'],
  getArticleRetention: ['extension-page'],
};

/** Classifies a sender. `runtimeId`/`extensionUrl` default to this extension's id and its
 *  base URL (runtime.getURL('')). An extension page is recognised by its URL even when it is
 *  open in a tab; a content script has a tab, our id and a URL outside the extension. */
export function classifySender(
  sender: Sender,
  runtimeId: string = browser.runtime.id,
  extensionUrl: string = browser.runtime.getURL('/'),
): SenderKind {
  if (sender.id !== runtimeId) return 'foreign';
  const url = sender.url ?? '';
  if (url.startsWith(extensionUrl)) {
    // The card's address with its #token (or a ?query) cut off: only the card page itself.
    const path = `/${url.slice(extensionUrl.length).split(/[?#]/)[0]}`;
    return path === CARD_PAGE ? 'card-frame' : 'extension-page';
  }
  if (sender.tab && url !== '') return 'content';
  return 'foreign';
}

/** The default background sender check, from BACKGROUND_ACCESS. */
export const checkBackgroundSender: SenderCheck = (name, sender) => {
  const allowed = ownEntry<readonly SenderKind[]>(BACKGROUND_ACCESS, name);
  if (!allowed) return `unknown call ${quoteName(name)}`;
  const kind = classifySender(sender);
  if (allowed.includes(kind)) return null;
  return `refused: "${name}" may be called only from ${allowed.map(describeKind).join(' or ')}, not from ${describeKind(kind)}`;
};

function describeKind(kind: SenderKind): string {
  if (kind === 'content') return 'a content script';
  if (kind === 'card-frame') return "the hover card's frame";
  if (kind === 'extension-page') return "the extension's own pages";
  return 'another extension or page';
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).echoesCall === 'string';
}

/** Answers one message: undefined when it is not ours (another listener may answer), else
 *  the handler's CallResult, a refusal, or the error a handler threw, as a value. */
export function dispatchCall<Calls>(
  handlers: CallHandlers<Calls>,
  check: SenderCheck,
  message: unknown,
  sender: Sender,
): Promise<CallResult<unknown>> | undefined {
  if (!isEnvelope(message)) return undefined;
  const name = message.echoesCall;
  // Own properties only: "constructor", "toString" or "__proto__" are not calls of ours.
  const handler = ownEntry<(data: unknown, sender: Sender) => unknown>(handlers as object, name);
  if (typeof handler !== 'function') return Promise.resolve({ ok: false, error: `unknown call ${quoteName(name)}` });
  const refusal = check(name, sender);
  if (refusal !== null) return Promise.resolve({ ok: false, error: refusal });
  const data = message.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) return Promise.resolve({ ok: false, error: `${quoteName(name)} takes one data object` });
  return Promise.resolve()
    .then(() => handler(data, sender) as Promise<CallResult<unknown>>)
    .catch((error: unknown) => ({ ok: false as const, error: `${quoteName(name)} failed: ${errorText(error)}` }));
}

/** `table[key]` when it is the table's own property, else undefined (never an inherited one). */
function ownEntry<T>(table: object, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? (table as Record<string, T>)[key] : undefined;
}

/** A call name for an error line: quoted, and cut short (a page may send any string). */
function quoteName(name: string): string {
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
}

/** Listens for calls with `handlers`; answers through sendResponse (works with and without
 *  the polyfill). Returns the function that stops listening. */
function listen<Calls>(handlers: CallHandlers<Calls>, check: SenderCheck): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => {
    const answer = dispatchCall(handlers, check, message, sender);
    if (!answer) return undefined;
    void answer.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Background: answer BackgroundCalls; `senderCheck` defaults to BACKGROUND_ACCESS. */
export function onBackgroundCall(handlers: CallHandlers<BackgroundCalls>, senderCheck: SenderCheck = checkBackgroundSender): () => void {
  return listen(handlers, senderCheck);
}

/** Content script: answer ContentCalls, only from this extension's own pages. */
export function onContentCall(handlers: CallHandlers<ContentCalls>): () => void {
  return listen(handlers, (name, sender) =>
    classifySender(sender) === 'extension-page' ? null : `refused: "${name}" may be called only from the extension's own pages`,
  );
}

/** Offscreen document: answer OffscreenCalls, only from the background. Runtime messages reach
 *  every extension page, so calls that are not its own are left unanswered for the background. */
export function onOffscreenCall(handlers: CallHandlers<OffscreenCalls>): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => {
    if (!isEnvelope(message) || ownEntry(handlers, message.echoesCall) === undefined) return undefined;
    const answer = dispatchCall(handlers, (name, from) =>
      classifySender(from) === 'extension-page' && !from.tab ? null : `refused: "${name}" may be called only by the background`, message, sender);
    if (!answer) return undefined;
    void answer.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Card frame: hears the CardFrameCalls meant for card `token`, only from the background
 *  (calls for other cards, or not of this map, are left alone). Nothing is answered back: the
 *  frame reports through its own background calls. */
export function onCardFrameCall(token: string, handlers: { [K in CallName<CardFrameCalls>]: (data: CallData<CardFrameCalls, K>) => void }): () => void {
  const listener = (message: unknown, sender: Sender): undefined => {
    if (!isEnvelope(message) || classifySender(sender) !== 'extension-page' || sender.tab) return undefined;
    const handler = ownEntry<(data: unknown) => void>(handlers, message.echoesCall);
    const data = message.data as { token?: unknown } | null;
    if (typeof handler === 'function' && typeof data === 'object' && data !== null && data.token === token) handler(data);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Background -> the card frame `frameId` of tab `tabId`. Sent as to the tab's frame (in
 *  Firefox an extension frame inside a web page hears only what is sent to its tab, not
 *  runtime broadcasts). Never throws; no answer is expected. */
export function sendToCardFrame<K extends CallName<CardFrameCalls>>(
  tabId: number, frameId: number, name: K, data: CallData<CardFrameCalls, K>,
): Promise<CallResult<CallValue<CardFrameCalls, K>>> {
  return settle(browser.tabs.sendMessage(tabId, { echoesCall: name, data } satisfies Envelope, { frameId }), `the card frame in tab ${tabId}`);
}

/** Background -> offscreen document. Never throws, like sendToBackground. */
export function sendToOffscreen<K extends CallName<OffscreenCalls>>(
  name: K,
  data: CallData<OffscreenCalls, K>,
): Promise<CallResult<CallValue<OffscreenCalls, K>>> {
  return settle(browser.runtime.sendMessage({ echoesCall: name, data } satisfies Envelope), 'the offscreen document');
}

/** Calls the background. Never throws: no answer or a transport error becomes { ok: false }. */
export function sendToBackground<K extends CallName<BackgroundCalls>>(
  name: K,
  data: CallData<BackgroundCalls, K>,
): Promise<CallResult<CallValue<BackgroundCalls, K>>> {
  return settle(browser.runtime.sendMessage({ echoesCall: name, data } satisfies Envelope), 'the background');
}

/** Calls the content script of tab `tabId`. Never throws: a tab without our content script
 *  (not loaded yet, unsupported page) answers { ok: false, error }. */
export function sendToTab<K extends CallName<ContentCalls>>(
  tabId: number,
  name: K,
  data: CallData<ContentCalls, K>,
  options?: { frameId?: number },
): Promise<CallResult<CallValue<ContentCalls, K>>> {
  const message = { echoesCall: name, data } satisfies Envelope;
  const sent = options?.frameId === undefined ? browser.tabs.sendMessage(tabId, message) : browser.tabs.sendMessage(tabId, message, { frameId: options.frameId });
  return settle(sent, `the page in tab ${tabId}`);
}

async function settle<T>(pending: Promise<unknown>, receiver: string): Promise<CallResult<T>> {
  try {
    const answer = (await pending) as CallResult<T> | undefined;
    if (answer && typeof answer === 'object' && typeof answer.ok === 'boolean') return answer;
    return { ok: false, error: `no answer from ${receiver}` };
  } catch (error) {
    return { ok: false, error: `could not reach ${receiver}: ${errorText(error)}` };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
