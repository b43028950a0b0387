/** A hostile page against the hover card, in Chromium and Firefox: the page's own script opens
 *  the card every way a page can (synthetic hover and click, which are ignored, and focus(),
 *  whose focus event the browser marks trusted), then looks for what the card shows with
 *  window.find, by walking its DOM and shadow roots, through window.frames and its resource
 *  timings (a frame in a shadow tree is not among window.frames, and another origin's document
 *  is closed to it anyway). It must learn nothing of the outlets, dates or diff words. */
import { beforeAll, expect, it } from 'vitest';
import { forEachBrowser } from './helpers/browsers/for-each-browser';
import { pollUntil } from './helpers/browsers/poll';
import type { E2eBrowser, E2ePage } from './helpers/browsers/types';
import type { Report, ReportSentence } from '../../lib/report/types';
import { CARD_PAGE, markedSentences, sentenceWith, waitForMarks } from './helpers/page-probes';

const TRT_ID = '000_195ccdb3a235dd3d';
/** Reworded against The Moscow Times: its card has a provenance line, a score and diff words. */
const REWORDED = "Kazakhstan's President Kassym-Jomart Tokayev has announced that a contingent";

/** What the person sees in the card: the card frame's text, or (for a card drawn in the
 *  page's document) its closed shadow root's, read through the protocol either way. */
async function visibleCardText(page: E2ePage): Promise<string> {
  const text = (await page.extensionFrameText(CARD_PAGE)) ?? (await page.closedShadowText('echoes-card'));
  return text.replace(/\s+/g, ' ').trim();
}

/** What the card shows of `sentence`, as the report has it: its heading, the first outlet's
 *  line, each match's score and change, and the words other outlets used that this page does
 *  not; only the pieces the page's own text lacks (so finding one means the page read the card). */
function secretsOf(sentence: ReportSentence, pageText: string): string[] {
  const page = pageText.replace(/\s+/g, ' ').toLowerCase();
  const outlets = new Set(sentence.matches.map((m) => m.outlet)).size;
  const pieces = [`Also ran in ${outlets} outlet${outlets === 1 ? '' : 's'}`];
  if (sentence.provenance?.first?.articleId) pieces.push(`first ran in ${sentence.provenance.first.outlet}`);
  for (const m of sentence.matches) {
    pieces.push(`${Math.round(m.score * 100)}%`, m.change);
    for (const op of m.diff) if (op.op === 'insert') pieces.push(op.text.trim());
  }
  return [...new Set(pieces)].filter((p) => p.length >= 3 && !page.includes(p.toLowerCase()));
}

/** Everything the page's script tries, run in the page's own world; answers what it learned. */
function attack(secrets: string[]) {
  const found: string[] = [];
  const sel = getSelection();
  for (const secret of secrets) {
    sel?.removeAllRanges();
    // (string, caseSensitive, backwards, wrapAround, wholeWord, searchInFrames, showDialog)
    const find = (window as unknown as { find(...a: unknown[]): boolean }).find;
    for (const inFrames of [true, false]) {
      try {
        if (find.call(window, secret, false, false, true, false, inFrames, false)) {
          found.push(`window.find: ${secret}`);
          break;
        }
      } catch {
        // Firefox refuses to search into the card's frame (another origin): nothing found there.
      }
    }
  }
  sel?.removeAllRanges();
  const texts: string[] = [];
  const walk = (root: Document | ShadowRoot): void => {
    texts.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el instanceof HTMLIFrameElement) {
        try {
          if (el.contentDocument) walk(el.contentDocument);
        } catch { /* another origin's frame */ }
      }
    }
  };
  walk(document);
  const host = document.querySelector('echoes-card');
  const frames: string[] = [];
  for (let i = 0; i < window.length; i++) {
    try {
      const doc = window.frames[i]!.document;
      texts.push(doc.documentElement.outerHTML);
      frames.push('read');
    } catch {
      frames.push('blocked');
    }
  }
  texts.push(performance.getEntries().map((e) => e.name).join('\n'));
  const everything = texts.join('\n').toLowerCase();
  for (const secret of secrets) if (everything.includes(secret.toLowerCase())) found.push(`DOM: ${secret}`);
  const markAttributes = [...new Set([...document.querySelectorAll('mark')].flatMap((m) => [...m.attributes].map((a) => a.name)))].sort();
  return { found, frames, hostShadowRoot: host ? host.shadowRoot !== null : null, markAttributes };
}

forEachBrowser('a hostile page and the hover card', (ctx) => {
  let session: E2eBrowser;
  let page: E2ePage;
  let index: number;
  let reported: ReportSentence;

  beforeAll(async () => {
    session = ctx.session;
    const trt = session.site.outlets.find((o) => o.articleId === TRT_ID);
    if (!trt) throw new Error(`the demo site has no page for seed ${TRT_ID}`);
    page = await session.open(trt.url);
    await waitForMarks(page, 4, 30_000);
    const sentence = sentenceWith(await markedSentences(page), REWORDED);
    if (!sentence) throw new Error(`not highlighted: ${REWORDED}`);
    index = sentence.index;
    const state = await session.callBackground<{ state: string; report?: Report }>('getTabState', { tabId: await session.tabIdOf(page) });
    const found = state.ok ? state.value.report?.sentences.find((s) => s.index === index) : undefined;
    if (!found) throw new Error(`the background has no report of sentence ${index}`);
    reported = found;
  });

  it('opens the card by the page\'s own script, which then learns nothing of what it shows', async () => {
    await page.bringToFront(); // focus events reach the front tab only
    const pageText = await page.evaluate(() => document.body.innerText);
    await page.evaluate((i) => {
      const mark = document.querySelector<HTMLElement>(`mark.echoes-mark[data-echoes-sentence="${i}"][tabindex="0"]`)!;
      mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      mark.click();
      mark.focus(); // the browser's focus event is trusted: the card opens
    }, index);
    let cardText = '';
    await pollUntil(async () => (cardText = await visibleCardText(page)).includes('The Moscow Times'), 10_000);
    expect(cardText, 'the card did not open on focus()').toContain('The Moscow Times');
    await session.screenshot(page, 'card-attack-open');
    const secrets = secretsOf(reported, pageText);
    console.log(`[e2e card attack] ${ctx.name}: the page looks for ${JSON.stringify(secrets)}`);
    expect(secrets.length, 'the card shows nothing the page lacks').toBeGreaterThanOrEqual(3);
    const flat = (t: string) => t.replace(/\s+/g, ' ').toLowerCase();
    for (const secret of secrets) expect(flat(cardText), 'the person sees it in the card').toContain(flat(secret));
    const learned = await page.evaluate(attack, secrets);
    expect(learned.found, 'what the page recovered of the card').toEqual([]);
    expect(learned.hostShadowRoot).toBe(false);
    expect(learned.frames.every((f) => f === 'blocked'), `frames the page could read: ${learned.frames}`).toBe(true);
    expect(learned.markAttributes).toEqual(['class', 'data-echoes-kind', 'data-echoes-sentence', 'data-markjs', 'tabindex']);
    expect(session.console.timings().length).toBeGreaterThan(0);
    // A second opening, its frame loaded already: how fast the card follows the focus.
    const other = (await markedSentences(page)).find((s) => s.index !== index)!;
    await page.evaluate((i) => document.querySelector<HTMLElement>(`mark.echoes-mark[data-echoes-sentence="${i}"][tabindex="0"]`)!.focus(), other.index);
    const cardLogs = () => session.console.matching(/card shown \d+ ms/).filter((e) => e.pageUrl === page.url()).map((e) => e.text.replace(/^.*(card shown \d+ ms).*$/, '$1'));
    await pollUntil(async () => cardLogs().length >= 2, 10_000);
    const shown = cardLogs();
    console.log(`[e2e card attack] ${ctx.name}: first opening (frame loading): ${shown[0] ?? 'no "card shown" log'}; second: ${shown[1] ?? 'none'}`);
    expect(shown).toHaveLength(2);
  });

  it('keeps the card closed for synthetic events alone', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await pollUntil(async () => page.evaluate(() => (document.querySelector('echoes-card') as HTMLElement | null)?.hidden ?? true), 5_000);
    await page.evaluate((i) => {
      const mark = document.querySelector<HTMLElement>(`mark.echoes-mark[data-echoes-sentence="${i}"][tabindex="0"]`)!;
      for (const type of ['mouseover', 'focusin', 'click']) mark.dispatchEvent(new MouseEvent(type, { bubbles: true }));
    }, index);
    await new Promise((r) => setTimeout(r, 600));
    expect(await page.evaluate(() => (document.querySelector('echoes-card') as HTMLElement | null)?.hidden ?? true)).toBe(true);
  });
});
