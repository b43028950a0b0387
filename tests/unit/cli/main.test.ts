import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../lib/report/types';

// Two real runs of the entry point through tsx: the wiring in main.ts, exit codes and streams.
const ROOT = join(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (args: string[]) => promisify(execFile)(TSX, ['lib/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });

describe('tsx lib/cli/main.ts', () => {
  it('--json prints the report and exits 0', async () => {
    const { stdout } = await run(['seeds/003_a45a04a97e73de4e.txt', '--json']);
    const report = JSON.parse(stdout) as Report;
    expect(report.summary.sentences).toBe(report.sentences.length);
    expect(report.summary.outlets).toContain('TRT World');
  });

  it('a missing page exits 2 with one line on stderr and no stack', async () => {
    const failure = await run(['seeds/no-such-page.txt']).then(() => null, (error: unknown) => error);
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    const stderr = (failure as { stderr: string }).stderr;
    expect(stderr.trim().split('\n')).toEqual(['xref: no such file: seeds/no-such-page.txt']);
  });
});
