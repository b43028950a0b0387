import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, ID, loadSeedIndex, POPUP } from '../../helpers/ext-service';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import config from '../../../wxt.config';
import type { Article } from '../../../lib/corpus/article';
import { createBackgroundService, type BackgroundService } from '../../../lib/ext/background/background-service';
import type { Sender } from '../../../lib/ext/messaging/messaging';
import { loadCorpusIndex, type SerializedCorpusIndex } from '../../../lib/match/index/corpus-index';

type ManifestOf = (env: { browser: string; manifestVersion: 2 | 3 }) => { permissions?: string[] };

describe('the permissions Echoes asks for', () => {
  it.each([['chrome', 3], ['firefox', 2]] as const)('%s: the ones the README lists, no more', (name, manifestVersion) => {
    const permissions = (config.manifest as unknown as ManifestOf)({ browser: name, manifestVersion }).permissions ?? [];
    expect(permissions.sort()).toEqual(['activeTab', 'alarms', 'storage', ...(name === 'chrome' ? ['offscreen'] : [])].sort());
  });
});

let seeds: Article[];
let snapshot: SerializedCorpusIndex;
beforeAll(async () => ({ seeds, snapshot } = await loadSeedIndex()));

describe('without the tabs permission (the browser hides tab URLs)', () => {
  let service: BackgroundService;
  beforeEach(() => {
    fakeBrowser.reset();
    service = createBackgroundService({ loadIndex: async () => loadCorpusIndex(snapshot), log: () => {} });
  });

  it('switching a site off still reaches its tabs, by the URL their content script sent from', async () => {
    const url = 'https://www.page.example/news/a';
    const tab = await fakeBrowser.tabs.create({ url });
    const sender: Sender = { id: ID, url, tab };
    const article = seeds[0]!;
    await call(service, 'matchPage', { url, title: null, outlet: null, text: article.text, blockStarts: article.blocks.map((b) => b.start) }, sender);
    // What the browser answers an extension without "tabs" for a tab it was not invoked on.
    const hide = <T extends { url?: string }>(t: T) => ({ ...t, url: undefined });
    const [query, get] = [browser.tabs.query.bind(browser.tabs), browser.tabs.get.bind(browser.tabs)];
    vi.spyOn(browser.tabs, 'query').mockImplementation(async (info) => (await query(info)).map(hide));
    vi.spyOn(browser.tabs, 'get').mockImplementation(async (id: number) => hide(await get(id)));
    await call(service, 'setSiteEnabled', { site: 'page.example', enabled: false }, POPUP);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('');
    expect(await call(service, 'getTabState', { tabId: tab.id! }, POPUP)).toEqual({ ok: true, value: { state: 'off', site: 'page.example' } });
    vi.restoreAllMocks();
  });
});
