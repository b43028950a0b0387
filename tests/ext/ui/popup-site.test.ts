/** Which site the popup's switch is for, with and without the tab's URL from the browser. */
import { describe, expect, it } from 'vitest';
import type { TabState } from '../../../lib/ext/messaging/messages';
import { siteForTab } from '../../../lib/ext/pages/popup-controller';
import type { Report } from '../../../lib/report/types';

const reportFor = (url: string | null): TabState => ({
  state: 'ok',
  report: { page: { source: 'x', title: null, outlet: null, url }, sentences: [], summary: {} } as unknown as Report,
});

describe('siteForTab', () => {
  it.each([
    ['the browser shows the URL (activeTab)', 'https://news.example.org/a', null, 'news.example.org'],
    ['a browser page, even with a report', 'chrome://version/', reportFor('https://x.example/'), null],
    ['no URL: the report the content script sent', null, reportFor('https://www.paper.example/story'), 'paper.example'],
    ['no URL: the site the tab is off for', null, { state: 'off', site: 'paper.example' } as TabState, 'paper.example'],
    ['no URL and nothing heard yet', null, { state: 'pending' } as TabState, null],
    ['no URL and a report without one', null, reportFor(null), null],
    ['no URL and no state', null, null, null],
  ])('%s', (_case, url, state, site) => {
    expect(siteForTab(url, state)).toBe(site);
  });
});
