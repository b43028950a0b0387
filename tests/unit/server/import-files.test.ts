import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArticles } from '../../../lib/server/import-files';

// Reading the import's files needs no database: these run without PostgreSQL.
const dir = mkdtempSync(join(tmpdir(), 'echoes-import-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function firstReads(paths: string[], count = 5) {
  const reads = [];
  for await (const read of readArticles(paths)) {
    reads.push(read);
    if (reads.length >= count) break;
  }
  return reads;
}

describe('readArticles', () => {
  it('refuses a FIFO named .jsonl instead of waiting on it forever', async () => {
    const fifo = join(dir, 'pipe.jsonl');
    execFileSync('mkfifo', [fifo]);
    expect(await firstReads([fifo])).toEqual([{ ok: false, error: `${fifo} is a FIFO (named pipe), not a regular file: give a corpus file saved on disk` }]);
  });

  it('reads the articles of a regular .jsonl file', async () => {
    const file = join(dir, 'two.jsonl');
    writeFileSync(file, ['{"outlet":"A","text":"One sentence of news here."}', '{"outlet":"B","text":"Another sentence of news."}'].join('\n'));
    const reads = await firstReads([file]);
    expect(reads.map((r) => r.ok && r.article.outlet)).toEqual(['A', 'B']);
  });
});
