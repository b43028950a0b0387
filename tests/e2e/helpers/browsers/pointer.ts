/** Real pointer input on an element: scrolled into view, then the mouse moved to (or clicked
 *  at) its centre through the driver, so the page sees trusted events, as from a person. */
import type { E2ePage } from './types';

type PointerPage = Pick<E2ePage, 'evaluate' | 'mouse' | 'url'>;

/** Which element: the first match of `selector` whose text contains `hasText` (when given). */
export interface Target { selector: string; hasText?: string }

/** The centre of the target in viewport pixels, after scrolling it into view. */
export async function centreOf(page: PointerPage, target: Target | string): Promise<{ x: number; y: number }> {
  const t = typeof target === 'string' ? { selector: target } : target;
  const point = await page.evaluate(({ selector, hasText }) => {
    const el = [...document.querySelectorAll(selector)].find((e) => hasText === undefined || (e.textContent ?? '').includes(hasText));
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const rect = el.getClientRects()[0] ?? el.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, t);
  if (!point) throw new Error(`no ${t.selector}${t.hasText ? ` with the text "${t.hasText}"` : ''} on ${page.url()}`);
  return point;
}

/** Moves the mouse onto the target. */
export async function hover(page: PointerPage, target: Target | string): Promise<void> {
  const { x, y } = await centreOf(page, target);
  await page.mouse.move(x, y);
}

/** Clicks the target. */
export async function click(page: PointerPage, target: Target | string): Promise<void> {
  const { x, y } = await centreOf(page, target);
  await page.mouse.click(x, y);
}
