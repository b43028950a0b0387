/** `npm start`: builds the extension, serves the demo news site and opens Chromium with the
 *  extension loaded. With a display it opens a real window on the demo site and stays until
 *  you close it (or Ctrl+C). Without one (CI, SSH) it runs headless once: highlights a demo
 *  page, saves screenshots of the page, the hover card and the popup, prints the page's
 *  summary and exits. Flags: --no-build, --headless, --port N. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { findChromium, launchWithExtension, type ExtensionBrowser } from './chromium';
import { startDemoSite, type DemoSite } from './demo-site/server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const SCREENSHOT_DIR = join(ROOT, 'artifacts/screenshots');
const MARK = 'mark.echoes-mark[data-markjs]';

declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(message: unknown): Promise<never> };
};

interface Summary { sentences: number; echoed: number; outlets: string[] }
type TabStateAnswer = { ok: true; value: { state: string; report?: { summary: Summary } } } | { ok: false; error: string };

function build(): void {
  console.log('Building the extension (wxt build)…');
  const result = spawnSync('npx', ['--no-install', 'wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed (see above); fix it, or run with --no-build to use the last build.');
    process.exit(1);
  }
}

// Without the 'tabs' permission tabs.query hides URLs; the tour's page is then the newest tab.
async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number> {
  return browser.worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    const byUrl = tabs.filter((t) => t.url === wanted).map((t) => t.id ?? -1);
    return Math.max(-1, ...(byUrl.length > 0 ? byUrl : tabs.filter((t) => t.url === undefined).map((t) => t.id ?? -1)));
  }, url);
}

async function interactive(site: DemoSite): Promise<void> {
  const browser = await launchWithExtension(EXTENSION_DIR, { headless: false, viewport: null });
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  await page.goto(site.indexUrl);
  const first = site.outlets[0];
  if (first) await (await browser.context.newPage()).goto(first.url);
  console.log(`Chromium is open with Echoes loaded. Demo site: ${site.indexUrl}`);
  console.log('Close the browser window or press Ctrl+C to stop.');
  const stop = async () => {
    await browser.close();
    await site.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  browser.context.on('close', () => void site.close().then(() => process.exit(0)));
}

async function headlessTour(site: DemoSite): Promise<void> {
  const browser = await launchWithExtension(EXTENSION_DIR, { headless: true });
  try {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const target = site.outlets[0];
    if (!target) throw new Error('the demo site has no outlet pages (no seeds?)');
    const page = await browser.context.newPage();
    await page.goto(target.url);
    const marks = await page.waitForSelector(MARK, { timeout: 30_000 }).then(() => page.locator(MARK).count(), () => 0);
    console.log(`${target.outlet} demo page: ${marks} highlight elements`);
    await shot(page, 'page.png', true);
    if (marks > 0) {
      await page.locator(MARK).first().hover();
      await page.waitForTimeout(600);
      await shot(page, 'hover-card.png', false);
    }
    const tabId = await tabIdOf(browser, page.url());
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 800 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.summary, [role="status"]', { timeout: 15_000 }).catch(() => undefined);
    await popup.waitForTimeout(300);
    await shot(popup, 'popup.png', true);
    const answer = (await popup.evaluate((id) => chrome.runtime.sendMessage({ echoesCall: 'getTabState', data: { tabId: id } }), tabId)) as TabStateAnswer;
    printSummary(target.outlet, answer);
    console.log(`Screenshots: ${SCREENSHOT_DIR}/{page,hover-card,popup}.png`);
  } finally {
    await browser.close();
    await site.close();
  }
}

async function shot(page: Page, name: string, fullPage: boolean): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage });
}

function printSummary(outlet: string, answer: TabStateAnswer): void {
  if (!answer.ok) {
    console.log(`The background did not answer: ${answer.error}`);
    return;
  }
  const summary = answer.value.report?.summary;
  if (!summary) {
    console.log(`Tab state: ${answer.value.state}`);
    return;
  }
  console.log(`${outlet}: ${summary.echoed} of ${summary.sentences} sentences also ran elsewhere` +
    (summary.outlets.length ? ` (${summary.outlets.join(', ')})` : ''));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) || 0 : 0;
  const found = findChromium();
  if (!found.ok) {
    console.error(found.error);
    process.exit(1);
  }
  if (!args.includes('--no-build')) build();
  const site = await startDemoSite({ port });
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (hasDisplay && !args.includes('--headless')) await interactive(site);
  else {
    console.log('No display (DISPLAY/WAYLAND_DISPLAY unset): a headless tour instead.');
    await headlessTour(site);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
