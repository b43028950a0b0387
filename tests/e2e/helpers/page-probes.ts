import type { Page } from 'playwright-core';

/** Selector of every highlight the content script makes (see notes/CONTRACTS.md). */
export const MARK = 'mark.echoes-mark[data-markjs]';

/** The marks of one sentence: its index, kind and marked text (pieces joined). */
export interface MarkedSentence { index: number; kind: string; text: string; pieces: number }

/** The page's highlights grouped by data-echoes-sentence, in document order. */
export async function markedSentences(page: Page): Promise<MarkedSentence[]> {
  const marks = await page.$$eval(MARK, (els) => els.map((el) => ({
    index: Number((el as HTMLElement).dataset.echoesSentence),
    kind: (el as HTMLElement).dataset.echoesKind ?? '',
    text: el.textContent ?? '',
  })));
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
export function markCount(page: Page): Promise<number> {
  return page.locator(MARK).count();
}

/** Waits until at least `min` marks are on the page; answers the count (less on timeout). */
export async function waitForMarks(page: Page, min = 1, timeoutMs = 15_000): Promise<number> {
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length >= n, [MARK, min] as const, { timeout: timeoutMs, polling: 100 })
    .catch(() => undefined);
  return markCount(page);
}

/** Waits until the page has no marks; answers the count left. */
export async function waitForNoMarks(page: Page, timeoutMs = 10_000): Promise<number> {
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, MARK, { timeout: timeoutMs, polling: 100 })
    .catch(() => undefined);
  return markCount(page);
}

/** What the hover card shows: whether an <echoes-card> is open (not hidden and rendered) and
 *  its text. The card's shadow root is closed to the page, so its text is read through the
 *  DevTools protocol, which sees closed shadow roots (as the user does). */
export async function cardState(page: Page): Promise<{ present: boolean; open: boolean; text: string }> {
  const host = await page.evaluate(() => {
    const el = document.querySelector('echoes-card');
    if (!el) return null;
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const shown = !(el as HTMLElement).hidden && style.display !== 'none' && style.visibility !== 'hidden';
    return { shown: shown && (rect.width > 0 || rect.height > 0 || el.shadowRoot === null), openRootText: el.shadowRoot?.textContent ?? null };
  });
  if (!host) return { present: false, open: false, text: '' };
  const text = host.openRootText ?? (await closedShadowText(page, 'ECHOES-CARD'));
  return { present: true, open: host.shown, text: text.replace(/\s+/g, ' ').trim() };
}

interface CdpNode { nodeType: number; nodeName: string; nodeValue?: string; children?: CdpNode[]; shadowRoots?: CdpNode[] }

/** The text (outside <style>) of the first shadow root of the first `tagName` element. */
async function closedShadowText(page: Page, tagName: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findNode(root, (n) => n.nodeName === tagName);
    const shadow = host?.shadowRoots?.[0];
    return shadow ? textOf(shadow) : '';
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

function findNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE') return '';
  return (node.children ?? []).map(textOf).join(' ');
}

/** Waits for the card to be open (or closed); answers its final state. */
export async function waitForCard(page: Page, open: boolean, timeoutMs = 5_000): Promise<{ present: boolean; open: boolean; text: string }> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const state = await cardState(page);
    if (state.open === open || Date.now() > end) return state;
    await page.waitForTimeout(100);
  }
}

/** Presses Tab until a mark has the keyboard focus (at most `maxTabs`); answers its sentence
 *  index, or null when no mark was reached. */
export async function tabToMark(page: Page, maxTabs = 80): Promise<number | null> {
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
export function bodySnapshot(page: Page): Promise<{ html: string; text: string }> {
  return page.evaluate(() => ({ html: document.body.innerHTML, text: document.body.textContent ?? '' }));
}

/** Where two strings first differ, with some context, for a readable failure. */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i} (lengths ${a.length} vs ${b.length}):\n  before: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}\n  after:  ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}
