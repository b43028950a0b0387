/** The toolbar popup (opened as a tab, popup.html?tabId=N), in Chromium and Firefox: outlets,
 *  diffs, the site switch and the state shown for a page the extension may not run on. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoOutletPage } from '../../scripts/demo-site/site-map';
import { forEachBrowser } from './helpers/browsers/for-each-browser';
import { pollUntil } from './helpers/browsers/poll';
import { click } from './helpers/browsers/pointer';
import type { E2eBrowser, E2ePage } from './helpers/browsers/types';
import { bodySnapshot, firstDifference, markCount, waitForMarks, waitForNoMarks } from './helpers/page-probes';
import { count, texts, waitForSelector } from './helpers/dom-probes';

const TRT_ID = '000_195ccdb3a235dd3d';
const MOSCOW_TIMES_ID = '001_d8ecf45d43cff358';

function outlet(session: E2eBrowser, articleId: string): DemoOutletPage {
  const found = session.site.outlets.find((o) => o.articleId === articleId);
  if (!found) throw new Error(`the demo site has no page for seed ${articleId}`);
  return found;
}

/** Whether the popup's site switch ("On for <host>") is on; null while it is not shown. */
function siteSwitchOn(popup: E2ePage): Promise<boolean | null> {
  return popup.evaluate(() => {
    const label = [...document.querySelectorAll('label.switch')].find((l) => (l.textContent ?? '').trim().startsWith('On for'));
    const input = label?.querySelector<HTMLInputElement>('input[role=switch]');
    return input ? input.checked : null;
  });
}

forEachBrowser('popup', (ctx) => {
  let session: E2eBrowser;
  let trt: DemoOutletPage;
  let page: E2ePage;
  let tabId: number;
  /** The site switch's label, clicked as a person would. */
  const siteSwitch = () => ({ selector: 'label.switch', hasText: `On for ${trt.host}` });

  beforeAll(async () => {
    session = ctx.session;
    trt = outlet(session, TRT_ID);
    page = await session.open(trt.url);
    await waitForMarks(page, 3, 30_000);
    tabId = await session.tabIdOf(page);
  });

  describe('popup', () => {
    it('lists the other outlets, not the page’s own', async () => {
      const popup = await session.openPopup(tabId);
      await popup.setViewportSize({ width: 420, height: 800 });
      await waitForSelector(popup, '.outlets .outlet-name');
      const outlets = await texts(popup, '.outlets .outlet-name');
      expect(outlets).toContain(outlet(session, MOSCOW_TIMES_ID).outlet);
      expect(outlets).not.toContain(trt.outlet);
      await session.screenshot(popup, 'popup', { fullPage: true });
      await popup.close();
    });

    it('shows a word diff (ins/del) for a reworded sentence', async () => {
      const popup = await session.openPopup(tabId);
      await popup.setViewportSize({ width: 420, height: 900 });
      const toggle = { selector: '.sentence .sentence-toggle', hasText: 'has announced that a contingent' };
      await waitForSelector(popup, toggle.selector, toggle.hasText);
      await click(popup, toggle);
      const item = { selector: '.sentence', hasText: toggle.hasText };
      expect(await pollUntil(async () => (await count(popup, '.versions', item)) > 0, 5_000)).toBe(true);
      expect((await texts(popup, '.versions', item)).join(' ')).toContain(outlet(session, MOSCOW_TIMES_ID).outlet);
      expect(await count(popup, '.versions ins', item)).toBeGreaterThan(0);
      expect(await count(popup, '.versions del', item)).toBeGreaterThan(0);
      await session.screenshot(popup, 'popup-diff', { fullPage: true });
      await popup.close();
    });

    it('switching the site off removes every highlight without a reload, and on brings them back', async () => {
      const before = await markCount(page);
      expect(before).toBeGreaterThan(0);
      await page.evaluate(() => { (window as unknown as { echoesE2eMarker: number }).echoesE2eMarker = 42; });
      const popup = await session.openPopup(tabId);
      expect(await pollUntil(async () => (await siteSwitchOn(popup)) !== null, 15_000)).toBe(true);
      expect(await siteSwitchOn(popup)).toBe(true);

      await click(popup, siteSwitch());
      expect(await waitForNoMarks(page)).toBe(0);
      await new Promise((done) => setTimeout(done, 300));
      expect(await markCount(page)).toBe(0);
      expect(await siteSwitchOn(popup)).toBe(false);
      await session.screenshot(popup, 'popup-site-off');
      expect(await session.badgeText(tabId)).toBe('');

      await click(popup, siteSwitch());
      expect(await waitForMarks(page, before, 15_000)).toBe(before);
      const marker = await page.evaluate(() => (window as unknown as { echoesE2eMarker?: number }).echoesE2eMarker);
      expect(marker, 'the page was reloaded').toBe(42);
      await popup.close();
    });

    it('leaves the page exactly as it was after switching off', async () => {
      const popup = await session.openPopup(tabId);
      await waitForSelector(popup, siteSwitch().selector, siteSwitch().hasText);
      await click(popup, siteSwitch());
      await waitForNoMarks(page);
      const cleared = await bodySnapshot(page);
      const pristine = await session.open(trt.url);
      const fresh = await bodySnapshot(pristine);
      expect(firstDifference(fresh.html, cleared.html)).toBeNull();
      await pristine.close();
      await click(popup, siteSwitch());
      await waitForMarks(page, 1, 15_000);
      await popup.close();
    });

    // Without the `tabs` permission only the toolbar click (activeTab) shows the popup a browser
    // page's URL, and no driver can click the toolbar; "can't run on this page" is covered by
    // tests/ext (background-service: unsupported pages, popup-view: the message).
    it('offers no site switch and no error for a browser page it was never told about', async () => {
      const browserPage = await session.open(session.browserPageUrl);
      const id = await session.tabIdOf(browserPage);
      const popup = await session.openPopup(id);
      await popup.setViewportSize({ width: 420, height: 400 });
      await waitForSelector(popup, '[role=status]');
      expect(await siteSwitchOn(popup)).toBeNull();
      expect(await texts(popup, '[role=alert]')).toEqual([]);
      await session.screenshot(popup, 'popup-browser-page');
      await popup.close();
      await browserPage.close();
    });
  });
});
