/** The e2e console watch without a browser: which messages are CSP reports in either
 *  browser's wording, and which of them are ours (the real-pages e2e asserts there are none). */
import { describe, expect, it } from 'vitest';
import { ConsoleLog, isCspReport } from './helpers/console-watch';

const ORIGIN = 'moz-extension://6f1c2a4e-93b0-4d7a-8e5f-0e2b9c7d41a3';
// As the browsers printed them on the real pages (served with script-src 'none', frame-src 'none').
const FIREFOX_FRAME = `Content-Security-Policy: The page’s settings blocked the loading of a resource (frame-src) at ${ORIGIN}/card.html#t=00 because it violates the following directive: “frame-src 'none'”`;
const FIREFOX_PAGE_SCRIPT = 'Content-Security-Policy: The page’s settings blocked an inline script (script-src-elem) from being executed because it violates the following directive: “script-src \'none\'”. Consider using a hash (\'sha256-rbnuEvSdGcP/OFzejM9cuRemiD2jH7RHEc/Ku4oMN+A=\') or a nonce.';
const CHROMIUM_HANDLER = 'Refused to execute inline event handler because it violates the following Content Security Policy directive: "script-src \'none\'". Either the \'unsafe-inline\' keyword, a hash (\'sha256-...\'), or a nonce (\'nonce-...\') is required to enable inline execution.';

describe('CSP reports in the e2e console', () => {
  it.each([
    ['Chromium', CHROMIUM_HANDLER],
    ['Firefox, a frame', FIREFOX_FRAME],
    ['Firefox, an inline script', FIREFOX_PAGE_SCRIPT],
  ])('%s wording is a CSP report', (_, text) => expect(isCspReport(text)).toBe(true));

  it('an error that merely mentions CSP is not one', () => {
    expect(isCspReport('TypeError: csp is undefined')).toBe(false);
    expect(isCspReport('[echoes] scan failed: Content-Security-Policy header missing')).toBe(false);
  });

  it('attributes a Firefox report to Echoes when it names our extension, and the page\'s own to the page', () => {
    const log = new ConsoleLog(ORIGIN);
    const page = 'http://127.0.0.1:4000/real/cnet/seeded/';
    log.push({ pageUrl: page, type: 'pageerror', text: FIREFOX_PAGE_SCRIPT, source: '' });
    expect(log.cspReportsFromUs(page)).toEqual([]);
    expect(log.echoesProblems(page)).toEqual([]);
    log.push({ pageUrl: page, type: 'pageerror', text: FIREFOX_FRAME, source: '' });
    expect(log.cspReportsFromUs(page).map((e) => e.text)).toEqual([FIREFOX_FRAME]);
    expect(log.echoesProblems(page)).toEqual([]); // a report, counted as such, not as an exception
  });
});
