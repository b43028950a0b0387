/** Watching the page's address ourselves. WXT's `wxt:locationchange` is a plain window event
 *  the page can dispatch as often as it likes, so the address itself is the only evidence. */

/** Options of watchUrl. */
export interface UrlWatchOptions {
  /** The address now (location.href). */
  href: () => string;
  /** Called with the new and the previous address, only when they differ. */
  onChange: (href: string, previous: string) => void;
  /** Ends the watch. */
  signal: AbortSignal;
  /** A window whose `navigation` (where there is one) tells us early that the address may have
   *  changed; its events are only hints, the address is compared anyway. */
  win?: Window;
  /** How often the address is compared where there is no Navigation API; default 1000 ms. */
  pollMs?: number;
}

/** Calls onChange whenever the address really changed: on Navigation API events where the
 *  browser has them, and by comparing every `pollMs` (Firefox ESR has no Navigation API). */
export function watchUrl(opts: UrlWatchOptions): void {
  let last = opts.href();
  const check = (): void => {
    if (opts.signal.aborted) return;
    const now = opts.href();
    if (now === last) return;
    const previous = last;
    last = now;
    opts.onChange(now, previous);
  };
  const navigation = (opts.win as (Window & { navigation?: EventTarget }) | undefined)?.navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('navigatesuccess', check, { signal: opts.signal });
  }
  const timer = setInterval(check, opts.pollMs ?? 1000);
  opts.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
