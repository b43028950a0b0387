/** Reading a page's elements through `evaluate` alone (any E2ePage or Playwright Page): their
 *  texts and counts, optionally inside one element found by its text, and waiting for them. */
import { pollUntil } from './browsers/poll';
import type { Target } from './browsers/pointer';
import type { Evaluates } from './page-probes';

/** The textContent (whitespace squashed) of every `selector` match, inside the first `within`
 *  element when given; [] when `within` is not on the page. */
export function texts(page: Evaluates, selector: string, within?: Target): Promise<string[]> {
  return page.evaluate(({ sel, scope }) => {
    const root = scope
      ? [...document.querySelectorAll(scope.selector)].find((e) => scope.hasText === undefined || (e.textContent ?? '').includes(scope.hasText))
      : document;
    return root ? [...root.querySelectorAll(sel)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()) : [];
  }, { sel: selector, scope: within ?? null });
}

/** How many `selector` matches there are (inside `within` when given). */
export async function count(page: Evaluates, selector: string, within?: Target): Promise<number> {
  return (await texts(page, selector, within)).length;
}

/** Waits until a `selector` match (whose text contains `hasText`, when given) is on the page;
 *  throws a message naming it after `timeoutMs`. */
export async function waitForSelector(page: Evaluates & { url(): string }, selector: string, hasText?: string, timeoutMs = 15_000): Promise<void> {
  const found = await pollUntil(async () => (await texts(page, selector)).some((t) => hasText === undefined || t.includes(hasText)), timeoutMs);
  if (!found) throw new Error(`no ${selector}${hasText ? ` with the text "${hasText}"` : ''} on ${page.url()} within ${timeoutMs} ms`);
}
