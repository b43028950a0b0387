import { describe, expect, it } from 'vitest';
import { parseArgs, parseKinds } from '../../../lib/cli/args';

describe('parseArgs', () => {
  it('defaults: seeds corpus, verbatim and reworded, text output', () => {
    expect(parseArgs(['page.txt'])).toEqual({
      ok: true, help: false,
      options: { page: 'page.txt', corpus: [], kinds: ['verbatim', 'reworded'], json: false, server: null, token: null },
    });
  });

  it('takes repeated --corpus, --kinds and --json in both spellings', () => {
    const parsed = parseArgs(['--corpus', 'a', '-', '--corpus=b/c.jsonl', '--kinds=paraphrase,verbatim', '--json']);
    expect(parsed).toEqual({
      ok: true, help: false,
      options: { page: '-', corpus: ['a', 'b/c.jsonl'], kinds: ['paraphrase', 'verbatim'], json: true, server: null, token: null },
    });
  });

  it('treats everything after -- as the page', () => {
    expect(parseArgs(['--', '--odd-name.txt'])).toMatchObject({ ok: true, options: { page: '--odd-name.txt' } });
  });

  it.each([['--help'], ['-h'], ['page.txt', '--help']])('%s asks for help', (...argv) => {
    expect(parseArgs(argv)).toEqual({ ok: true, help: true });
  });

  it.each([
    [['page.txt', '--verbose'], 'unknown option --verbose'],
    [['page.txt', '--json=yes'], 'unknown option --json'],
    [['page.txt', '--corpus'], '--corpus needs a value'],
    [['page.txt', '--kinds='], '--kinds needs a value'],
    [['page.txt', '--kinds', 'verbatim,fuzzy'], 'unknown kind "fuzzy"'],
    [[], 'no page given'],
    [['a.txt', 'b.txt'], 'one page at a time'],
  ])('%j -> %s', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});

describe('parseKinds', () => {
  it('normalises case, spaces and duplicates', () => {
    expect(parseKinds(' Verbatim , reworded,verbatim')).toEqual({ ok: true, kinds: ['verbatim', 'reworded'] });
  });
  it('refuses an empty list', () => {
    expect(parseKinds(',')).toMatchObject({ ok: false });
  });
});

describe('parseArgs --server', () => {
  it('takes a newsroom server and its token', () => {
    expect(parseArgs(['p.txt', '--server', 'http://127.0.0.1:8787', '--token=t1'])).toMatchObject({
      ok: true, options: { server: 'http://127.0.0.1:8787', token: 't1' },
    });
  });
  it('needs a value for --server', () => {
    expect(parseArgs(['p.txt', '--server'])).toEqual({ ok: false, error: '--server needs a value (see --help)' });
  });
});
