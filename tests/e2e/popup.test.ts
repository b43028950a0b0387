/** The toolbar popup (opened as a tab, popup.html?tabId=N): outlets, diffs, the site switch
 *  and the state shown for a page the extension may not run on. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOutletPage } from '../../scripts/demo-site/site-map';
import { bodySnapshot, firstDifference, markCount, waitForMarks, waitForNoMarks } from './helpers/page-probes';
import { startSession, type E2eSession } from './helpers/session';

const TRT_ID = '000_195ccdb3a235dd3d';
const MOSCOW_TIMES_ID = '001_d8ecf45d43cff358';

let session: E2eSession;
let trt: DemoOutletPage;
let page: Page;
let tabId: number;

function outlet(articleId: string): DemoOutletPage {
  const found = session.site.outlets.find((o) => o.articleId === articleId);
  if (!found) throw new Error(`the demo site has no page for seed ${articleId}`);
  return found;
}

beforeAll(async () => {
  session = await startSession();
  trt = outlet(TRT_ID);
  page = await session.open(trt.url);
  await waitForMarks(page, 3, 30_000);
  tabId = await session.tabIdOf(page);
});

afterAll(async () => {
  await session?.close();
});

describe('popup', () => {
  it('lists the other outlets, not the page’s own', async () => {
    const popup = await session.openPopup(tabId);
    await popup.setViewportSize({ width: 420, height: 800 });
    const names = popup.locator('.outlets .outlet-name');
    await names.first().waitFor({ timeout: 15_000 });
    const outlets = await names.allInnerTexts();
    expect(outlets).toContain(outlet(MOSCOW_TIMES_ID).outlet);
    expect(outlets).not.toContain(trt.outlet);
    await session.screenshot(popup, 'popup', { fullPage: true });
    await popup.close();
  });

  it('shows a word diff (ins/del) for a reworded sentence', async () => {
    const popup = await session.openPopup(tabId);
    await popup.setViewportSize({ width: 420, height: 900 });
    const item = popup.locator('.sentence', { hasText: 'has announced that a contingent' }).first();
    await item.waitFor({ timeout: 15_000 });
    await item.getByRole('button').first().click();
    const versions = item.locator('.versions');
    await versions.waitFor({ timeout: 5_000 });
    expect(await versions.innerText()).toContain(outlet(MOSCOW_TIMES_ID).outlet);
    expect(await versions.locator('ins').count()).toBeGreaterThan(0);
    expect(await versions.locator('del').count()).toBeGreaterThan(0);
    await session.screenshot(popup, 'popup-diff', { fullPage: true });
    await popup.close();
  });

  it('switching the site off removes every highlight without a reload, and on brings them back', async () => {
    const before = await markCount(page);
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => { (window as unknown as { echoesE2eMarker: number }).echoesE2eMarker = 42; });
    const popup = await session.openPopup(tabId);
    const siteSwitch = popup.getByRole('switch', { name: new RegExp(trt.host.replace(/\./g, '\\.')) });
    await siteSwitch.waitFor({ timeout: 15_000 });
    expect(await siteSwitch.isChecked()).toBe(true);

    const label = popup.getByText(`On for ${trt.host}`, { exact: true });
    await label.click();
    expect(await waitForNoMarks(page)).toBe(0);
    await page.waitForTimeout(300);
    expect(await markCount(page)).toBe(0);
    await session.screenshot(popup, 'popup-site-off');
    expect(await session.badgeText(tabId)).toBe('');

    await label.click();
    expect(await waitForMarks(page, before, 15_000)).toBe(before);
    const marker = await page.evaluate(() => (window as unknown as { echoesE2eMarker?: number }).echoesE2eMarker);
    expect(marker, 'the page was reloaded').toBe(42);
    await popup.close();
  });

  it('leaves the page exactly as it was after switching off', async () => {
    const popup = await session.openPopup(tabId);
    const siteSwitch = popup.getByRole('switch', { name: new RegExp(trt.host.replace(/\./g, '\\.')) });
    await siteSwitch.waitFor({ timeout: 15_000 });
    const label = popup.getByText(`On for ${trt.host}`, { exact: true });
    await label.click();
    await waitForNoMarks(page);
    const cleared = await bodySnapshot(page);
    const pristine = await session.open(trt.url);
    const fresh = await bodySnapshot(pristine);
    expect(firstDifference(fresh.html, cleared.html)).toBeNull();
    await pristine.close();
    await label.click();
    await waitForMarks(page, 1, 15_000);
    await popup.close();
  });

  it('says Echoes may not run on a browser page', async () => {
    const browserPage = await session.browser.context.newPage();
    await browserPage.goto('chrome://version');
    const id = await session.tabIdOf(browserPage);
    const popup = await session.openPopup(id);
    await popup.setViewportSize({ width: 420, height: 400 });
    const status = popup.getByRole('status');
    await status.waitFor({ timeout: 10_000 });
    expect(await status.innerText()).toMatch(/can[’']t run|cannot run|may not run|not allowed/i);
    expect(await popup.getByRole('switch', { name: /^On for/ }).count()).toBe(0);
    await session.screenshot(popup, 'popup-unsupported');
    await popup.close();
    await browserPage.close();
  });
});
