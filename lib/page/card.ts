/** The hover card, as the page holds it: a bare iframe of the extension's card page in a closed
 *  shadow root, placed near the mark. What it shows (outlets, dates, diffs) is drawn by that
 *  page, in the extension's origin, from what it asks the background: the page can neither read
 *  the frame (cross-origin) nor find its text (window.find searches the page's own document).
 *  This module only says which sentence to show, through a channel the page cannot hear. */

/** Tag of the card's host element (appended to <html>, excluded from the text model). */
export const CARD_TAG = 'echoes-card';

/** What the card's frame says back (relayed by the background): it has drawn opening `seq`
 *  and needs `width` × `height` CSS pixels, or the person asked it to close (Escape, ×). */
export type CardFrameEvent =
  | { kind: 'shown'; seq: number; width: number; height: number }
  | { kind: 'close'; seq: number };

/** How the card reaches its frame: the content script's extension glue (lib/ext/content). */
export interface CardChannel {
  /** The card page's address followed by `hash` ('#t=…&s=…'). */
  frameUrl(hash: string): string;
  /** Tells the background (and so the card's frame, which hears it too) that the card `token`
   *  shows sentence `index` now, as opening `seq`; true once the background knows. */
  open(token: string, index: number, seq: number): Promise<boolean>;
  /** Hears what the frame of `token` says; answers the function that stops listening. */
  listen(token: string, on: (event: CardFrameEvent) => void): () => void;
}

/** Options of the hover card. */
export interface CardOptions {
  /** Whether sentence `index` (a mark's data-echoes-sentence) has matches to show. */
  hasMatches: (index: number) => boolean;
  channel: CardChannel;
  /** Milliseconds before a hover opens or a pointer leaving closes the card; default 150/300. */
  openDelayMs?: number;
  closeDelayMs?: number;
  /** Which events count; default only trusted ones (a real person's), since the page can
   *  dispatch synthetic clicks, focus and hovers. */
  isTrusted?: (event: Event) => boolean;
  /** A fresh random token naming this card to the background (default: 128 random bits). */
  token?: () => string;
  /** Where "card shown N ms after it was opened" goes, and its clock (default performance.now). */
  log?: (message: string) => void;
  now?: () => number;
}

/** The hover card: opens on hover, keyboard focus and click of a mark, Escape closes it. */
export interface HoverCard {
  /** Asks the frame to show `mark`'s sentence; the card appears once the frame has drawn it. */
  open(mark: HTMLElement): void;
  close(): void;
  /** The sentence index asked for (shown or about to be), or null when closed. */
  openIndex(): number | null;
  /** Whether the frame has drawn the sentence and the card is visible. */
  isShown(): boolean;
  /** The card's shadow root (closed to the page; for tests). */
  readonly shadow: ShadowRoot;
  /** Removes listeners and the host element. */
  destroy(): void;
}

const MARK = 'mark.echoes-mark[data-echoes-sentence]';
/** Widest card, and its height cap (as the old in-page card). */
const MAX_WIDTH = 440;
const MAX_HEIGHT = 480;

/** The host's CSS: the page's styles cannot reach into the shadow root, and `all: initial`
 *  keeps inherited ones off the host. The frame draws the card; the iframe gives it a shadow. */
const HOST_CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; display: block; }
:host([hidden]) { display: none; }
iframe { display: block; border: 0; margin: 0; padding: 0; border-radius: 8px; background: transparent;
  color-scheme: normal; box-shadow: 0 6px 24px rgba(0,0,0,.22); }
`;

/** Creates the card in `doc` and listens for marks; everything is undone by destroy(). */
export function createHoverCard(doc: Document, opts: CardOptions): HoverCard {
  const host = doc.createElement(CARD_TAG);
  host.hidden = true;
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS;
  shadow.append(style);
  doc.documentElement.append(host);
  const token = (opts.token ?? (() => randomToken(doc)))();
  const abort = new AbortController();
  let frame: HTMLIFrameElement | null = null;
  let seq = 0;
  const now = opts.now ?? (() => performance.now());
  let current: { mark: HTMLElement; index: number; seq: number; shown: boolean; openedAt: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (fn: () => void, ms: number): void => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };

  let refocusing = false;
  /** Closes and gives focus back to the mark, without the focus reopening the card. */
  const closeToMark = (mark: HTMLElement | undefined): void => {
    close();
    refocusing = true;
    try {
      focusTarget(doc, mark)?.focus();
    } finally {
      refocusing = false;
    }
  };
  const close = (): void => {
    clearTimeout(timer);
    current = null;
    host.hidden = true;
  };
  /** The frame, made at the first sign of interest (a hover starts loading it during the
   *  hover delay) and kept: it asks the background for the current opening when it loads, and
   *  again each time it hears this card's next cardOpen (runtime messages reach every
   *  extension page, never the page's window). */
  const ensureFrame = (): HTMLIFrameElement => (frame ??= createFrame(doc, shadow, opts.channel.frameUrl(`#t=${token}`)));
  const open = (mark: HTMLElement): void => {
    clearTimeout(timer);
    const index = Number(mark.dataset.echoesSentence);
    if (!Number.isInteger(index) || !opts.hasMatches(index)) return;
    if (current?.index === index) {
      current.mark = mark;
      if (current.shown) place(host, mark);
      return;
    }
    const opening = { mark, index, seq: ++seq, shown: false, openedAt: now() };
    current = opening;
    const view = doc.defaultView;
    const el = ensureFrame();
    host.style.visibility = 'hidden'; // laid out at full size for the frame to measure, not seen
    el.style.width = `${Math.min(MAX_WIDTH, (view?.innerWidth ?? 1024) - 16)}px`;
    el.style.height = `${cardHeightCap(view)}px`;
    host.hidden = false;
    place(host, mark);
    void opts.channel.open(token, index, opening.seq);
  };
  const onFrame = (event: CardFrameEvent): void => {
    if (!current || event.seq !== current.seq || !frame) return;
    if (event.kind === 'close') return closeToMark(current.mark);
    const view = doc.defaultView;
    frame.style.width = `${clamp(event.width, 40, Math.min(MAX_WIDTH, (view?.innerWidth ?? 1024) - 16))}px`;
    frame.style.height = `${clamp(event.height, 24, cardHeightCap(view))}px`;
    host.style.visibility = '';
    if (!current.shown) opts.log?.(`card shown ${Math.round(now() - current.openedAt)} ms after it was opened`);
    current.shown = true;
    place(host, current.mark);
  };
  const stopListening = opts.channel.listen(token, onFrame);

  listen(doc, host, abort.signal, opts.isTrusted ?? ((e) => e.isTrusted), {
    enter: (mark) => {
      if (opts.hasMatches(Number(mark.dataset.echoesSentence))) ensureFrame();
      later(() => open(mark), opts.openDelayMs ?? 150);
    },
    leave: () => {
      if (current) later(close, opts.closeDelayMs ?? 300);
      else clearTimeout(timer);
    },
    keep: () => clearTimeout(timer),
    now: (mark) => {
      if (!refocusing) open(mark);
    },
    escape: () => {
      if (current) closeToMark(current.mark);
    },
  });

  return {
    open, close, shadow,
    openIndex: () => current?.index ?? null,
    isShown: () => current?.shown ?? false,
    destroy: () => {
      close();
      abort.abort();
      stopListening();
      host.remove();
    },
  };
}

function createFrame(doc: Document, shadow: ShadowRoot, src: string): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.title = 'Echoes: other outlets that ran this sentence';
  // No referrer for the frame's load, and nothing of the page's features it does not need.
  frame.referrerPolicy = 'no-referrer';
  frame.setAttribute('allow', '');
  frame.src = src;
  shadow.append(frame);
  return frame;
}

/** The card's height cap: 60% of the viewport, at most MAX_HEIGHT. */
function cardHeightCap(view: Window | null): number {
  return Math.round(Math.min(MAX_HEIGHT, (view?.innerHeight ?? 768) * 0.6));
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.round(Math.min(Math.max(value, min), Math.max(min, max))) : min;
}

/** 128 random bits as 32 hex digits. */
function randomToken(doc: Document): string {
  const bytes = new Uint8Array(16);
  (doc.defaultView?.crypto ?? globalThis.crypto).getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface CardEvents {
  enter(mark: HTMLElement): void;
  leave(): void;
  keep(): void;
  now(mark: HTMLElement): void;
  escape(): void;
}

/** The sentence's focusable mark (only its first mark has tabindex=0). */
function focusTarget(doc: Document, mark: HTMLElement | undefined): HTMLElement | undefined {
  if (!mark || mark.tabIndex >= 0) return mark;
  const index = mark.dataset.echoesSentence ?? '';
  return doc.querySelector<HTMLElement>(`${MARK}[data-echoes-sentence="${CSS.escape(index)}"][tabindex="0"]`) ?? mark;
}

/** Page listeners, all on `doc` and tied to `signal`; events `trusted` refuses are ignored.
 *  The pointer inside the frame is the frame's: the page sees it enter the host (keep) and,
 *  when it comes back out, reach some other element (leave). */
function listen(doc: Document, host: HTMLElement, signal: AbortSignal, trusted: (e: Event) => boolean, on: CardEvents): void {
  const markOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof doc.defaultView!.Element ? (target.closest(MARK) as HTMLElement | null) : null;
  const opts = { signal, capture: true };
  const addEventListener = (type: string, fn: (e: Event) => void, options: AddEventListenerOptions): void =>
    doc.addEventListener(type, (e) => {
      if (trusted(e)) fn(e);
    }, options);
  addEventListener('mouseover', (e) => {
    const mark = markOf(e.target);
    if (mark) on.enter(mark);
    else if (e.target === host) on.keep();
    else on.leave();
  }, opts);
  addEventListener('mouseout', (e) => {
    if (markOf(e.target) || e.target === host) on.leave();
  }, opts);
  addEventListener('focusin', (e) => {
    const mark = markOf(e.target);
    if (mark) on.now(mark);
    else if (e.target === host) on.keep();
  }, opts);
  addEventListener('focusout', (e) => {
    if (markOf(e.target) && (e as FocusEvent).relatedTarget !== host) on.leave();
  }, opts);
  addEventListener('click', (e) => {
    const mark = markOf(e.target);
    if (mark) on.now(mark);
  }, opts);
  addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') on.escape();
  }, opts);
}

/** Puts the card below the mark (above when there is no room), inside the viewport. */
function place(host: HTMLElement, mark: HTMLElement): void {
  const view = host.ownerDocument.defaultView;
  const rect = mark.getBoundingClientRect();
  const width = view?.innerWidth ?? 1024;
  const height = view?.innerHeight ?? 768;
  const box = host.getBoundingClientRect();
  const cardHeight = box.height || 200;
  const below = rect.bottom + 6;
  const top = below + cardHeight <= height ? below : Math.max(8, rect.top - 6 - cardHeight);
  const left = Math.min(Math.max(8, rect.left), Math.max(8, width - (box.width || MAX_WIDTH) - 8));
  host.style.top = `${Math.round(top)}px`;
  host.style.left = `${Math.round(left)}px`;
}
