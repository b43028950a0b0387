/** The corpus's size and outlets, for GET /v1/outlets and `npm run corpus -- stats`. */
import type { Pool } from 'pg';

/** Articles and sentences stored, and each outlet's article count (most first, then by name). */
export interface CorpusCounts { articles: number; sentences: number; outlets: Array<{ outlet: string; articles: number }> }

/** Reads the counts (the outlet list is one grouped scan of the articles table). */
export async function listOutlets(pool: Pool): Promise<CorpusCounts> {
  const totals = await pool.query<{ articles: string; sentences: string }>('select articles, sentences from echoes_counts');
  const { rows } = await pool.query<{ outlet: string; articles: string }>(
    'select outlet, count(*) as articles from echoes_articles group by outlet order by count(*) desc, outlet',
  );
  return {
    articles: Number(totals.rows[0]?.articles ?? 0),
    sentences: Number(totals.rows[0]?.sentences ?? 0),
    outlets: rows.map((r) => ({ outlet: r.outlet, articles: Number(r.articles) })),
  };
}
