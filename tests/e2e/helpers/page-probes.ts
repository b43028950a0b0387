/** What the highlights, card and page look like, through the browser-neutral E2ePage (see
 *  ./README.md). The probes that only evaluate take any page with `evaluate`, so Chromium-only
 *  tests can pass a Playwright Page as it is. */
import { pollUntil } from './browsers/poll';
import type { E2ePage } from './browsers/types';

/** A page that can run a function: an E2ePage, or a Playwright Page. */
export type Evaluates = Pick<E2ePage, 'evaluate'>;

/** Selector of every highlight the content script makes (see notes/CONTRACTS.md). */
export const MARK = 'mark.echoes-mark[data-markjs]';

/** The marks of one sentence: its index, kind and marked text (pieces joined). */
export interface MarkedSentence { index: number; kind: string; text: string; pieces: number }

/** The page's highlights grouped by data-echoes-sentence, in document order. */
export async function markedSentences(page: Evaluates): Promise<MarkedSentence[]> {
  const marks = await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => ({
    index: Number((el as HTMLElement).dataset.echoesSentence),
    kind: (el as HTMLElement).dataset.echoesKind ?? '',
    text: el.textContent ?? '',
  })), MARK);
  const groups = new Map<number, MarkedSentence>();
  for (const mark of marks) {
    const group = groups.get(mark.index) ?? { index: mark.index, kind: mark.kind, text: '', pieces: 0 };
    group.text += mark.text;
    group.pieces++;
    groups.set(mark.index, group);
  }
  return [...groups.values()];
}

/** Whitespace and quote marks flattened, for comparing marked text with expected phrases. */
export function flat(text: string): string {
  return text.replace(/[“”"‘’']/g, "'").replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
}

/** The marked sentence that contains `phrase`, or undefined. */
export function sentenceWith(sentences: readonly MarkedSentence[], phrase: string): MarkedSentence | undefined {
  const wanted = flat(phrase);
  return sentences.find((s) => flat(s.text).includes(wanted));
}

/** Number of our marks on the page. */
export function markCount(page: Evaluates, selector: string = MARK): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(sel).length, selector);
}

/** Waits until at least `min` marks are on the page; answers the count (less on timeout). */
export async function waitForMarks(page: Evaluates, min = 1, timeoutMs = 15_000): Promise<number> {
  await pollUntil(async () => (await markCount(page)) >= min, timeoutMs);
  return markCount(page);
}

/** Waits until the page has no marks; answers the count left. */
export async function waitForNoMarks(page: Evaluates, timeoutMs = 10_000): Promise<number> {
  await pollUntil(async () => (await markCount(page)) === 0, timeoutMs);
  return markCount(page);
}

/** What the hover card shows: whether an <echoes-card> is open (not hidden, its frame drawn
 *  and rendered) and the text of its frame, the extension's card page. The frame is another
 *  origin's document, so its text is read through the automation protocol (as the user sees
 *  it), which the page itself cannot do. */
export async function cardState(page: Pick<E2ePage, 'evaluate' | 'extensionFrameText'>): Promise<{ present: boolean; open: boolean; text: string }> {
  const host = await page.evaluate(() => {
    const el = document.querySelector('echoes-card');
    if (!el) return null;
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const shown = !(el as HTMLElement).hidden && style.display !== 'none' && style.visibility !== 'hidden';
    return { shown: shown && rect.width > 0 && rect.height > 0 };
  });
  if (!host) return { present: false, open: false, text: '' };
  const text = host.shown ? (await page.extensionFrameText(CARD_PAGE)) ?? '' : '';
  return { present: true, open: host.shown && text.trim() !== '', text: text.replace(/\s+/g, ' ').trim() };
}

/** The path of the extension page the card's frame shows. */
export const CARD_PAGE = '/card.html';

/** Waits for the card to be open (or closed); answers its final state. */
export async function waitForCard(page: Pick<E2ePage, 'evaluate' | 'extensionFrameText'>, open: boolean, timeoutMs = 5_000): Promise<{ present: boolean; open: boolean; text: string }> {
  await pollUntil(async () => (await cardState(page)).open === open, timeoutMs);
  return cardState(page);
}

/** Presses Tab until a mark has the keyboard focus (at most `maxTabs`); answers its sentence
 *  index, or null when no mark was reached. */
export async function tabToMark(page: Pick<E2ePage, 'evaluate' | 'keyboard'>, maxTabs = 80): Promise<number | null> {
  await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); });
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const index = await page.evaluate((sel) => {
      const active = document.activeElement;
      return active instanceof HTMLElement && active.matches(sel) ? Number(active.dataset.echoesSentence) : null;
    }, MARK);
    if (index !== null) return index;
  }
  return null;
}

/** body.innerHTML, and the text of the body, for before/after comparisons. */
export function bodySnapshot(page: Evaluates): Promise<{ html: string; text: string }> {
  return page.evaluate(() => ({ html: document.body.innerHTML, text: document.body.textContent ?? '' }));
}

/** Where two strings first differ, with some context, for a readable failure. */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i} (lengths ${a.length} vs ${b.length}):\n  before: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}\n  after:  ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}
