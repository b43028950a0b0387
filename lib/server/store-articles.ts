/** Writing articles into the newsroom corpus: one transaction per batch, so a batch is stored
 *  whole or not at all, and a rerun after a crash adds only what is missing (an article already
 *  there by id, address or text is skipped by the tables' unique keys, not looked up first). */
import type { Pool, PoolClient } from 'pg';
import type { Article } from '../corpus/article';
import { textKey, urlKey } from '../corpus/identity';
import { indexedSentences } from '../match/indexed-sentences';
import { articleSentenceCount } from '../report/build-report';
import { toStored } from './signed';

/** What storing a batch did: articles added, articles skipped as already stored (or repeated
 *  within the batch), sentences and postings written. */
export interface StoreCounts { added: number; skipped: number; sentences: number; postings: number }

/** Stores a batch of articles in one transaction; nothing of it stays when any statement fails
 *  (the error is thrown after the rollback). */
export async function storeArticles(pool: Pool, articles: readonly Article[]): Promise<StoreCounts> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const counts = await storeIn(client, articles);
    await client.query('commit');
    return counts;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function storeIn(client: PoolClient, articles: readonly Article[]): Promise<StoreCounts> {
  const added = await insertArticles(client, articles);
  const byKey = new Map(articles.map((a) => [a.id, a]));
  const rows = { article: [] as number[], idx: [] as number[], words: [] as number[], text: [] as string[] };
  const keys: number[][] = [];
  for (const { id, key } of added) {
    const article = byKey.get(key) as Article;
    for (const s of indexedSentences(article)) {
      rows.article.push(id), rows.idx.push(s.index), rows.words.push(Math.min(s.words, 32767));
      rows.text.push(article.text.slice(s.start, s.end));
      keys.push(s.keys);
    }
  }
  const ids = await insertSentences(client, rows);
  const postings = await insertPostings(client, ids, keys);
  await client.query('update echoes_counts set articles = articles + $1, sentences = sentences + $2', [added.length, ids.length]);
  return { added: added.length, skipped: articles.length - added.length, sentences: ids.length, postings };
}

/** Inserts the articles that are new by id, address and text; answers their row ids. */
async function insertArticles(client: PoolClient, articles: readonly Article[]): Promise<Array<{ id: number; key: string }>> {
  const cols = { key: [] as string[], url_key: [] as Array<string | null>, text_key: [] as string[], outlet: [] as string[],
    site: [] as Array<string | null>, url: [] as Array<string | null>, published: [] as Array<string | null>,
    title: [] as Array<string | null>, credit: [] as Array<string | null>, sentences: [] as number[],
    published_at: [] as Array<string | null> };
  for (const a of articles) {
    cols.key.push(a.id), cols.url_key.push(urlKey(a.url)), cols.text_key.push(textKey(a.text)), cols.outlet.push(a.outlet);
    cols.site.push(a.site), cols.url.push(a.url), cols.published.push(a.published), cols.title.push(a.title);
    cols.credit.push(a.credit), cols.sentences.push(articleSentenceCount(a)), cols.published_at.push(a.publishedAt ?? null);
  }
  const { rows } = await client.query<{ id: number; key: string }>(
    `insert into echoes_articles (key, url_key, text_key, outlet, site, url, published, title, credit, sentences, published_at)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[])
     on conflict do nothing returning id, key`,
    [cols.key, cols.url_key, cols.text_key, cols.outlet, cols.site, cols.url, cols.published, cols.title, cols.credit, cols.sentences, cols.published_at],
  );
  // Rows come back in insertion order, which is the batch's order: sentence ids follow it.
  return rows;
}

async function insertSentences(
  client: PoolClient, rows: { article: number[]; idx: number[]; words: number[]; text: string[] },
): Promise<number[]> {
  if (rows.article.length === 0) return [];
  const result = await client.query<{ id: number }>(
    `insert into echoes_sentences (article, idx, words, text)
     select * from unnest($1::int[], $2::int[], $3::int2[], $4::text[]) returning id`,
    [rows.article, rows.idx, rows.words, rows.text],
  );
  return result.rows.map((r) => r.id);
}

/** Writes (hash, sentence) pairs sorted by hash, so the B-tree is filled page by page rather
 *  than at random places. Answers the number written. */
async function insertPostings(client: PoolClient, ids: readonly number[], keys: readonly number[][]): Promise<number> {
  const pairs: Array<[number, number]> = [];
  ids.forEach((id, i) => { for (const key of keys[i] ?? []) pairs.push([toStored(key), id]); });
  if (pairs.length === 0) return 0;
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  await client.query('insert into echoes_postings (hash, sentence) select * from unnest($1::int[], $2::int[])',
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
  return pairs.length;
}
