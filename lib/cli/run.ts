import type { Article } from '../corpus/article';
import type { HtmlArticle } from '../corpus/files/ingest';
import { createCorpusIndex } from '../match/index/corpus-index';
import type { MatchKind } from '../match/types';
import { buildReport, type ReportIndex } from '../report/build-report';
import { askNewsroom } from '../report/newsroom-client';
import { matchRequestFor } from '../report/newsroom-protocol';
import { remoteIndex } from '../report/remote-index';
import type { PageInput } from '../report/types';
import { parseArgs, USAGE } from './args';
import { loadCorpusPath, loadSeedCorpus } from './corpus-files';
import { htmlToArticleNode } from './html-article';
import { decodeText, pageFromContent, type InputResult } from './page-input';
import { readAll, readFileBytes } from './read-input';
import { renderReport, shouldColor } from './render-text';
import { terminalSafeJson, terminalSafeLine } from './terminal-text';
import { MAX_PAGE_INPUT_BYTES } from '../report/limits';

/** Where the CLI reads and writes; process.* in main.ts, fakes in tests. */
export interface CliIo {
  stdin: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

/** Exit codes: 0 report printed, 2 bad arguments or input, 1 an unexpected failure. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** Runs `xref` over argv (without node and script) and returns the exit code. Problems
 *  with the input print one line on stderr (exit 2); nothing prints a stack trace. */
export async function runXref(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (error: string, code: number = EXIT.badInput) => {
    io.stderr.write(`xref: ${terminalSafeLine(error)}\n`); // file names and lines quoted from files
    return code;
  };
  try {
    const args = parseArgs(argv);
    if (!args.ok) return fail(args.error);
    if (args.help) { io.stdout.write(USAGE); return EXIT.ok; }
    const { options } = args;
    const page = await loadPage(options.page, io, htmlToArticleNode);
    if (!page.ok) return fail(page.error);
    const index = options.server === null
      ? await localIndex(options.corpus)
      : await serverIndex(page.value, options.server, options.token ?? io.env.ECHOES_TOKEN ?? null, options.corpus, options.kinds);
    if (!index.ok) return fail(index.error);
    const report = buildReport(page.value, index.value, { kinds: options.kinds });
    const color = shouldColor(io.stdout.isTTY, io.env);
    io.stdout.write(options.json ? `${terminalSafeJson(report)}\n` : renderReport(report, color));
    return EXIT.ok;
  } catch (error) {
    return fail(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`, EXIT.failure);
  }
}

async function localIndex(paths: readonly string[]): Promise<InputResult<ReportIndex>> {
  const corpus = await loadCorpus(paths, htmlToArticleNode);
  return corpus.ok ? { ok: true, value: createCorpusIndex(corpus.value) } : corpus;
}

/** The newsroom server's candidates for the page, verified here (lib/report remoteIndex). */
async function serverIndex(
  page: PageInput, url: string, token: string | null, corpus: readonly string[], kinds: readonly MatchKind[],
): Promise<InputResult<ReportIndex>> {
  if (corpus.length > 0) return { ok: false, error: '--server and --corpus are two corpora: give one of them' };
  if (!token) return { ok: false, error: '--server needs --token T (or $ECHOES_TOKEN): make one with npm run server -- token --database ...' };
  const answer = await askNewsroom({ url, token }, matchRequestFor(page, kinds), fetch);
  return answer.ok ? { ok: true, value: remoteIndex(answer.value) } : answer;
}

/** Reads the page from a file or, for "-", from standard input. */
export async function loadPage(
  path: string, io: Pick<CliIo, 'stdin'>, htmlToArticle: (html: string) => HtmlArticle | null,
): Promise<InputResult<PageInput>> {
  const source = path === '-' ? '<stdin>' : path;
  if (path === '-' && io.stdin.isTTY) return { ok: false, error: 'standard input is a terminal: pipe an article in (cat page.txt | npm run xref -- -)' };
  const bytes = path === '-' ? await readAll(io.stdin, MAX_PAGE_INPUT_BYTES) : await readFileBytes(path, MAX_PAGE_INPUT_BYTES);
  if (!bytes.ok) return bytes;
  const text = decodeText(bytes.value, source);
  if (!text.ok) return text;
  return pageFromContent(source, text.value, { htmlToArticle });
}

/** The articles of every --corpus path, or the embedded seeds when none is given. */
export async function loadCorpus(
  paths: readonly string[], htmlToArticle: (html: string) => HtmlArticle | null,
): Promise<InputResult<Article[]>> {
  if (paths.length === 0) return { ok: true, value: await loadSeedCorpus() };
  const articles: Article[] = [];
  const ids = new Set<string>(); // a set, not a search of the articles so far: 20,000 files stay linear
  for (const path of paths) {
    const loaded = await loadCorpusPath(path, { htmlToArticle });
    if (!loaded.ok) return { ok: false, error: loaded.error };
    if (loaded.articles.length === 0) return { ok: false, error: `no articles in ${path} (.txt, .html, .json or .jsonl files)` };
    for (const article of loaded.articles) {
      if (ids.has(article.id)) return { ok: false, error: `article id "${article.id}" appears twice (again in ${path}): ids must be unique` };
      ids.add(article.id);
      articles.push(article);
    }
  }
  return { ok: true, value: articles };
}
