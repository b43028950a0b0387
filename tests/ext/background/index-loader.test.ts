import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSeedCorpus } from '../../../lib/cli/corpus-files';
import { holdIndex } from '../../../lib/ext/background/index-holder';
import { fetchSeedIndex, seedIndexUrl } from '../../../lib/ext/background/index-loader';
import { createCorpusIndex, type SerializedCorpusIndex } from '../../../lib/match/index/corpus-index';

let snapshot: SerializedCorpusIndex;
beforeAll(async () => {
  snapshot = createCorpusIndex(await loadSeedCorpus()).serialize();
});
beforeEach(() => fakeBrowser.reset());

const respond = (body: string, status = 200): typeof fetch => async () => new Response(body, { status });

describe('fetchSeedIndex', () => {
  it('revives the asset the build writes, calling fetched() before reviving', async () => {
    const phases: string[] = [];
    const index = await fetchSeedIndex(() => phases.push('fetched'), seedIndexUrl(), respond(JSON.stringify(snapshot)));
    expect(phases).toEqual(['fetched']);
    const { articles, sentences } = createCorpusIndex(await loadSeedCorpus()).stats();
    expect(index.stats()).toMatchObject({ articles, sentences });
    expect(index.articleIds()).toHaveLength(5);
    expect(seedIndexUrl()).toBe('chrome-extension://test-extension-id/seed-index.json');
  });

  it('says to rebuild when the asset is missing', async () => {
    await expect(fetchSeedIndex(undefined, 'chrome-extension://x/seed-index.json', respond('', 404))).rejects.toThrow(
      'chrome-extension://x/seed-index.json answered 404; rebuild the extension (npm run build)',
    );
  });

  it('rejects an asset that is not an index', async () => {
    await expect(fetchSeedIndex(undefined, 'u', respond('{"format":"something else"}'))).rejects.toThrow(/loadCorpusIndex/);
  });
});

describe('holdIndex', () => {
  it('times fetch, revive and readiness on the given clock from the worker start', async () => {
    let clock = 40;
    const lines: string[] = [];
    const holder = holdIndex(
      async (fetched) => {
        clock = 55;
        fetched();
        clock = 70;
        return createCorpusIndex(await loadSeedCorpus());
      },
      () => clock,
      (line) => lines.push(line),
      0,
    );
    await holder.ready;
    expect(holder.diagnostics()).toMatchObject({ serviceStartMs: 40, indexFetchMs: 15, indexReviveMs: 15, indexReadyMs: 70, indexError: null });
    expect(lines).toEqual([expect.stringMatching(/^\[echoes\] index ready in 70 ms \(5 articles, \d+ sentences\)$/)]);
    holder.recordMatch(12.34, 100);
    holder.recordMatch(3, 200);
    expect(holder.diagnostics()).toMatchObject({ firstAnswerMs: 100, lastMatchMs: 3 });
  });

  it('keeps the first call the worker heard, with its time from the worker start', async () => {
    const holder = holdIndex(async () => createCorpusIndex([]), () => 0, () => {}, 0);
    expect(holder.diagnostics().firstCall).toBeNull();
    holder.recordCall('extractArticle', 35.6);
    holder.recordCall('matchPage', 80);
    expect(holder.diagnostics().firstCall).toEqual({ name: 'extractArticle', ms: 36 });
  });
});

describe('holdIndex warm-up', () => {
  const index = async () => createCorpusIndex(await loadSeedCorpus());
  const userIn = (ms: number) => () => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no corpus here')), ms));

  it('warms the engine up while the user corpus is still loading', async () => {
    let warmed = 0;
    const holder = holdIndex(index, () => performance.now(), () => {}, 0, { loadUser: userIn(200), warmUp: () => (warmed++, 12.4) });
    await holder.ready;
    expect([warmed, holder.diagnostics().warmUpMs]).toEqual([1, 12]);
  });

  it('does not when there is nothing left to wait for', async () => {
    let warmed = 0;
    const holder = holdIndex(index, () => performance.now(), () => {}, 0, { loadUser: userIn(0), warmUp: () => (warmed++, 1) });
    await holder.ready;
    await new Promise((r) => setTimeout(r, 20));
    expect([warmed, holder.diagnostics().warmUpMs]).toEqual([0, null]);
  });
});
