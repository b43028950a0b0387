import type { ReportSentence } from '../report/types';
import { CARD_CSS, renderCard } from './card-view';

/** Tag of the card's host element (appended to <html>, excluded from the text model). */
export const CARD_TAG = 'echoes-card';

/** Options of the hover card. */
export interface CardOptions {
  /** The report sentence a mark stands for (by its data-echoes-sentence), or undefined. */
  lookup: (index: number) => ReportSentence | undefined;
  /** Milliseconds before a hover opens or a pointer leaving closes the card; default 150/300. */
  openDelayMs?: number;
  closeDelayMs?: number;
  /** Which events count; default only trusted ones (a real person's), since the page can
   *  dispatch synthetic clicks, focus and hovers to open the card and read it. */
  isTrusted?: (event: Event) => boolean;
}

/** The hover card: opens on hover, keyboard focus and click of a mark, Escape closes it. */
export interface HoverCard {
  /** Shows the card for `mark` now (positioned near it). */
  open(mark: HTMLElement): void;
  close(): void;
  /** The sentence index shown, or null when closed. */
  openIndex(): number | null;
  /** The card's shadow root (closed to the page; for tests and focus handling). */
  readonly shadow: ShadowRoot;
  /** Removes listeners and the host element. */
  destroy(): void;
}

const MARK = 'mark.echoes-mark[data-echoes-sentence]';

/** Creates the card in `doc` and listens for marks; everything is undone by destroy(). */
export function createHoverCard(doc: Document, opts: CardOptions): HoverCard {
  const host = doc.createElement(CARD_TAG);
  host.hidden = true;
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CARD_CSS;
  shadow.append(style);
  doc.documentElement.append(host);
  const abort = new AbortController();
  let current: { mark: HTMLElement; index: number; body: HTMLElement } | null = null;
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
    current?.body.remove();
    current = null;
    host.hidden = true;
  };
  const open = (mark: HTMLElement): void => {
    clearTimeout(timer);
    const index = Number(mark.dataset.echoesSentence);
    const sentence = opts.lookup(index);
    if (!sentence || sentence.matches.length === 0) return;
    if (current?.index === index) return place(host, mark);
    current?.body.remove();
    const body = renderCard(doc, sentence, () => closeToMark(mark));
    shadow.append(body);
    current = { mark, index, body };
    host.hidden = false;
    place(host, mark);
  };

  listen(doc, host, abort.signal, opts.isTrusted ?? ((e) => e.isTrusted), {
    enter: (mark) => later(() => open(mark), opts.openDelayMs ?? 150),
    leave: () => later(close, opts.closeDelayMs ?? 300),
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
    destroy: () => {
      close();
      abort.abort();
      host.remove();
    },
  };
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

/** Page listeners, all on `doc` and tied to `signal`; events `trusted` refuses are ignored. */
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
  const cardHeight = host.getBoundingClientRect().height || 200;
  const below = rect.bottom + 6;
  const top = below + cardHeight <= height ? below : Math.max(8, rect.top - 6 - cardHeight);
  const left = Math.min(Math.max(8, rect.left), Math.max(8, width - 448));
  host.style.top = `${Math.round(top)}px`;
  host.style.left = `${Math.round(left)}px`;
}
