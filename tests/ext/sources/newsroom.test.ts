/** The background matches a page against the local corpora and a configured newsroom server
 *  together (a real server on a throw-away PostgreSQL): sentences only the server holds are
 *  reported and its outlets named; an unreachable server or a withdrawn permission gives local
 *  results and a plain note. */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSeedCorpus } from '../../../lib/cli/corpus-files';
import type { Article } from '../../../lib/corpus/article';
import { createBackgroundService, type BackgroundService } from '../../../lib/ext/background/background-service';
import { checkBackgroundSender, dispatchCall, type Sender } from '../../../lib/ext/messaging/messaging';
import { newsroomServerItem } from '../../../lib/ext/newsroom/newsroom-setting';
import { createCorpusIndex, loadCorpusIndex, type SerializedCorpusIndex } from '../../../lib/match/index/corpus-index';
import type { Report } from '../../../lib/report/types';
import { storeArticles } from '../../../lib/server/store-articles';
import { startNewsroom, type TestNewsroom } from '../../helpers/newsroom';
import { postgresAvailable, usePostgres } from '../../helpers/postgres';

const PAGE_URL = 'https://page.example/news/kazakhstan';
const ID = 'test-extension-id';

describe.runIf(postgresAvailable)('background with a newsroom server', () => {
  const db = usePostgres();
  let server: TestNewsroom;
  let seeds: Article[];
  let snapshot: SerializedCorpusIndex;
  let service: BackgroundService;
  /** Three sentences of the page that no seed but the page's own article has. */
  let wire: Article;

  beforeAll(async () => {
    seeds = await loadSeedCorpus();
    // The built-in corpus without the page's own article: what the server adds is then all there is.
    snapshot = createCorpusIndex(seeds.slice(1)).serialize();
    server = await startNewsroom(db.url());
    const page = seeds[0] as Article;
    const text = `Newsroom Wire exclusive report opening line here. ${page.text.slice(0, 600)}`;
    wire = { id: 'wire-1', outlet: 'Newsroom Wire', site: 'wire.example', url: 'https://wire.example/1', published: null, title: null, credit: null, text, blocks: [{ kind: 'body', start: 0, end: text.length }] };
    await storeArticles(server.pool, [wire]);
  });
  afterAll(() => server?.close());

  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => true) as never);
    service = createBackgroundService({ loadIndex: async () => loadCorpusIndex(snapshot), log: () => {} });
  });

  async function matchPage(): Promise<Report> {
    const tab = await fakeBrowser.tabs.create({ url: PAGE_URL });
    const sender: Sender = { id: ID, url: PAGE_URL, tab };
    const page = seeds[0] as Article;
    const data = { url: PAGE_URL, title: page.title, outlet: 'Page News', text: page.text, blockStarts: page.blocks.map((b) => b.start) };
    const answer = await dispatchCall(service.handlers, checkBackgroundSender, { echoesCall: 'matchPage', data }, sender);
    if (!(answer as { ok: boolean }).ok) throw new Error((answer as { error: string }).error);
    return (answer as { value: Report }).value;
  }

  const outletsOf = (report: Report) => new Set(report.sentences.flatMap((s) => s.matches.map((m) => m.outlet)));

  it('without a server, the report has no newsroom part', async () => {
    const report = await matchPage();
    expect(report.newsroom).toBeUndefined();
    expect(outletsOf(report).has('Newsroom Wire')).toBe(false);
  });

  it('reports the sentences only the server has, and names its outlet', async () => {
    await newsroomServerItem.setValue({ url: server.url, token: server.token });
    const report = await matchPage();
    expect(report.newsroom).toEqual({ outlets: ['Newsroom Wire'], note: null });
    const fromWire = report.sentences.filter((s) => s.matches.some((m) => m.outlet === 'Newsroom Wire'));
    expect(fromWire.length).toBeGreaterThanOrEqual(3);
    expect(report.summary.outlets).toContain('Newsroom Wire');
  });

  it('an unreachable server gives local results and a plain note', async () => {
    const closed = await startNewsroom(db.url());
    await closed.close();
    await newsroomServerItem.setValue({ url: closed.url, token: server.token });
    const report = await matchPage();
    expect(report.summary.echoed).toBeGreaterThan(0);
    expect(report.newsroom?.outlets).toEqual([]);
    expect(report.newsroom?.note).toMatch(/could not be reached.*Local results only/);
  });

  it('a bad token gives local results and the server\'s reason', async () => {
    await newsroomServerItem.setValue({ url: server.url, token: 'echoes_wrong' });
    const report = await matchPage();
    expect(report.newsroom?.note).toMatch(/refused the request \(401\)/);
    expect(report.summary.echoed).toBeGreaterThan(0);
  });

  it('a withdrawn permission is said, and nothing is sent', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => false) as never);
    await newsroomServerItem.setValue({ url: server.url, token: server.token });
    const report = await matchPage();
    expect(report.newsroom?.note).toMatch(/may no longer reach your newsroom server/);
  });
});
