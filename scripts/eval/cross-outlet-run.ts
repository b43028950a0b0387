// Runs each cross-outlet page (../shared/fixtures/cross-outlet/<story>/<outlet>/source.html) against
// its story's other pages, all as raw HTML read the way `npm run xref` reads them (the CLI's page
// and corpus loaders, lib/page's article finder over linkedom), and lists every match reported.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlToArticleNode } from '../../lib/cli/html-article';
import { pageFromContent } from '../../lib/cli/page-input';
import type { Article } from '../../lib/corpus/article';
import { ingestFile } from '../../lib/corpus/files/ingest';
import { createCorpusIndex } from '../../lib/match/index/corpus-index';
import type { MatchKind, ReuseClass } from '../../lib/match/types';
import { buildReport } from '../../lib/report/build-report';

/** The fixtures beside the repo; absent on a machine without ../shared. */
export const CROSS_OUTLET_DIR = fileURLToPath(new URL('../../../shared/fixtures/cross-outlet/', import.meta.url));

/** One page of a story: its outlet folder name and raw HTML. */
export interface StoryPage { outlet: string; html: string }

/** One reported match: the page's sentence and the other outlet's. */
export interface FoundPair {
  story: string; pageOutlet: string; pageText: string; otherOutlet: string; otherText: string;
  kind: MatchKind; reuse: ReuseClass; score: number;
}

/** Stories by folder name, each with its pages in outlet order; null when the fixtures are absent. */
export function readStories(dir = CROSS_OUTLET_DIR): Map<string, StoryPage[]> | null {
  if (!existsSync(dir)) return null;
  const stories = new Map<string, StoryPage[]>();
  for (const story of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const outlets = readdirSync(join(dir, story), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    stories.set(story, outlets.map((outlet) => ({ outlet, html: readFileSync(join(dir, story, outlet, 'source.html'), 'utf8') })));
  }
  return stories;
}

/** A page's HTML as a corpus article named after its outlet folder (`<outlet>.html`). */
function asArticle(page: StoryPage): Article[] {
  const result = ingestFile(`${page.outlet}.html`, page.html, { htmlToArticle: htmlToArticleNode });
  if (!result.ok) throw new Error(result.error);
  return result.articles;
}

/** Every match of each page of `story` against the story's other pages, under `kinds`. */
export function runStory(story: string, pages: readonly StoryPage[], kinds: readonly MatchKind[]): FoundPair[] {
  const articles = new Map(pages.map((p) => [p.outlet, asArticle(p)] as const));
  const found: FoundPair[] = [];
  for (const page of pages) {
    const input = pageFromContent(`${page.outlet}.html`, page.html, { htmlToArticle: htmlToArticleNode });
    if (!input.ok) throw new Error(input.error);
    const others = pages.filter((p) => p !== page).flatMap((p) => articles.get(p.outlet) ?? []);
    const outletOf = new Map(pages.filter((p) => p !== page).flatMap((p) => (articles.get(p.outlet) ?? []).map((a) => [a.id, p.outlet] as const)));
    const report = buildReport(input.value, createCorpusIndex(others), { kinds });
    for (const s of report.sentences) {
      for (const m of s.matches) {
        found.push({
          story, pageOutlet: page.outlet, pageText: s.text, otherOutlet: outletOf.get(m.articleId) ?? m.articleId,
          otherText: m.text, kind: m.kind, reuse: m.reuse, score: m.score,
        });
      }
    }
  }
  return found;
}
