import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  chooseShippedCorpus, DEFAULT_CORPUS_MODE, parseCorpusMode, shippedIndexAsset, type ShippedCorpusSources,
} from '../../../lib/cli/shipped-corpus';
import type { Article } from '../../../lib/corpus/article';
import { loadCorpusIndex } from '../../../lib/match/index/corpus-index';

const article = (id: string, outlet = 'Desk'): Article => ({
  id, outlet, site: null, url: null, published: null, title: null, credit: null,
  text: `Article ${id} says the council approved the new budget on Monday after a long debate.`,
  blocks: [{ kind: 'body', start: 0, end: 80 }],
});
const SEEDS = [article('s1', 'Seed'), article('s2', 'Seed')];
const CORPUS = [article('c1'), article('c2')];
const sources = (corpus: Article[] | string = CORPUS): ShippedCorpusSources => ({
  loadSeeds: async () => SEEDS,
  loadPath: async (path) => (typeof corpus === 'string' ? { ok: false, error: `${path} ${corpus}` } : { ok: true, articles: corpus }),
});
const ids = (r: Awaited<ReturnType<typeof chooseShippedCorpus>>) => (r.ok ? r.articles.map((a) => a.id) : r.error);

describe('parseCorpusMode', () => {
  it.each<[string | undefined, string]>([
    [undefined, DEFAULT_CORPUS_MODE], ['', DEFAULT_CORPUS_MODE], ['replace', 'replace'], ['beside', 'beside'], [' Beside ', 'beside'],
  ])('%j -> %s', (value, mode) => {
    expect(parseCorpusMode(value)).toEqual({ ok: true, mode });
  });

  it('the default is replace: a newsroom build ships only its own corpus, as before the mode existed', () => {
    expect(DEFAULT_CORPUS_MODE).toBe('replace');
  });

  it('refuses anything else in one line that lists the modes', () => {
    expect(parseCorpusMode('besides')).toEqual({
      ok: false, error: 'ECHOES_CORPUS_MODE="besides" is not a mode: use "replace" (the corpus instead of the seeds, the default) or "beside" (the seeds and the corpus)',
    });
  });
});

describe('chooseShippedCorpus', () => {
  it.each<[string, Record<string, string>, string[], string]>([
    ['no corpus: the seeds', {}, ['s1', 's2'], '2 seed articles'],
    ['an empty ECHOES_CORPUS counts as unset', { ECHOES_CORPUS: '' }, ['s1', 's2'], '2 seed articles'],
    ['a corpus, default mode: the corpus alone', { ECHOES_CORPUS: 'desk' }, ['c1', 'c2'], '2 articles of desk (seeds left out)'],
    ['replace: the corpus alone', { ECHOES_CORPUS: 'desk', ECHOES_CORPUS_MODE: 'replace' }, ['c1', 'c2'], '2 articles of desk (seeds left out)'],
    ['beside: seeds first, then the corpus', { ECHOES_CORPUS: 'desk', ECHOES_CORPUS_MODE: 'beside' }, ['s1', 's2', 'c1', 'c2'], '2 seed articles + 2 articles of desk'],
  ])('%s', async (_name, env, expected, summary) => {
    const chosen = await chooseShippedCorpus(env, sources());
    expect(ids(chosen)).toEqual(expected);
    expect(chosen.ok && chosen.summary).toBe(summary);
  });

  it.each<[string, Record<string, string>, Article[] | string, string]>([
    ['a bad mode', { ECHOES_CORPUS: 'desk', ECHOES_CORPUS_MODE: 'both' }, CORPUS, 'ECHOES_CORPUS_MODE="both" is not a mode'],
    ['a mode without a corpus', { ECHOES_CORPUS_MODE: 'beside' }, CORPUS, 'ECHOES_CORPUS_MODE=beside needs ECHOES_CORPUS=<corpus folder or file>: set it, or unset ECHOES_CORPUS_MODE to build with the seeds'],
    ['a bad path', { ECHOES_CORPUS: 'nope' }, 'not found: give a corpus folder or file', 'ECHOES_CORPUS=nope: nope not found: give a corpus folder or file'],
    ['a corpus without articles', { ECHOES_CORPUS: 'empty.json' }, [], 'ECHOES_CORPUS=empty.json holds no articles: give a folder or file of .txt, .html, .json or .jsonl articles'],
    ['an id a seed already has (beside)', { ECHOES_CORPUS: 'desk', ECHOES_CORPUS_MODE: 'beside' }, [article('c1'), article('s2')],
      'ECHOES_CORPUS=desk: article id "s2" is also a seed\'s id: give the corpus article another id, or set ECHOES_CORPUS_MODE=replace to leave the seeds out'],
  ])('fails on %s with one line', async (_name, env, corpus, error) => {
    const chosen = await chooseShippedCorpus(env, sources(corpus));
    expect(chosen.ok).toBe(false);
    expect(!chosen.ok && chosen.error).toContain(error);
    expect(!chosen.ok && chosen.error).not.toContain('\n');
  });

  it('a seed id in replace mode is fine: the seeds are left out', async () => {
    expect(ids(await chooseShippedCorpus({ ECHOES_CORPUS: 'desk' }, sources([article('s1')])))).toEqual(['s1']);
  });
});

describe('shippedIndexAsset', () => {
  it('indexes the chosen articles into seed-index.json', async () => {
    const asset = await shippedIndexAsset({ ECHOES_CORPUS: 'desk', ECHOES_CORPUS_MODE: 'beside' }, sources());
    expect(asset.relativeDest).toBe('seed-index.json');
    expect(loadCorpusIndex(JSON.parse(asset.contents)).articleIds()).toEqual(['s1', 's2', 'c1', 'c2']);
    expect(asset.summary).toBe('seed-index.json from 2 seed articles + 2 articles of desk');
  });

  it('throws the one line, with no stack trace under it, so the build stops', async () => {
    const error = await shippedIndexAsset({ ECHOES_CORPUS_MODE: 'x' }, sources()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).stack).toBe((error as Error).message);
  });
});

// The build's own wiring: wxt.config.ts's hooks run as WXT runs them (before the build, then
// when public assets are collected), over a real corpus folder, and the asset is written out.
describe('wxt.config.ts hooks with ECHOES_CORPUS', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'echoes-newsroom-'));
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  async function runBuildHooks(): Promise<{ index: ReturnType<typeof loadCorpusIndex>; logged: string[] }> {
    const { default: config } = await import('../../../wxt.config');
    const hooks = config.hooks as Record<string, (...args: unknown[]) => Promise<void>>;
    const logged: string[] = [];
    const wxt = { logger: { info: (line: string) => logged.push(line) } };
    const files: { relativeDest: string; contents: string }[] = [];
    await hooks['build:before']!(wxt);
    await hooks['build:publicAssets']!(wxt, files);
    const outDir = join(dir, 'out');
    for (const file of files) {
      await mkdir(dirname(join(outDir, file.relativeDest)), { recursive: true });
      await writeFile(join(outDir, file.relativeDest), file.contents);
    }
    const written = JSON.parse(await readFile(join(outDir, 'seed-index.json'), 'utf8'));
    return { index: loadCorpusIndex(written), logged };
  }

  it('beside: seed-index.json holds the seeds and the folder\'s articles, HTML files included', async () => {
    const corpus = join(dir, 'corpus');
    await mkdir(corpus);
    await writeFile(join(corpus, 'desk.jsonl'), `${JSON.stringify({ id: 'desk-1', outlet: 'Newsroom Daily', text: 'The council approved the new budget on Monday after a long debate about schools.' })}\n`);
    await writeFile(join(corpus, 'page.html'), '<html><head><meta property="og:site_name" content="City Paper"></head><body><article><h1>Budget passes</h1><p>The city council approved the budget late on Monday night after hours of debate.</p><p>Schools get more money than last year, the mayor said afterwards.</p></article></body></html>');
    vi.stubEnv('ECHOES_CORPUS', corpus);
    vi.stubEnv('ECHOES_CORPUS_MODE', 'beside');
    const { index, logged } = await runBuildHooks();
    const ids = index.articleIds();
    expect(ids).toHaveLength(7);
    expect(ids.slice(5)).toEqual(['desk-1', 'page']);
    expect(index.getArticle('page')?.outlet).toBe('City Paper');
    expect(logged).toEqual([`Echoes: seed-index.json from 5 seed articles + 2 articles of ${corpus}`]);
  });

  it('a bad mode stops the build in build:before', async () => {
    vi.stubEnv('ECHOES_CORPUS', dir);
    vi.stubEnv('ECHOES_CORPUS_MODE', 'instead');
    const { default: config } = await import('../../../wxt.config');
    const hooks = config.hooks as Record<string, (...args: unknown[]) => Promise<void>>;
    await expect(hooks['build:before']!({})).rejects.toThrow('ECHOES_CORPUS_MODE="instead" is not a mode');
  });
});
