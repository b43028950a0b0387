/** The corpus a build embeds (seed-index.json): the seeds, or a newsroom's own corpus from
 *  ECHOES_CORPUS in place of them or beside them. wxt.config.ts only wires this in. */
import type { Article } from '../corpus/article';
import type { IngestResult } from '../corpus/files/ingest';
import { createCorpusIndex } from '../match/index/corpus-index';
import { loadCorpusPath, loadSeedCorpus } from './corpus-files';
import { htmlToArticleNode } from './html-article';

/** `replace`: only the corpus; `beside`: the seeds and the corpus. */
export type CorpusMode = 'replace' | 'beside';

/** ECHOES_CORPUS_MODE when unset: a newsroom's build ships its own articles only, as it did
 *  before the mode existed; the seeds are demo articles its staff could not remove one by one. */
export const DEFAULT_CORPUS_MODE: CorpusMode = 'replace';

/** The build's environment variables this module reads (process.env in the build). */
export interface ShippedCorpusEnv {
  /** A corpus folder or file, read as the CLI's --corpus reads it; unset or "" = the seeds only. */
  ECHOES_CORPUS?: string;
  /** "replace" or "beside" (case and spaces ignored); unset or "" = DEFAULT_CORPUS_MODE. */
  ECHOES_CORPUS_MODE?: string;
}

/** Where the articles come from; the real files by default, fakes in tests. */
export interface ShippedCorpusSources {
  loadSeeds(): Promise<Article[]>;
  loadPath(path: string): Promise<IngestResult>;
}

/** The articles to embed and a line saying where they came from, or one line saying what is
 *  wrong with the environment and how to fix it. */
export type ShippedCorpus = { ok: true; articles: Article[]; summary: string } | { ok: false; error: string };

const realSources: ShippedCorpusSources = {
  loadSeeds: loadSeedCorpus,
  loadPath: (path) => loadCorpusPath(path, { htmlToArticle: htmlToArticleNode }),
};

/** Reads ECHOES_CORPUS_MODE: the mode, or why the value is not one. */
export function parseCorpusMode(value: string | undefined): { ok: true; mode: CorpusMode } | { ok: false; error: string } {
  const mode = (value ?? '').trim().toLowerCase();
  if (mode === '') return { ok: true, mode: DEFAULT_CORPUS_MODE };
  if (mode === 'replace' || mode === 'beside') return { ok: true, mode };
  return { ok: false, error: `ECHOES_CORPUS_MODE=${JSON.stringify(value)} is not a mode: use "replace" (the corpus instead of the seeds, the default) or "beside" (the seeds and the corpus)` };
}

/** Chooses the embedded articles from the environment: the seeds when ECHOES_CORPUS is unset;
 *  else the corpus at that path, after the seeds in `beside` mode. Fails on a bad mode, a
 *  mode without a corpus, an unreadable corpus, a corpus without articles, and (beside) an
 *  article id that a seed already has. */
export async function chooseShippedCorpus(env: ShippedCorpusEnv, sources: ShippedCorpusSources = realSources): Promise<ShippedCorpus> {
  const mode = parseCorpusMode(env.ECHOES_CORPUS_MODE);
  if (!mode.ok) return mode;
  const path = env.ECHOES_CORPUS ?? '';
  if (path.trim() === '') {
    if ((env.ECHOES_CORPUS_MODE ?? '').trim() !== '') {
      return { ok: false, error: `ECHOES_CORPUS_MODE=${mode.mode} needs ECHOES_CORPUS=<corpus folder or file>: set it, or unset ECHOES_CORPUS_MODE to build with the seeds` };
    }
    const seeds = await sources.loadSeeds();
    return { ok: true, articles: seeds, summary: countOf(seeds.length, 'seed article') };
  }
  const corpus = await sources.loadPath(path);
  if (!corpus.ok) return { ok: false, error: `ECHOES_CORPUS=${path}: ${corpus.error}` };
  if (corpus.articles.length === 0) return { ok: false, error: `ECHOES_CORPUS=${path} holds no articles: give a folder or file of .txt, .html, .json or .jsonl articles` };
  const ofCorpus = `${countOf(corpus.articles.length, 'article')} of ${path}`;
  if (mode.mode === 'replace') return { ok: true, articles: corpus.articles, summary: `${ofCorpus} (seeds left out)` };
  const seeds = await sources.loadSeeds();
  const seedIds = new Set(seeds.map((a) => a.id));
  const clash = corpus.articles.find((a) => seedIds.has(a.id));
  if (clash) {
    return { ok: false, error: `ECHOES_CORPUS=${path}: article id "${clash.id}" is also a seed's id: give the corpus article another id, or set ECHOES_CORPUS_MODE=replace to leave the seeds out` };
  }
  return { ok: true, articles: [...seeds, ...corpus.articles], summary: `${countOf(seeds.length, 'seed article')} + ${ofCorpus}` };
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The asset the build:publicAssets hook adds: the chosen corpus, indexed and serialised. */
export interface ShippedIndexAsset { relativeDest: 'seed-index.json'; contents: string; summary: string }

/** Builds seed-index.json from the environment's corpus. Throws an Error whose message is
 *  the one line to show when the environment is wrong, so the build stops; its stack is that
 *  line too, because WXT's CLI prints the stack and a trace would bury the reason. */
export async function shippedIndexAsset(env: ShippedCorpusEnv, sources: ShippedCorpusSources = realSources): Promise<ShippedIndexAsset> {
  const chosen = await chooseShippedCorpus(env, sources);
  if (!chosen.ok) throw Object.assign(new Error(chosen.error), { stack: chosen.error });
  const contents = JSON.stringify(createCorpusIndex(chosen.articles).serialize());
  return { relativeDest: 'seed-index.json', contents, summary: `seed-index.json from ${chosen.summary}` };
}
