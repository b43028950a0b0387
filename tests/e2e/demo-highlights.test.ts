/** The built extension on the demo site's TRT World page, in Chromium and Firefox: which
 *  sentences are highlighted, how kinds differ, the badge, and the hover card by mouse and
 *  keyboard. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoOutletPage } from '../../scripts/demo-site/site-map';
import { forEachBrowser } from './helpers/browsers/for-each-browser';
import { hover } from './helpers/browsers/pointer';
import type { E2eBrowser, E2ePage } from './helpers/browsers/types';
import { cardState, markCount, markedSentences, MARK, sentenceWith, tabToMark, waitForCard, waitForMarks, type MarkedSentence } from './helpers/page-probes';

const TRT_ID = '000_195ccdb3a235dd3d';
const MOSCOW_TIMES_ID = '001_d8ecf45d43cff358';

/** TRT World sentences that The Moscow Times (AFP) also ran. */
const SHARED_WITH_MOSCOW_TIMES = [
  'The main mission of the CSTO peacekeeping forces has been successfully completed',
  "Tokayev's mentor, founding president Nursultan Nazarbayev, has yet to appear publicly",
  'Former national security committee chief Karim Masimov',
  "Kazakhstan's President Kassym-Jomart Tokayev has announced that a contingent",
];
/** TRT World's own sentences: the Turkish Airlines section and lines no other seed has. */
const TRT_ONLY = [
  "Turkiye's flag-carrier Turkish Airlines will restart flights to Kazakhstan",
  'Eksi said commercial flights to Nur-Sultan would begin on January 13',
  'Our talks with authorities on commercial flights to Almaty continue',
  'Tokayev also blamed the committee formerly controlled by Masimov',
];

function outlet(session: E2eBrowser, articleId: string): DemoOutletPage {
  const found = session.site.outlets.find((o) => o.articleId === articleId);
  if (!found) throw new Error(`the demo site has no page for seed ${articleId}`);
  return found;
}

forEachBrowser('the demo site', (ctx) => {
  let session: E2eBrowser;
  let trt: DemoOutletPage;
  let moscowTimes: DemoOutletPage;
  let page: E2ePage;
  let marked: MarkedSentence[];

  beforeAll(async () => {
    session = ctx.session;
    trt = outlet(session, TRT_ID);
    moscowTimes = outlet(session, MOSCOW_TIMES_ID);
    page = await session.open(trt.url);
    await waitForMarks(page, SHARED_WITH_MOSCOW_TIMES.length, 30_000);
    marked = await markedSentences(page);
  });

  describe('TRT World demo page', () => {
    it('highlights the sentences The Moscow Times also ran', async () => {
      await session.screenshot(page, 'trt-world-highlighted', { fullPage: true });
      for (const phrase of SHARED_WITH_MOSCOW_TIMES) {
        expect(sentenceWith(marked, phrase), `not highlighted: ${phrase}`).toBeDefined();
      }
    });

    it('leaves TRT World’s own sentences (Turkish Airlines) unmarked', async () => {
      const bodyText = await page.evaluate(() => document.querySelector('article')?.textContent ?? '');
      for (const phrase of TRT_ONLY) {
        expect(bodyText, `the page lacks: ${phrase}`).toContain(phrase.slice(0, 30));
        expect(sentenceWith(marked, phrase), `wrongly highlighted: ${phrase}`).toBeUndefined();
      }
    });

    it('marks nothing outside the article (masthead, aside, comments quoting it)', async () => {
      const outside = await markCount(page, `header ${MARK}, aside ${MARK}, .comments ${MARK}, footer ${MARK}`);
      expect(outside).toBe(0);
    });

    it('tells verbatim and reworded sentences apart, in data and in looks', async () => {
      const verbatim = sentenceWith(marked, "Tokayev's mentor, founding president Nursultan Nazarbayev");
      const reworded = sentenceWith(marked, "Kazakhstan's President Kassym-Jomart Tokayev has announced");
      expect(verbatim?.kind).toBe('verbatim');
      expect(reworded?.kind).toBe('reworded');
      const looks = await page.evaluate(([a, b]) => [a, b].map((index) => {
        const el = document.querySelector(`mark.echoes-mark[data-echoes-sentence="${index}"]`);
        const style = el ? getComputedStyle(el) : null;
        return style ? `${style.backgroundColor}|${style.textDecorationStyle}|${style.textDecorationColor}|${style.borderBottomStyle}` : '';
      }), [verbatim?.index ?? -1, reworded?.index ?? -1] as const);
      expect(looks[0]).not.toBe('');
      expect(looks[0]).not.toBe(looks[1]);
    });

    it('sets the toolbar badge to the number of echoed sentences', async () => {
      const tabId = await session.tabIdOf(page);
      const state = await session.callBackground<{ state: string; report?: { summary: { echoed: number } } }>('getTabState', { tabId });
      expect(state.ok && state.value.state).toBe('ok');
      const echoed = state.ok ? state.value.report?.summary.echoed : undefined;
      expect(echoed).toBe(marked.length);
      expect(await session.badgeText(tabId)).toBe(String(echoed));
    });
  });

  describe('hover card', () => {
    it('opens on hover with the other outlet, never the page’s own, and closes on Escape', async () => {
      const sentence = sentenceWith(marked, "Tokayev's mentor, founding president Nursultan Nazarbayev");
      await hover(page, `${MARK}[data-echoes-sentence="${sentence?.index}"]`);
      const open = await waitForCard(page, true);
      expect(open.open).toBe(true);
      expect(open.text).toContain(moscowTimes.outlet);
      expect(open.text).not.toContain(trt.outlet);
      await session.screenshot(page, 'hover-card');
      await page.keyboard.press('Escape');
      expect((await waitForCard(page, false)).open).toBe(false);
    });

    it('opens when a mark gets the keyboard focus (Tab) and closes on Escape', async () => {
      // Keyboard focus events go to the front tab only (the badge check opened another tab).
      await page.bringToFront();
      await page.mouse.move(0, 0);
      await waitForCard(page, false);
      const index = await tabToMark(page);
      expect(index, 'no highlight was reachable with Tab').not.toBeNull();
      const open = await waitForCard(page, true);
      expect(open.open).toBe(true);
      expect(open.text.length).toBeGreaterThan(0);
      await session.screenshot(page, 'hover-card-keyboard');
      await page.keyboard.press('Escape');
      expect((await waitForCard(page, false)).open).toBe(false);
      expect((await cardState(page)).open).toBe(false);
    });
  });

  describe('every demo outlet page', () => {
    it('shows highlights on each outlet that shares sentences, and prints the time it took', async () => {
      for (const o of session.site.outlets) {
        const p = o.articleId === TRT_ID ? page : await session.open(o.url);
        const timing = await session.console.waitForTiming(o.url, 15_000);
        const count = await waitForMarks(p, 1, 5_000);
        console.log(`[e2e timing] ${o.outlet} (${o.theme} theme): ${timing ? `highlighted ${timing.sentences} sentences in ${timing.ms} ms (content script's own log)` : 'no "[echoes] highlighted" log seen'}; ${count} marks`);
        if (o.theme === 'night') await session.screenshot(p, 'dark-theme-highlighted');
        if (o.sharedSentences.length > 0) expect(count, `${o.outlet} shares sentences word for word but has no highlight`).toBeGreaterThan(0);
        if (p !== page) await p.close();
      }
      expect(session.console.echoesProblems()).toEqual([]);
    }, 120_000);
  });
});
