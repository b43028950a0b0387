/** A rerun of an import (after a crash, or with files that grew) adds only what is missing,
 *  and the articles already stored are counted as skipped. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/corpus/article';
import { articleToJsonLine } from '../../../lib/corpus/files/export';
import { importPaths } from '../../../lib/server/import-files';
import { migrate } from '../../../lib/server/schema';
import { storedAlready, identify } from '../../../lib/server/store-articles';
import { postgresAvailable, usePostgres } from '../../helpers/postgres';
import { seedArticles } from '../match/seed-corpus';

describe.runIf(postgresAvailable)('importing again', () => {
  const db = usePostgres();
  const dir = mkdtempSync(join(tmpdir(), 'echoes-rerun-'));
  let pool: pg.Pool;
  const seeds = seedArticles();
  const write = (name: string, articles: readonly Article[]) => {
    const path = join(dir, name);
    writeFileSync(path, articles.map(articleToJsonLine).join('\n'));
    return path;
  };
  const counts = async () => (await pool.query('select (select count(*)::int from echoes_articles) as a, (select count(*)::int from echoes_sentences) as s, (select sum(octet_length(sentences))::int from echoes_postings) as p')).rows[0];
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: db.url(), max: 2 });
    await migrate(pool);
  });
  afterAll(async () => {
    await pool?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('skips the stored articles of a grown file and adds the rest', async () => {
    const first = await importPaths(pool, [write('first.jsonl', seeds.slice(0, 3))], () => undefined);
    expect(first.ok && first.totals).toMatchObject({ read: 3, added: 3, skipped: 0 });
    const before = await counts();
    const grown = await importPaths(pool, [write('grown.jsonl', seeds)], () => undefined);
    expect(grown.ok && grown.totals).toMatchObject({ read: seeds.length, added: seeds.length - 3, skipped: 3 });
    const after = await counts();
    expect(after.a).toBe(seeds.length);
    expect(after.s).toBeGreaterThan(before.s);
    const again = await importPaths(pool, [write('again.jsonl', seeds)], () => undefined);
    expect(again.ok && again.totals).toMatchObject({ read: seeds.length, added: 0, skipped: seeds.length, sentences: 0, postings: 0 });
    expect(await counts()).toEqual(after);
  });

  it('knows an article stored by its id, its address or its text alone', async () => {
    const stored = seeds[1] as Article; // stored by the test before, and it has an address
    const asked: Article[] = [
      { ...stored, url: 'https://elsewhere.example/1', text: `${stored.text} And a new last sentence here.` },
      { ...stored, id: 'other-id-1', text: `${stored.text} Another new last sentence here.` },
      { ...stored, id: 'other-id-2', url: 'https://elsewhere.example/2' },
      { ...stored, id: 'other-id-3', url: 'https://elsewhere.example/3', text: `${stored.text} A third new sentence here.` },
    ];
    expect(stored.url).toBeTruthy();
    expect([...(await storedAlready(pool, asked, identify(asked)))].sort()).toEqual([0, 1, 2]);
  });
});
