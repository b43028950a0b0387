import { describe, expect, it } from 'vitest';
import { parseArgs, parseKinds } from '../../../lib/cli/args';

describe('parseArgs', () => {
  it('defaults: seeds corpus, verbatim and reworded, text output', () => {
    expect(parseArgs(['page.txt'])).toEqual({
      ok: true, help: false,
      options: { page: 'page.txt', corpus: [], kinds: ['verbatim', 'reworded'], json: false },
    });
  });

  it('takes repeated --corpus, --kinds and --json in both spellings', () => {
    const parsed = parseArgs(['--corpus', 'a', '-', '--corpus=b/c.jsonl', '--kinds=paraphrase,verbatim', '--json']);
    expect(parsed).toEqual({
      ok: true, help: false,
      options: { page: '-', corpus: ['a', 'b/c.jsonl'], kinds: ['paraphrase', 'verbatim'], json: true },
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
