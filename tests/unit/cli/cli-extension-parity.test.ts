// The command line and the extension must give the same matches for the same page and corpus.
// CLI half: `xref <page> --corpus <folder> --json` in process. Extension half: the background's
// buildReport with its match options, over an index of the same folder's articles revived the
// way the background revives one (the built-in seed-index.json, or the IndexedDB snapshot), for
// the page as the content script sends it. The in-browser half is in tests/e2e.
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpusPath } from '../../../lib/cli/corpus-files';
import { htmlToArticleNode } from '../../../lib/cli/html-article';
import { runXref } from '../../../lib/cli/run';
import type { Article } from '../../../lib/corpus/article';
import { articleToJsonLine } from '../../../lib/corpus/files/export';
import { matchOptionsOf } from '../../../lib/ext/background/background-service';
import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from '../../../lib/ext/settings/settings';
import { createCorpusIndex, loadCorpusIndex, loadPackedCorpusIndex, type CorpusIndex } from '../../../lib/match/index/corpus-index';
import { buildReport } from '../../../lib/report/build-report';
import type { PageInput, Report } from '../../../lib/report/types';
import { splitSentences } from '../../../lib/text/sentences';
import { SEEDS_DIR } from '../corpus/seeds';
import { fakeIo } from './fake-io';

const PAGE_URL = 'https://news.example.org/world/troops-leave';
let dir = '';
let corpusDir = '';
let pagePath = '';
let pageHtml = '';

const html = (head: string, paragraphs: string[]) =>
  `<!doctype html><html><head>${head}</head><body><nav><a href="/">Home</a></nav><article><h1>Troops to leave Kazakhstan</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article><footer>© News</footer></body></html>`;

/** The corpus folder: the seeds with their sources.json, an export (.jsonl) of an article
 *  that rewords some of seed 000's sentences, and an .html copy of seed 001 under another outlet's name. */
async function writeCorpus(): Promise<void> {
  await mkdir(corpusDir);
  for (const name of await readdir(SEEDS_DIR)) await copyFile(join(SEEDS_DIR, name), join(corpusDir, name));
  const seeds = await loadCorpusPath(SEEDS_DIR);
  if (!seeds.ok) throw new Error(seeds.error);
  const [trt, moscow] = seeds.articles as [Article, Article];
  const reworded = splitSentences(trt.text).slice(2, 9).map((s) => s.text.replace(/\bthe\b/, 'a').replace(/\bsaid\b/, 'stated'));
  const text = reworded.join(' ');
  const desk: Article = {
    id: 'desk-1', outlet: 'Desk Wire', site: 'desk.example', url: 'https://desk.example/kz', published: '2022-01-12',
    title: 'Reworded', credit: null, text, blocks: [{ kind: 'body', start: 0, end: text.length }],
  };
  await writeFile(join(corpusDir, 'desk.jsonl'), `${articleToJsonLine(desk)}\n`);
  const paragraphs = moscow.blocks.filter((b) => b.kind === 'body').map((b) => moscow.text.slice(b.start, b.end));
  await writeFile(join(corpusDir, 'mirror.html'), html('<meta property="og:site_name" content="Mirror Site">', paragraphs));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'echoes-parity-'));
  corpusDir = join(dir, 'corpus');
  await writeCorpus();
  const seed000 = (await loadCorpusPath(join(SEEDS_DIR, '000_195ccdb3a235dd3d.txt'))) as { ok: true; articles: Article[] };
  const page = seed000.articles[0]!;
  const paragraphs = page.blocks.slice(0, 14).map((b) => page.text.slice(b.start, b.end));
  pageHtml = html(`<meta property="og:url" content="${PAGE_URL}"><meta property="og:site_name" content="Example News">`, paragraphs);
  pagePath = join(dir, 'page.html');
  await writeFile(pagePath, pageHtml);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cliReport(kinds: string): Promise<Report> {
  const { io, stdout, stderr } = fakeIo();
  const code = await runXref([pagePath, '--corpus', corpusDir, '--kinds', kinds, '--json'], io);
  expect(code, stderr()).toBe(0);
  return JSON.parse(stdout()) as Report;
}

/** What entrypoints/content sends as matchPage's data, turned into PageInput as the background does. */
function pageAsTheBackgroundSeesIt(): PageInput {
  const found = htmlToArticleNode(pageHtml)!;
  return { source: PAGE_URL, text: found.text, blockStarts: found.blockStarts, title: found.title, outlet: found.outlet ?? null, url: PAGE_URL };
}

/** The folder's articles indexed, then revived the way the background gets its index. */
async function extensionIndexes(): Promise<[string, CorpusIndex][]> {
  const loaded = await loadCorpusPath(corpusDir, { htmlToArticle: htmlToArticleNode });
  if (!loaded.ok) throw new Error(loaded.error);
  const built = createCorpusIndex(loaded.articles);
  const packed = loadPackedCorpusIndex(structuredClone(built.pack()));
  if ('error' in packed) throw new Error(packed.error);
  return [
    ['built-in seed-index.json', loadCorpusIndex(JSON.parse(JSON.stringify(built.serialize())))],
    ['user corpus snapshot (IndexedDB)', packed],
  ];
}

describe('the CLI and the extension report the same matches', () => {
  it.each<[string, MatchSettings, string]>([
    ['default settings', DEFAULT_MATCH_SETTINGS, 'verbatim,reworded'],
    ['paraphrases shown', { ...DEFAULT_MATCH_SETTINGS, showParaphrase: true }, 'verbatim,reworded,paraphrase'],
  ])('%s', async (_name, settings, kinds) => {
    const cli = await cliReport(kinds);
    // Not a vacuous comparison: several outlets, the HTML and JSONL corpus files among them.
    expect(cli.summary.echoed).toBeGreaterThan(5);
    const ids = new Set(cli.sentences.flatMap((s) => s.matches.map((m) => m.articleId)));
    expect(ids).toContain('desk-1');
    expect(ids).toContain('mirror');
    expect(ids).not.toContain('000_195ccdb3a235dd3d'); // the page's own text
    expect(cli.sentences.flatMap((s) => s.matches.map((m) => m.kind))).toEqual(expect.arrayContaining(['verbatim', 'reworded']));
    for (const [, index] of await extensionIndexes()) {
      const ext = buildReport(pageAsTheBackgroundSeesIt(), index, matchOptionsOf(settings));
      // Only the name of the page differs: a file path on the command line, the URL in the browser.
      expect(ext).toEqual({ ...cli, page: { ...cli.page, source: PAGE_URL } });
    }
  });
});
