import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CORPUS_FILE_BYTES } from '../../../lib/corpus/files/decode';
import { runXref, type CliIo } from '../../../lib/cli/run';
import { MAX_PAGE_INPUT_BYTES } from '../../../lib/report/limits';
import type { Report } from '../../../lib/report/types';
import { fakeIo } from './fake-io';

const SEED_000 = join(__dirname, '../../../seeds/000_195ccdb3a235dd3d.txt');
const tmp = mkdtempSync(join(tmpdir(), 'xref-hostile-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}
function fifo(name: string): string {
  const path = join(tmp, name);
  execFileSync('mkfifo', [path]);
  return path;
}
/** Every escape sequence in `text` that is not one of the CLI's own SGR colours (ESC [ n m). */
const foreignControls = (text: string) => text.replace(/\x1b\[\d+m/g, '').match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g) ?? [];

const HOSTILE = '\x1b]0;pwned\x07\x1b[2J\u009b31m';
const sentence = readFileSync(SEED_000, 'utf8').split('\n').find((l) => l.split(' ').length > 12)!.trim();

describe('control characters never reach the terminal', () => {
  const corpus = file('evil.jsonl', `${JSON.stringify({ id: `evil${HOSTILE}`, outlet: `Evil${HOSTILE} News`, title: `T${HOSTILE}`, url: 'https://evil.example/a', text: `${sentence.replace(/ /, ` ${HOSTILE}`)}\n\nAnother line here for good measure.` })}\n`);
  const page = file(`page${HOSTILE.replace(/\//g, '')}.txt`, `Title ${HOSTILE}\n\n${sentence}\n`);

  it.each([['piped', false], ['on a terminal, in colour', true]])('in the readable report, %s', async (_, isTTY) => {
    const { io, stdout } = fakeIo({ isTTY });
    expect(await runXref([page, '--corpus', corpus], io)).toBe(0);
    expect(stdout()).toContain('Evil');
    expect(foreignControls(stdout())).toEqual([]);
    if (isTTY) expect(stdout()).toContain('\x1b[1m'); // its own colours are still there
  });

  it('in --json, which still says the same once parsed', async () => {
    const { io, stdout } = fakeIo();
    expect(await runXref([page, '--corpus', corpus, '--json'], io)).toBe(0);
    expect(foreignControls(stdout())).toEqual([]);
    const report = JSON.parse(stdout()) as Report;
    expect(report.sentences.flatMap((s) => s.matches.map((m) => m.outlet))).toContain(`Evil${HOSTILE} News`);
  });

  it('in error lines naming a file', async () => {
    const { io, stderr } = fakeIo();
    expect(await runXref([join(tmp, `missing${HOSTILE.replace(/\//g, '')}.txt`)], io)).toBe(2);
    expect(stderr()).toMatch(/^xref: no such file: .*missing/);
    expect(foreignControls(stderr().trimEnd())).toEqual([]);
  });
});

describe('only regular files are read', () => {
  const okPage = file('ok.txt', readFileSync(SEED_000));

  it.each<[string, () => string[], RegExp]>([
    ['a FIFO as the page', () => [fifo('page.fifo')], /page\.fifo is a FIFO \(named pipe\), not a regular file/],
    ['a FIFO as --corpus', () => [okPage, '--corpus', fifo('corpus.jsonl')], /corpus\.jsonl is a FIFO/],
    ['a FIFO in a corpus folder', () => {
      mkdirSync(join(tmp, 'with-fifo'));
      writeFileSync(join(tmp, 'with-fifo', 'a.txt'), readFileSync(SEED_000));
      execFileSync('mkfifo', [join(tmp, 'with-fifo', 'b.txt')]);
      return [okPage, '--corpus', join(tmp, 'with-fifo')];
    }, /b\.txt is a FIFO/],
    ['a device as the page', () => ['/dev/zero'], /\/dev\/zero is a device/],
    ['a device as --corpus', () => [okPage, '--corpus', '/dev/null'], /\/dev\/null is a device/],
    ['a link to nothing in a corpus folder', () => {
      mkdirSync(join(tmp, 'dangling'));
      symlinkSync(join(tmp, 'gone.txt'), join(tmp, 'dangling', 'x.txt'));
      return [okPage, '--corpus', join(tmp, 'dangling')];
    }, /x\.txt is a symbolic link to nothing/],
  ])('refuses %s with exit 2 and one line, without hanging', async (_, argv, error) => {
    const { io, stdout, stderr } = fakeIo();
    expect(await runXref(argv(), io)).toBe(2);
    expect(stderr()).toMatch(error);
    expect(stderr().trim().split('\n')).toHaveLength(1);
    expect(stdout()).toBe('');
  }, 10_000);

  it('reads a corpus file through a symbolic link, in a folder and given directly', async () => {
    mkdirSync(join(tmp, 'linked'));
    const target = file('target.txt', readFileSync(SEED_000));
    symlinkSync(target, join(tmp, 'linked', 'seed.txt'));
    for (const corpus of [join(tmp, 'linked'), join(tmp, 'linked', 'seed.txt')]) {
      const { io, stdout } = fakeIo();
      expect(await runXref([okPage, '--corpus', corpus, '--json'], io)).toBe(0);
      expect(JSON.parse(stdout())).toMatchObject({ summary: { sentences: expect.any(Number) } });
    }
    expect(existsSync(join(tmp, 'linked', 'seed.txt'))).toBe(true);
  });
});

describe('size caps on the page', () => {
  it('stops reading standard input past the cap, with a clear line', async () => {
    let given = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const stdin = Object.assign((async function* () { for (;;) { given += 1; yield chunk; } })(), { isTTY: false });
    const { io, stderr } = fakeIo();
    expect(await runXref(['-'], { ...io, stdin } as CliIo)).toBe(2);
    expect(stderr()).toMatch(/^xref: standard input is over 20\.0 MB/);
    expect(given).toBe(MAX_PAGE_INPUT_BYTES / chunk.length + 1);
  });

  it('refuses a page file over the cap before reading it', async () => {
    const big = file('huge.html', '');
    truncateSync(big, MAX_PAGE_INPUT_BYTES + 1);
    const { io, stderr } = fakeIo();
    expect(await runXref([big], io)).toBe(2);
    expect(stderr()).toMatch(/huge\.html is 20\.0 MB, over the 20\.0 MB limit for a page/);
  });
});

describe('JSONL collections of any size', () => {
  it('reads a .jsonl over the whole-file limit line by line', async () => {
    const text = `${sentence} ${'Filler words keep this article long enough to weigh a lot. '.repeat(16_000)}`.trim();
    const lines = Array.from({ length: 24 }, (_, i) =>
      JSON.stringify({ id: `big-${i}`, outlet: `Outlet ${i}`, url: `https://o${i}.example/a`, text, blocks: [{ kind: 'body', start: 0, end: text.length }] }));
    const path = file('big.jsonl', `${lines.join('\n')}\n`);
    expect(readFileSync(path).length).toBeGreaterThan(MAX_CORPUS_FILE_BYTES);
    const { io, stdout, stderr } = fakeIo();
    expect(await runXref([file('short.txt', `${sentence}\n`), '--corpus', path, '--json'], io)).toBe(0);
    expect(stderr()).toBe('');
    const report = JSON.parse(stdout()) as Report;
    expect(new Set(report.sentences.flatMap((s) => s.matches.map((m) => m.outlet))).size).toBeGreaterThan(1);
  }, 60_000);

  it('still refuses a whole-file format over the limit', async () => {
    const big = file('huge.json', '');
    truncateSync(big, MAX_CORPUS_FILE_BYTES + 1);
    const { io, stderr } = fakeIo();
    expect(await runXref([file('p.txt', `${sentence}\n`), '--corpus', big], io)).toBe(2);
    expect(stderr()).toMatch(/huge\.json is 20\.0 MB, over the 20 MB limit: split it/);
  });
});
