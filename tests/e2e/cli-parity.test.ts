/** The command line and the extension give the same matches for the same page and corpus:
 *  the corpus folder's files are imported through the options page (parsed in the browser,
 *  HTML by DOMParser) and the page opened in Chromium; the CLI (lib/cli/run.ts, in-process)
 *  reads the same page file and folder (HTML by linkedom). Both corpora include the built-in
 *  seeds. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runXref } from '../../lib/cli/run';
import type { Report } from '../../lib/report/types';
import { fakeIo } from '../unit/cli/fake-io';
import { chooseImportFiles, openOptions, reportMatches, tabReport } from './helpers/corpus-ui';
import { corpusFiles, FIXTURES_DIR, PAGES_DIR, startFixtureSite, VELDEN_CORPUS_DIR, type FixtureSite } from './helpers/fixture-site';
import { waitForMarks } from './helpers/page-probes';
import { startSession, type E2eSession } from './helpers/session';

const PAGE = 'northern-daily-velden.html';
const SEEDS_DIR = join(FIXTURES_DIR, '../../../seeds');

let session: E2eSession;
let fixtures: FixtureSite;

beforeAll(async () => {
  [session, fixtures] = await Promise.all([startSession(), startFixtureSite()]);
});

afterAll(async () => {
  await fixtures?.close();
  await session?.close();
});

async function cliReport(): Promise<Report> {
  const { io, stdout, stderr } = fakeIo();
  const code = await runXref([join(PAGES_DIR, PAGE), '--corpus', SEEDS_DIR, '--corpus', VELDEN_CORPUS_DIR, '--json'], io);
  expect(stderr()).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout()) as Report;
}

describe('CLI and extension', () => {
  it('report the same echoed sentences, articles and kinds for the same page and corpus', async () => {
    const options = await openOptions(session);
    expect(await chooseImportFiles(options, corpusFiles())).toContain('Added 4 articles.');
    const page = await session.open(fixtures.url(PAGE));
    await waitForMarks(page, 6);
    const inBrowser = await tabReport(session, await session.tabIdOf(page));
    const fromCli = await cliReport();
    expect(reportMatches(inBrowser)).toEqual(reportMatches(fromCli));
    expect(reportMatches(fromCli)).toHaveLength(6);
    expect(inBrowser.summary).toEqual(fromCli.summary);
  });
});
