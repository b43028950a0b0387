/** Migrations move an existing database forward: the version-3 postings (one row per posting
 *  and a stop table) become version 4's packed lists with the same ids. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachId } from '../../../lib/server/packed-lists';
import { migrate, SCHEMA_VERSION } from '../../../lib/server/schema';
import { postgresAvailable, usePostgres } from '../../helpers/postgres';

describe.runIf(postgresAvailable)('schema migrations', () => {
  const db = usePostgres();
  let pool: pg.Pool;
  beforeAll(() => { pool = new pg.Pool({ connectionString: db.url() }); });
  afterAll(() => pool?.end());

  it('packs version 3 postings into one list per key, ids ascending', async () => {
    expect(await migrate(pool, 3)).toEqual({ from: 0, to: 3 });
    const pairs: Array<[number, number]> = [[-5, 9], [-5, 2], [7, 3], [2_000_000_000, 1], [-2_000_000_000, 40], [7, 300_000]];
    await pool.query('insert into echoes_postings (hash, sentence) select * from unnest($1::int[], $2::int[])', [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
    await pool.query('insert into echoes_stopped values (7)');
    expect(await migrate(pool)).toEqual({ from: 3, to: SCHEMA_VERSION });
    const { rows } = await pool.query<{ hash: number; sentences: Buffer }>('select hash, sentences from echoes_postings order by hash');
    const lists = rows.map((r) => {
      const ids: number[] = [];
      forEachId(r.sentences, (id) => ids.push(id));
      return [r.hash, ids];
    });
    expect(lists).toEqual([[-2_000_000_000, [40]], [-5, [2, 9]], [7, [3, 300_000]], [2_000_000_000, [1]]]);
    const left = await pool.query("select count(*)::int as n from pg_tables where tablename in ('echoes_stopped', 'echoes_postings_v3')");
    expect(left.rows[0].n).toBe(0);
  });

  it('leaves room for HOT appends in new postings pages, and no per-sentence foreign-key check', async () => {
    const { rows: [table] } = await pool.query<{ options: string[] | null }>("select reloptions as options from pg_class where relname = 'echoes_postings'");
    expect(table?.options).toContain('fillfactor=70');
    const { rows: [keys] } = await pool.query<{ n: number }>("select count(*)::int as n from pg_constraint where conrelid = 'echoes_sentences'::regclass and contype = 'f'");
    expect(keys?.n).toBe(0);
  });

  it('refuses a database newer than this code', async () => {
    await pool.query('update echoes_schema set version = $1', [SCHEMA_VERSION + 1]);
    await expect(migrate(pool)).rejects.toThrow(/newer than this Echoes/);
    await pool.query('update echoes_schema set version = $1', [SCHEMA_VERSION]);
  });
});
