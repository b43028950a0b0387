// Measures provenance on real pages: ../shared/fixtures/cross-outlet (21 pages, 8 stories; not
// part of the repo) against the labels in tests/fixtures/cross-outlet-provenance.json. Each page
// is checked against the other 20 as the corpus, read like the CLI reads HTML. Prints, per page,
// the wire found against the label and who ran the shared sentences first; then the totals.
// Run: npx tsx scripts/provenance-eval.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { htmlToArticleNode } from '../lib/cli/html-article';
import { pageFromContent } from '../lib/cli/page-input';
import { agenciesIn } from '../lib/corpus/meta/agencies';
import type { Article } from '../lib/corpus/article';
import { ingestFile } from '../lib/corpus/files/ingest';
import { createCorpusIndex } from '../lib/match/index/corpus-index';
import { buildReport } from '../lib/report/build-report';

/** Where the pages are (beside the repo) and where their labels are (in it). */
export const CROSS_OUTLET_DIR = fileURLToPath(new URL('../../shared/fixtures/cross-outlet/', import.meta.url));
export const LABELS_PATH = fileURLToPath(new URL('../tests/fixtures/cross-outlet-provenance.json', import.meta.url));

/** One page's label: its wire, and (when it shares sentences) who ran them first and whether it credits them. */
export interface PageLabel { origin: string | null; first?: string; credits?: boolean }

/** What Echoes finds for one page: its own wire; for its echoed copy, the most common first
 *  version (page key or "self"; null: none dated) and whether most of it is credited. */
export interface PageFinding { key: string; origin: string | null; echoed: number; first: string | null; credited: boolean | null }

/** The labels, or null when the file is absent. */
export function readLabels(path = LABELS_PATH): Record<string, PageLabel> | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { pages: Record<string, PageLabel> }).pages : null;
}

/** Every page's finding, or null when the pages are absent. */
export function measure(dir = CROSS_OUTLET_DIR): PageFinding[] | null {
  if (!existsSync(dir)) return null;
  const keys = readdirSync(dir).filter((g) => !g.includes('.')).flatMap((g) => readdirSync(join(dir, g)).map((o) => `${g}/${o}`)).sort();
  const html = new Map(keys.map((k) => [k, readFileSync(join(dir, k, 'source.html'), 'utf8')]));
  const idOf = (key: string) => key.replace('/', '__');
  const articles: Article[] = keys.flatMap((k) => {
    const read = ingestFile(`${idOf(k)}.html`, html.get(k)!, { htmlToArticle: htmlToArticleNode });
    return read.ok ? read.articles : [];
  });
  return keys.map((key) => findingOf(key, html.get(key)!, articles.filter((a) => a.id !== idOf(key))));
}

function findingOf(key: string, html: string, corpus: Article[]): PageFinding {
  const page = pageFromContent(`${key.replace('/', '__')}.html`, html, { htmlToArticle: htmlToArticleNode });
  if (!page.ok) return { key, origin: null, echoed: 0, first: null, credited: null };
  const report = buildReport(page.value, createCorpusIndex(corpus));
  const origin = (report.page.credits ?? []).flatMap(agenciesIn)[0] ?? null;
  const copied = report.sentences.filter((s) => s.provenance);
  const firsts = copied.map((s) => (s.provenance!.first ? s.provenance!.first.articleId?.replace('__', '/') ?? 'self' : 'undated'));
  const credited = copied.filter((s) => s.provenance!.credited).length;
  return { key, origin, echoed: copied.length, first: copied.length ? mostCommon(firsts) : null, credited: copied.length ? credited * 2 > copied.length : null };
}

function mostCommon(values: readonly string[]): string {
  const count = new Map<string, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** Right/total for origin (all pages), first and credit (labelled pages Echoes found echoed). */
export function score(findings: readonly PageFinding[], labels: Record<string, PageLabel>) {
  const tally = { origin: [0, 0], first: [0, 0], credited: [0, 0] };
  for (const f of findings) {
    const label = labels[f.key];
    if (!label) continue;
    tally.origin[1]! += 1;
    if (f.origin === label.origin) tally.origin[0]! += 1;
    if (label.first && f.first !== null) {
      tally.first[1]! += 1;
      if (f.first === label.first) tally.first[0]! += 1;
    }
    if (label.credits !== undefined && f.credited !== null) {
      tally.credited[1]! += 1;
      if (f.credited === label.credits || (label.first === 'self' && f.credited)) tally.credited[0]! += 1;
    }
  }
  return tally;
}

function main(): void {
  const findings = measure();
  const labels = readLabels();
  if (!findings || !labels) {
    console.log(`skipped: ${CROSS_OUTLET_DIR} is absent (it is beside the repo, in ../shared)`);
    return;
  }
  for (const f of findings) {
    const l = labels[f.key];
    console.log(`${f.key}: wire ${f.origin ?? '-'} (label ${l?.origin ?? '-'}); ${f.echoed} echoed, first ${f.first ?? '-'} (label ${l?.first ?? '-'}), credited ${f.credited ?? '-'}`);
  }
  const t = score(findings, labels);
  console.log(`wire of the page: ${t.origin[0]}/${t.origin[1]} right; first outlet: ${t.first[0]}/${t.first[1]}; credit verdict: ${t.credited[0]}/${t.credited[1]}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
