import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runXref } from '../../../lib/cli/run';
import type { Report } from '../../../lib/report/types';
import { fakeIo } from './fake-io';

const SEEDS = join(__dirname, '../../../seeds');
const SEED_000 = join(SEEDS, '000_195ccdb3a235dd3d.txt');
const SEED_001 = join(SEEDS, '001_d8ecf45d43cff358.txt');
const tmp = mkdtempSync(join(tmpdir(), 'xref-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('runXref errors: one line on stderr, exit 2, nothing on stdout', () => {
  mkdirSync(join(tmp, 'empty-folder'), { recursive: true });
  const okPage = file('ok.txt', readFileSync(SEED_000));
  it.each([
    ['unknown option', [okPage, '--fast'], 'unknown option --fast'],
    ['unknown kind', [okPage, '--kinds', 'verbatim,similar'], 'unknown kind "similar"'],
    ['no page', [], 'no page given'],
    ['missing file', [join(tmp, 'nope.txt')], 'no such file'],
    ['folder as page', [tmp], 'is a folder'],
    ['empty page', [file('empty.txt', '  \n\n ')], 'is empty'],
    ['binary page', [file('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))], 'binary'],
    ['not UTF-8', [file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]))], 'not UTF-8'],
    ['missing corpus', [okPage, '--corpus', join(tmp, 'no-corpus')], 'no-corpus'],
    ['empty corpus folder', [okPage, '--corpus', join(tmp, 'empty-folder')], 'empty-folder'],
    ['malformed JSONL', [okPage, '--corpus', file('bad.jsonl', '{"outlet":"A","text":"Fine text here."}\n{"outlet": "B", "text": \n')], 'line 2'],
    ['malformed JSON', [okPage, '--corpus', file('bad.json', '[{"outlet":"A","text":"x"},]')], 'bad.json'],
    ['article without text', [okPage, '--corpus', file('notext.json', '[{"outlet":"A","url":"https://a.example/1"}]')], 'notext.json'],
    ['same corpus twice', [okPage, '--corpus', SEEDS, '--corpus', SEEDS], 'appears twice'],
    ['a terminal as standard input', ['-'], 'standard input is a terminal'],
  ])('%s', async (_name, argv, message) => {
    const { io, stdout, stderr } = fakeIo({ stdinIsTTY: true });
    expect(await runXref(argv, io)).toBe(2);
    expect(stderr()).toContain(message);
    expect(stderr().trim().split('\n')).toHaveLength(1);
    expect(stderr()).not.toMatch(/\n\s+at /);
    expect(stdout()).toBe('');
  });
});

describe('runXref reports', () => {
  it('--help prints usage and exits 0', async () => {
    const { io, stdout } = fakeIo();
    expect(await runXref(['--help'], io)).toBe(0);
    expect(stdout()).toContain('Usage: npm run xref');
  });

  it('--json prints exactly the report, offsets into the raw file, never the page\'s own article', async () => {
    const { io, stdout, stderr } = fakeIo();
    expect(await runXref([SEED_001, '--json'], io)).toBe(0);
    expect(stderr()).toBe('');
    const report = JSON.parse(stdout()) as Report;
    const raw = readFileSync(SEED_001, 'utf8');
    expect(report.page.source).toBe(SEED_001);
    for (const s of report.sentences) expect(raw.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text.replace(/\s+/g, ' '));
    const ids = report.sentences.flatMap((s) => s.matches.map((m) => m.articleId));
    expect(ids).toContain('000_195ccdb3a235dd3d');
    expect(ids).not.toContain('001_d8ecf45d43cff358');
    expect(report.summary.echoed).toBe(report.sentences.filter((s) => s.matches.length > 0).length);
  });

  it('reads the page from standard input and against a corpus file', async () => {
    const { io, stdout } = fakeIo({ stdin: readFileSync(SEED_001) });
    const corpus = file('trt.txt', readFileSync(SEED_000));
    expect(await runXref(['-', '--corpus', corpus, '--json'], io)).toBe(0);
    const report = JSON.parse(stdout()) as Report;
    expect(report.page.source).toBe('<stdin>');
    expect(new Set(report.sentences.flatMap((s) => s.matches.map((m) => m.articleId)))).toEqual(new Set(['trt']));
  });

  it('sniffs HTML on standard input and uses the article text', async () => {
    const paragraphs = readFileSync(SEED_000, 'utf8').split(/\n\n+/).slice(1, 12).map((p) => `<p>${p}</p>`).join('\n');
    const html = `<!doctype html><html><head><title>Troops</title></head><body><nav><a href="/">Home</a></nav><article><h1>Troops to leave</h1>${paragraphs}</article><footer>© News</footer></body></html>`;
    const { io, stdout, stderr } = fakeIo({ stdin: html });
    expect(await runXref(['-', '--json'], io), stderr()).toBe(0);
    const report = JSON.parse(stdout()) as Report;
    expect(report.sentences.some((s) => s.text.includes('<p>'))).toBe(false);
    expect(report.summary.outlets.length).toBeGreaterThan(0);
  });

  it.each([
    [false, {}, false], [true, {}, true], [true, { NO_COLOR: '1' }, false],
  ])('text report: tty %s env %j -> colour %s', async (isTTY, env, coloured) => {
    const { io, stdout } = fakeIo({ isTTY, env });
    expect(await runXref([SEED_000], io)).toBe(0);
    expect(stdout()).toMatch(/^\S.*\n\d+ of \d+ sentences echoed by \d+ outlets?: /);
    expect(stdout().includes('\x1b[')).toBe(coloured);
    if (!coloured) expect(stdout()).toMatch(/\[-[^\]]+-\]|\{\+[^}]+\+\}/);
  });
});
