import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Article, BlockKind } from '../../lib/corpus/article';

/** One seed article as the demo site shows it: cleaned blocks, in order. */
export interface DemoArticle {
  /** URL-safe name made from the outlet, e.g. "the-moscow-times". */
  slug: string;
  /** Corpus article id (the seed's file name without .txt). */
  articleId: string;
  outlet: string;
  title: string | null;
  credit: string | null;
  published: string | null;
  /** The outlet's own URL for the story, when the corpus knows it. */
  originalUrl: string | null;
  blocks: { kind: BlockKind; text: string }[];
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The seed articles, cleaned by lib/corpus (through lib/cli's loadSeedCorpus), in id order.
 *  Until that module exists, a plain paragraph split of seeds/*.txt stands in, so the demo
 *  site can be looked at before the engine lands. */
export async function loadDemoArticles(): Promise<DemoArticle[]> {
  const articles = (await loadWithCorpus()) ?? (await loadPlainSeeds());
  const used = new Set<string>();
  return [...articles]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((article) => toDemoArticle(article, used));
}

async function loadWithCorpus(): Promise<Article[] | null> {
  const modulePath = join(REPO_ROOT, 'lib/cli/corpus-files.ts');
  if (!existsSync(modulePath)) return null;
  const mod = (await import(pathToFileURL(modulePath).href)) as { loadSeedCorpus?: () => Promise<Article[]> };
  return mod.loadSeedCorpus ? mod.loadSeedCorpus() : null;
}

/** Stand-in for the corpus cleaner: blank-line paragraphs, outlet from sources.json if any. */
async function loadPlainSeeds(): Promise<Article[]> {
  const dir = join(REPO_ROOT, 'seeds');
  const manifestPath = join(dir, 'sources.json');
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, { outlet?: string; url?: string; title?: string }>)
    : {};
  const files = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(files.map(async (name) => {
    const raw = await readFile(join(dir, name), 'utf8');
    const paragraphs = raw.split(/\n\s*\n|\n(?=\S)/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
    const id = name.replace(/\.txt$/, '');
    const entry = manifest[name] ?? manifest[id] ?? {};
    return plainArticle(id, entry.outlet ?? id, entry.url ?? null, entry.title ?? null, paragraphs);
  }));
}

function plainArticle(id: string, outlet: string, url: string | null, title: string | null, paragraphs: string[]): Article {
  let text = '';
  const blocks: Article['blocks'] = [];
  for (const paragraph of paragraphs) {
    if (text) text += '\n\n';
    blocks.push({ kind: 'body', start: text.length, end: text.length + paragraph.length });
    text += paragraph;
  }
  return { id, outlet, site: null, url, published: null, title, credit: null, text, blocks };
}

function toDemoArticle(article: Article, used: Set<string>): DemoArticle {
  let slug = slugify(article.outlet) || article.id;
  while (used.has(slug)) slug += '-2';
  used.add(slug);
  return {
    slug,
    articleId: article.id,
    outlet: article.outlet,
    title: article.title,
    credit: article.credit,
    published: article.published,
    originalUrl: article.url,
    blocks: article.blocks
      .map((block) => ({ kind: block.kind, text: article.text.slice(block.start, block.end).trim() }))
      .filter((block) => block.text.length > 0),
  };
}

/** Lower-case ASCII words joined by dashes: "The Moscow Times" -> "the-moscow-times". */
export function slugify(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}
