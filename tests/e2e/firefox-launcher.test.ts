/** The Firefox half of the harness, without a browser: finding firefox-esr, the one-line
 *  message when it is missing, the prefs that pin the add-on's address, the browser list. */
import { describe, expect, it } from 'vitest';
import { FIXED_UUID, GECKO_ID, findFirefox, firefoxPrefs } from '../../scripts/firefox';
import { ALL_BROWSERS, selectedBrowsers } from './helpers/browsers/for-each-browser';

describe('findFirefox', () => {
  it('uses FIREFOX_PATH when it exists, and says so when it does not', () => {
    expect(findFirefox({ FIREFOX_PATH: '/opt/ff/firefox' }, (p) => p === '/opt/ff/firefox')).toEqual({ ok: true, path: '/opt/ff/firefox' });
    const missing = findFirefox({ FIREFOX_PATH: '/nope' }, () => false);
    expect(!missing.ok && missing.error).toContain('FIREFOX_PATH is set to /nope');
  });

  it('prefers Debian’s firefox-esr, and says in one line what to install when there is none', () => {
    expect(findFirefox({}, (p) => p === '/usr/bin/firefox-esr' || p === '/usr/bin/firefox')).toEqual({ ok: true, path: '/usr/bin/firefox-esr' });
    expect(findFirefox({}, (p) => p === '/usr/bin/firefox')).toEqual({ ok: true, path: '/usr/bin/firefox' });
    const none = findFirefox({}, () => false);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.error).toContain('apt-get install -y firefox-esr');
    expect(!none.ok && none.error).not.toContain('\n');
  });
});

describe('firefoxPrefs', () => {
  it('pins the add-on id of the build to the fixed uuid and sends consoles to stdout', () => {
    const prefs = firefoxPrefs();
    expect(JSON.parse(String(prefs['extensions.webextensions.uuids']))).toEqual({ [GECKO_ID]: FIXED_UUID });
    expect(prefs['devtools.console.stdout.chrome']).toBe(true);
    expect(prefs['devtools.console.stdout.content']).toBe(true);
  });
});

describe('selectedBrowsers', () => {
  it('runs every browser unless ECHOES_E2E_BROWSERS narrows it, and refuses unknown names', () => {
    expect(selectedBrowsers({})).toEqual([...ALL_BROWSERS]);
    expect(selectedBrowsers({ ECHOES_E2E_BROWSERS: ' firefox ' })).toEqual(['firefox']);
    expect(() => selectedBrowsers({ ECHOES_E2E_BROWSERS: 'safari' })).toThrow(/safari/);
  });
});
