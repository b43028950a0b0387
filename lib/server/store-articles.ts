/** Writing articles into the newsroom corpus: one transaction per batch, so a batch is stored
 *  whole or not at all, and a rerun after a crash adds only what is missing (an article already
 *  there by id, address or text is skipped by the tables' unique keys, not looked up first).
 *  A batch is prepared (split and hashed, CPU only) apart from being written, so an import can
 *  prepare the next batch while PostgreSQL writes this one. */
import type { Pool, PoolClient } from 'pg';
import type { Article } from '../corpus/article';
import { textKey, urlKey } from '../corpus/identity';
import { indexArticle, type IndexedSentence } from '../match/index/indexed-sentences';
import { packPostings, sortPostings, type SortedPostings } from './batch-postings';
import { intArrayLiteral } from './int-array';
import { FULL_LIST_IDS, ID_BYTES } from './packed-lists';

/** What storing a batch did: articles added, articles skipped as already stored (or repeated
 *  within the batch), sentences and postings written. */
export interface StoreCounts { added: number; skipped: number; sentences: number; postings: number }

/** The identity keys of a batch's articles (lib/corpus/identity), in the batch's order. */
export interface BatchIdentity { urlKeys: Array<string | null>; textKeys: string[] }

/** A batch split into sentences and hashed, its postings sorted by key (batch-postings.ts) and
 *  its articles' identity keys taken, ready to write. */
export interface PreparedBatch extends BatchIdentity {
  articles: readonly Article[]; sentences: IndexedSentence[][]; matchable: number[]; postings: SortedPostings;
}

/** The articles' identity keys. */
export function identify(articles: readonly Article[]): BatchIdentity {
  return { urlKeys: articles.map((a) => urlKey(a.url)), textKeys: articles.map((a) => textKey(a.text)) };
}

/** The places in `articles` of those already stored by id, address or text, as the database
 *  has them now: an import leaves them out before splitting and hashing, so that a rerun after
 *  a crash does not do the index work of what is stored again. Only a shortcut: the insert's
 *  unique keys still decide what is added. */
export async function storedAlready(pool: Pool, articles: readonly Article[], identity: BatchIdentity): Promise<Set<number>> {
  const { rows } = await pool.query<{ place: string }>(
    `select place from unnest($1::text[], $2::text[], $3::text[]) with ordinality as b(key, url_key, text_key, place)
     where exists (select 1 from echoes_articles a where a.key = b.key)
        or exists (select 1 from echoes_articles a where a.url_key = b.url_key)
        or exists (select 1 from echoes_articles a where a.text_key = b.text_key)`,
    [articles.map((a) => a.id), identity.urlKeys, identity.textKeys],
  );
  return new Set(rows.map((r) => Number(r.place) - 1));
}

/** Splits and hashes a batch (the work that needs no database), each article split once. */
export function prepareBatch(articles: readonly Article[], identity = identify(articles)): PreparedBatch {
  const indexed = articles.map(indexArticle);
  const sentences = indexed.map((a) => a.sentences);
  return { articles, sentences, matchable: indexed.map((a) => a.matchable), postings: sortPostings(sentences), ...identity };
}

/** Stores a batch of articles in one transaction; nothing of it stays when any statement fails
 *  (the error is thrown after the rollback). */
export async function storeArticles(pool: Pool, articles: readonly Article[] | PreparedBatch): Promise<StoreCounts> {
  const batch = 'sentences' in articles ? articles : prepareBatch(articles);
  const client = await pool.connect();
  try {
    await client.query('begin');
    const counts = await storeIn(client, batch);
    await client.query('commit');
    return counts;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function storeIn(client: PoolClient, batch: PreparedBatch): Promise<StoreCounts> {
  const added = await insertArticles(client, batch);
  const at = new Map(batch.articles.map((a, i) => [a.id, i]));
  // The place of each article's first sentence in the batch (as sortPostings numbered them).
  const firstPlace: number[] = [];
  let places = 0;
  for (const list of batch.sentences) firstPlace.push(places), (places += list.length);
  const rows = { article: [] as number[], idx: [] as number[], words: [] as number[], text: [] as string[] };
  const stored: number[] = [];
  for (const { id, key } of added) {
    const i = at.get(key) as number;
    const text = (batch.articles[i] as Article).text;
    (batch.sentences[i] ?? []).forEach((s, k) => {
      rows.article.push(id), rows.idx.push(s.index), rows.words.push(Math.min(s.words, 32767));
      rows.text.push(text.slice(s.start, s.end));
      stored.push((firstPlace[i] as number) + k);
    });
  }
  const ids = await insertSentences(client, rows);
  const idAt = new Int32Array(places);
  ids.forEach((id, n) => { idAt[stored[n] as number] = id; });
  const postings = await appendPostings(client, packPostings(batch.postings, idAt));
  await client.query('update echoes_counts set articles = articles + $1, sentences = sentences + $2', [added.length, ids.length]);
  return { added: added.length, skipped: batch.articles.length - added.length, sentences: ids.length, postings };
}

/** Inserts the articles that are new by id, address and text; answers their row ids. */
async function insertArticles(client: PoolClient, batch: PreparedBatch): Promise<Array<{ id: number; key: string }>> {
  const { articles } = batch;
  const col = <T>(f: (a: Article) => T) => articles.map(f);
  const { rows } = await client.query<{ id: number; key: string }>(
    `insert into echoes_articles (key, url_key, text_key, outlet, site, url, published, title, credit, sentences, published_at)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[])
     on conflict do nothing returning id, key`,
    [col((a) => a.id), batch.urlKeys, batch.textKeys, col((a) => a.outlet), col((a) => a.site),
      col((a) => a.url), col((a) => a.published), col((a) => a.title), col((a) => a.credit), intArrayLiteral(batch.matchable),
      col((a) => a.publishedAt ?? null)],
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
    [intArrayLiteral(rows.article), intArrayLiteral(rows.idx), intArrayLiteral(rows.words), rows.text],
  );
  return result.rows.map((r) => r.id);
}

/** Appends the batch's sentence ids to each key's list in one statement (one row per key,
 *  sorted by key so that concurrent imports lock rows in the same order and cannot deadlock).
 *  A list already past FULL_LIST_IDS is left as it is. Answers the postings the batch holds. */
async function appendPostings(client: PoolClient, lists: ReturnType<typeof packPostings>): Promise<number> {
  if (lists.count === 0) return 0;
  // All lists in one buffer, each one's start in it beside its hash: a single bytea parameter
  // instead of an array of hundreds of thousands of small ones to quote.
  await client.query(
    `insert into echoes_postings as p (hash, sentences)
     select hash, substring($2::bytea from start for coalesce(next, $3) - start) from (
       select hash, start, lead(start) over (order by n) as next from unnest($1::int[], $4::int[]) with ordinality as u(hash, start, n)
     ) as lists
     on conflict (hash) do update set sentences = p.sentences || excluded.sentences where octet_length(p.sentences) <= $5`,
    [intArrayLiteral(lists.hashes), lists.packed, lists.count * ID_BYTES + 1, intArrayLiteral(lists.starts), FULL_LIST_IDS * ID_BYTES],
  );
  return lists.count;
}
