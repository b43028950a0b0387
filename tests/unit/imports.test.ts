import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The pure four run in Node, in the service worker and in the CLI: no DOM, no extension
// APIs, no Preact, no Node built-ins, and imports only point down text ← corpus ← match ← report.
const ROOT = resolve(__dirname, '../..');
const LAYERS = ['text', 'corpus', 'match', 'report'] as const;
const FORBIDDEN = [
  /^node:/, /^preact(\/|$)/, /^webextension-polyfill$/, /^wxt(\/|$)/, /^#imports$/, /^@wxt-dev\//,
  /^linkedom$/, /^happy-dom$/, /^jsdom$/, /^mark\.js$/, /^@mozilla\/readability$/, /^@\//,
];
const NODE_BUILTINS = new Set(builtinModules);

/** Specifiers of every static import/export-from and dynamic import in a source text. */
function importsOf(source: string): string[] {
  const pattern = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?(?:from\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? '');
}

/** Why one import of a file in lib/<layer> is not allowed, or null when it is fine. */
function violation(layer: (typeof LAYERS)[number], fileDir: string, specifier: string): string | null {
  if (FORBIDDEN.some((re) => re.test(specifier)) || NODE_BUILTINS.has(specifier)) return `imports ${specifier}`;
  if (!specifier.startsWith('.')) return null; // a pure npm package (e.g. diff, fuse.js)
  const target = relative(join(ROOT, 'lib'), resolve(fileDir, specifier)).split(sep)[0] ?? '';
  const targetRank = LAYERS.indexOf(target as (typeof LAYERS)[number]);
  if (targetRank < 0) return `imports lib/${target} (${specifier}), outside the pure four`;
  if (targetRank > LAYERS.indexOf(layer)) return `imports lib/${target} upwards (${specifier})`;
  return null;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the checker itself', () => {
  const dir = join(ROOT, 'lib/match');
  it.each([
    ["import { readFileSync } from 'node:fs';", 'imports node:fs'],
    ["import fs from 'fs';", 'imports fs'],
    ["import { h } from 'preact';", 'imports preact'],
    ["import { browser } from 'wxt/browser';", 'imports wxt/browser'],
    ["import type { Report } from '../report/types';", 'upwards'],
    ["export { x } from '../page/article';", 'outside the pure four'],
    ["const m = await import('linkedom');", 'imports linkedom'],
  ])('flags %s', (line, reason) => {
    const problems = importsOf(line).map((s) => violation('match', dir, s));
    expect(problems.join(' ')).toContain(reason);
  });
  it.each([
    "import type { Article } from '../corpus/article';",
    "import { diffWords } from 'diff';",
    "import { tokenize } from '../text/tokenize';",
  ])('allows %s', (line) => {
    expect(importsOf(line).map((s) => violation('match', dir, s))).toEqual([null]);
  });
});

describe.each(LAYERS)('lib/%s imports', (layer) => {
  const files = sourceFiles(join(ROOT, 'lib', layer));
  it.skipIf(files.length === 0)('stay pure and point down the layers', () => {
    const problems = files.flatMap((file) => importsOf(readFileSync(file, 'utf8'))
      .map((specifier) => violation(layer, dirname(file), specifier))
      .filter((problem): problem is string => problem !== null)
      .map((problem) => `${relative(ROOT, file)} ${problem}`));
    expect(problems).toEqual([]);
  });
});

// lib/ext's rooms run in different places: background, corpus and store in the background (the
// service worker or Firefox's background page), pages in the popup and options page, lib/page in
// the content script. These rules keep background code out of the pages' and the page's bundles
// and keep the IndexedDB store at the bottom.
/** The room a repository path is in: lib/ext/<room>, or lib/<layer>. */
const roomOf = (path: string): string => path.split('/').slice(0, path.startsWith('lib/ext/') ? 3 : 2).join('/');
const ROOM_RULES: { from: string; mayNotImport: string[]; why: string }[] = [
  { from: 'lib/ext/store', mayNotImport: ['lib/ext/'], why: 'the store is the bottom room' },
  { from: 'lib/ext/pages', mayNotImport: ['lib/ext/background', 'lib/ext/corpus', 'lib/ext/store'], why: 'extension pages talk to the background by message' },
  { from: 'lib/page', mayNotImport: ['lib/ext/background', 'lib/ext/corpus', 'lib/ext/store', 'lib/ext/imports', 'lib/ext/pages'], why: 'the content script talks to the background by message' },
  { from: 'lib/ext', mayNotImport: ['lib/ext/pages'], why: 'only entry points wire the pages\u2019 controllers' },
];

/** The imports of `file` (a repository path) that `mayNotImport` forbids, outside its own room. */
function roomViolations(file: string, source: string, mayNotImport: string[]): string[] {
  return importsOf(source)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, resolve(dirname(join(ROOT, file)), specifier)).split(sep).join('/'))
    .filter((target) => roomOf(target) !== roomOf(file) && mayNotImport.some((room) => target.startsWith(room)))
    .map((target) => `${file} imports ${target}`);
}

it('the room checker flags an import across a forbidden room and allows its own room', () => {
  const forbidden = ['lib/ext/background'];
  expect(roomViolations('lib/ext/pages/x.ts', "import { a } from '../background/index-holder';", forbidden))
    .toEqual(['lib/ext/pages/x.ts imports lib/ext/background/index-holder']);
  expect(roomViolations('lib/ext/background/x.ts', "import { a } from './index-holder';", forbidden)).toEqual([]);
});

describe.each(ROOM_RULES)('$from', ({ from, mayNotImport, why }) => {
  const files = sourceFiles(join(ROOT, from));
  it.skipIf(files.length === 0)(`keeps out of ${mayNotImport.join(', ')} (${why})`, () => {
    const problems = files.flatMap((file) => roomViolations(relative(ROOT, file).split(sep).join('/'), readFileSync(file, 'utf8'), mayNotImport));
    expect(problems).toEqual([]);
  });
});
