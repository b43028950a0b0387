/** `xref --server` gives the report `xref --corpus` gives for the same articles, match for
 *  match: on the seeds, and on a few thousand generated articles with planted copies. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToArticleNode } from '../../../lib/cli/html-article';
import { loadCorpus, loadPage, runXref } from '../../../lib/cli/run';
import { createCorpusIndex, type CorpusIndex } from '../../../lib/match/index/corpus-index';
import { buildReport } from '../../../lib/report/build-report';
import type { MatchKind } from '../../../lib/match/types';
import { articleToJsonLine } from '../../../lib/corpus/files/export';
import { runCorpusCommand } from '../../../lib/server/corpus-main';
import { createRng } from '../../../scripts/bench/prng';
import { readSeedSentences } from '../../../scripts/bench/seed-sentences';
import { generateCorpus } from '../../../scripts/bench/synthetic-corpus';
import { createVocabulary } from '../../../scripts/bench/vocabulary';
import { fakeIo } from '../cli/fake-io';
import { startNewsroom, type TestNewsroom } from '../../helpers/newsroom';
import { postgresAvailable, usePostgres } from '../../helpers/postgres';

const SEEDS = join(__dirname, '../../../seeds');
const GENERATED = 2_000;
const KINDS = ['verbatim', 'reworded', 'paraphrase'] as const;

async function xref(args: string[], kinds: readonly string[] = KINDS): Promise<string> {
  const { io, stdout, stderr } = fakeIo();
  const code = await runXref([...args, '--json', '--kinds', kinds.join(',')], io);
  expect(stderr()).toBe('');
  expect(code).toBe(0);
  return stdout();
}

async function importInto(database: string, paths: string[]): Promise<void> {
  const out: string[] = [];
  const code = await runCorpusCommand(['import', '--database', database, ...paths], {}, { write: (t: string) => out.push(t) } as never, { write: () => true } as never);
  expect(code, out.join('')).toBe(0);
}

describe.runIf(postgresAvailable)('xref --server and --corpus', () => {
  const db = usePostgres();
  let server: TestNewsroom;
  let dir: string;
  let pages: string[];
  let local: CorpusIndex;
  /** What `xref PAGE --corpus SEEDS --corpus generated.jsonl --json` prints, from one index
   *  built once (the CLI builds it again for every page: ~10 s each on a busy machine). */
  const localJson = async (path: string, kinds: readonly MatchKind[] = KINDS) => {
    const page = await loadPage(path, fakeIo().io, htmlToArticleNode);
    if (!page.ok) throw new Error(page.error);
    return `${JSON.stringify(buildReport(page.value, local, { kinds: [...kinds] }), null, 2)}\n`;
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'echoes-parity-'));
    const seeds = readSeedSentences(SEEDS);
    const rng = createRng(7);
    const corpus = generateCorpus(GENERATED, createVocabulary(rng, 20_000, seeds.words), seeds.sentences, rng, 200);
    writeFileSync(join(dir, 'generated.jsonl'), corpus.articles.map(articleToJsonLine).join('\n'));
    // Pages: articles carrying planted copies, so there is something to find.
    pages = corpus.planted.slice(0, 4).map((p, i) => {
      const article = corpus.articles.find((a) => a.id === p.articleId);
      const path = join(dir, `page-${i}.txt`);
      writeFileSync(path, article?.text ?? '');
      return path;
    });
    server = await startNewsroom(db.url());
    await importInto(db.url(), [SEEDS, join(dir, 'generated.jsonl')]);
    const articles = await loadCorpus([SEEDS, join(dir, 'generated.jsonl')], htmlToArticleNode);
    if (!articles.ok) throw new Error(articles.error);
    local = createCorpusIndex(articles.value);
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI itself prints the same with --corpus and --server', async () => {
    const page = join(SEEDS, readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))[0] as string);
    const remote = await xref([page, '--server', server.url, '--token', server.token]);
    expect(remote).toBe(await xref([page, '--corpus', SEEDS, '--corpus', join(dir, 'generated.jsonl')]));
    expect(JSON.parse(remote).summary.echoed).toBeGreaterThan(0);
  }, 120_000);

  it.each(readdirSync(SEEDS).filter((n) => n.endsWith('.txt')))('seed page %s', async (name) => {
    const page = join(SEEDS, name);
    const expected = await localJson(page);
    expect(await xref([page, '--server', server.url, '--token', server.token])).toBe(expected);
    expect(JSON.parse(expected).summary.echoed).toBeGreaterThan(0);
  });

  it('copies only (the server then sends the smaller candidate set): seed and generated pages', async () => {
    const copies = ['verbatim', 'reworded'] as const;
    const seedPage = join(SEEDS, readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))[0] as string);
    for (const page of [seedPage, ...pages]) {
      const expected = await localJson(page, copies);
      expect(await xref([page, '--server', server.url, '--token', server.token], copies)).toBe(expected);
      expect(JSON.parse(expected).summary.echoed).toBeGreaterThan(0);
    }
  }, 120_000);

  it('generated pages with planted copies', async () => {
    for (const page of pages) {
      const expected = await localJson(page);
      expect(await xref([page, '--server', server.url, '--token', server.token])).toBe(expected);
      expect(JSON.parse(expected).summary.echoed).toBeGreaterThan(0);
    }
  }, 120_000);
});
