/** Imports that go wrong, in real Chromium: a real quota error (DevTools'
 *  Storage.overrideQuotaForOrigin on the extension's origin), a malformed file among good ones
 *  (the good ones are added, the bad one is reported by name and line) and a cancelled import.
 *  The quota error and the cancel leave the corpus exactly as it was. In this order, on one
 *  browser. */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusListing } from '../../lib/ext/messaging/messages';
import { chooseImportFiles, listing, openOptions, syntheticJsonl } from './helpers/corpus-ui';
import { corpusFiles } from './helpers/fixture-site';
import { startSession, type E2eSession } from './helpers/session';

let session: E2eSession;
let options: Page;

/** What must not change: the user's articles (ids) and the counts. */
function snapshot(corpus: CorpusListing) {
  return {
    user: corpus.articles.filter((a) => a.origin === 'user').map((a) => a.id).sort(),
    userArticles: corpus.userArticles, builtinArticles: corpus.builtinArticles,
  };
}

beforeAll(async () => {
  session = await startSession();
  options = await openOptions(session);
});

afterAll(async () => {
  await session?.close();
});

describe('imports that fail', () => {
  it('a quota error leaves the corpus as it was and shows the background’s message', async () => {
    // Chromium lets IndexedDB use space it found free for 30 s without asking the quota again
    // (BucketContext::kBucketSpaceCacheTimeLimit), so the quota is lowered before anything is
    // written: the first import fits, the next one does not.
    const origin = `chrome-extension://${session.browser.extensionId}`;
    const cdp: CDPSession = await session.browser.context.newCDPSession(options);
    try {
      const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: Math.ceil(usage) + 400_000 });
      expect(await chooseImportFiles(options, corpusFiles())).toContain('Added 4 articles.');
      const before = snapshot(await listing(session));
      const result = await chooseImportFiles(options, [syntheticJsonl('too-much.jsonl', 1500, 'Quota Wire', 6)]);
      expect(result).toMatch(/^Nothing was added: Storage is full/);
      await session.screenshot(options, 'corpus-import-quota');
      expect(snapshot(await listing(session))).toEqual(before);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    }
  });

  it('adds the good files of a batch and reports the malformed one with its name and line', async () => {
    const bad = { name: 'broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"outlet": "A", "text": "Fine first line of text here."}\n{"outlet": "B", "text": \n') };
    const binary = { name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) };
    const before = (await listing(session)).userArticles;
    const good = [syntheticJsonl('alpha.jsonl', 3, 'Alpha Wire'), syntheticJsonl('beta.jsonl', 2, 'Beta Wire')];
    const result = await chooseImportFiles(options, [good[0]!, bad, good[1]!, binary]);
    expect(result).toContain('Added 5 articles; 2 files refused.');
    expect(result).toMatch(/line 2 of broken\.jsonl is not valid JSON/);
    expect(result).toMatch(/photo\.json looks like a binary file/);
    expect(result).toMatch(/alpha\.jsonl: 3 articles added/);
    expect((await listing(session)).userArticles).toBe(before + 5);
    await session.screenshot(options, 'corpus-import-malformed', { fullPage: true });
  });

  it('a cancelled import leaves the corpus as it was, and the extension answers meanwhile', async () => {
    const before = snapshot(await listing(session));
    await chooseImportFiles(options, [syntheticJsonl('big.jsonl', 4000)], false);
    await options.locator('.import-progress label', { hasText: 'Indexing articles' }).waitFor({ timeout: 30_000 });
    // The rest of the extension keeps working during the import.
    const started = Date.now();
    expect((await session.callBackground('getSettings', {})).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    await session.screenshot(options, 'corpus-import-progress');
    await options.getByRole('button', { name: 'Cancel import' }).click();
    const result = options.locator('.import-panel .import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toMatch(/Import cancelled: nothing was added/);
    expect(snapshot(await listing(session))).toEqual(before);
    const hits = await session.callBackground<unknown[]>('searchCorpus', { query: 'Synthetic report 12' });
    expect(hits.ok && hits.value.filter((h) => JSON.stringify(h).includes('Synthetic Wire'))).toEqual([]);
  });
});
