import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { disabledSitesItem, readSettings, repairStoredSettings, watchSettings, writeSiteEnabled } from '../../lib/ext/settings/storage';
import { createTabStateStore, tabStateKey } from '../../lib/ext/background/tab-states';

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the defaults from empty storage', async () => {
    expect(await readSettings()).toEqual({ enabled: true, disabledSites: [], matchSettings: { showParaphrase: false, strictness: 0.5, hideQuotes: false } });
  });

  it('repairs corrupt values on read without writing them', async () => {
    await fakeBrowser.storage.sync.set({ enabled: 'false', disabledSites: 'example.com', matchSettings: { strictness: 3 } });
    expect(await readSettings()).toEqual({ enabled: false, disabledSites: [], matchSettings: { showParaphrase: false, strictness: 1, hideQuotes: false } });
    expect((await fakeBrowser.storage.sync.get('enabled')).enabled).toBe('false');
  });

  it('rewrites only the values that needed repair', async () => {
    await fakeBrowser.storage.sync.set({ enabled: true, disabledSites: ['WWW.B.com', 'a.com', 5], matchSettings: 'lenient' });
    expect(await repairStoredSettings()).toEqual(['sync:disabledSites', 'sync:matchSettings']);
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored).toMatchObject({ enabled: true, disabledSites: ['a.com', 'b.com'], matchSettings: { showParaphrase: false, strictness: 0.5 } });
    expect(await repairStoredSettings()).toEqual([]);
  });

  it('switches a site off and back on, keeping the list sorted and unique', async () => {
    await writeSiteEnabled('tass.ru', false);
    await writeSiteEnabled('example.com', false);
    await writeSiteEnabled('example.com', false);
    expect(await disabledSitesItem.getValue()).toEqual(['example.com', 'tass.ru']);
    await writeSiteEnabled('example.com', true);
    expect(await disabledSitesItem.getValue()).toEqual(['tass.ru']);
  });
});

describe('tab state store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('survives a restarted worker through storage.session', async () => {
    await createTabStateStore().set(4, { state: 'no-article' });
    expect(await storage.getItem(tabStateKey(4))).toEqual({ state: 'no-article' });
    const afterRestart = createTabStateStore();
    expect(await afterRestart.get(4)).toEqual({ state: 'no-article' });
    await afterRestart.remove(4);
    expect(await createTabStateStore().get(4)).toBeUndefined();
  });

  it('ignores a corrupt session entry', async () => {
    await fakeBrowser.storage.session.set({ 'tabState:9': 'garbage' });
    expect(await createTabStateStore().get(9)).toBeUndefined();
  });
});

describe('watchSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports each change, repaired, until stopped', async () => {
    const seen: unknown[] = [];
    const stop = watchSettings((settings) => seen.push(settings.disabledSites));
    await writeSiteEnabled('tass.ru', false);
    await fakeBrowser.storage.sync.set({ disabledSites: ['WWW.A.com', 7] });
    await vi.waitFor(() => expect(seen).toEqual([['tass.ru'], ['a.com']]));
    stop();
    await writeSiteEnabled('b.com', false);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(2);
  });
});
