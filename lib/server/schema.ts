/** The newsroom corpus's tables and how a database is brought up to date. The postings table
 *  is the lookup "which sentences contain these word-pair hashes": one row per hash holding its
 *  sentence ids, found through the primary key's B-tree; the hash column is the one to
 *  hash-partition or distribute by (see README, "Newsroom server"). */
import type { Pool, PoolClient } from 'pg';

/** Each step brings the schema from version i to i+1; steps are never edited once shipped. */
const MIGRATIONS: readonly string[] = [
  `create table echoes_articles (
     id integer generated always as identity primary key,
     key text not null unique,
     url_key text unique,
     text_key text not null unique,
     outlet text not null,
     site text, url text, published text, title text, credit text,
     sentences integer not null,
     added_at timestamptz not null default now()
   );
   create table echoes_sentences (
     id integer generated always as identity primary key,
     article integer not null references echoes_articles (id),
     idx integer not null,
     words smallint not null,
     text text not null
   );
   create table echoes_postings (
     hash integer not null,
     sentence integer not null,
     primary key (hash, sentence)
   ) with (fillfactor = 100);
   create table echoes_counts (
     one boolean primary key default true check (one),
     articles bigint not null default 0,
     sentences bigint not null default 0
   );
   insert into echoes_counts default values;
   create table echoes_tokens (
     id integer generated always as identity primary key,
     name text not null,
     digest bytea not null unique,
     created_at timestamptz not null default now()
   );`,
  // Keys too common to say anything (more postings than the cap), so a probe skips them
  // without reading their long lists; refreshed after each file import (refreshStopList).
  `create table echoes_stopped (hash integer primary key);`,
  // The time of day an article's page states (Article.publishedAt), which provenance orders by.
  `alter table echoes_articles add column published_at text;`,
  // Postings packed one row per key: the sentence ids as 4-byte big-endian integers in a bytea
  // (int4send's encoding), appended to by each import batch. A row costs ~30 bytes of header,
  // line pointer and index entry once per key instead of once per posting, and a page's probe
  // reads one row per key. The stop list is read from the lists' lengths at the corpus's
  // current cap (candidates.ts), so its table goes.
  `alter table echoes_postings rename to echoes_postings_v3;
   alter index echoes_postings_pkey rename to echoes_postings_v3_pkey;
   create table echoes_postings (
     hash integer primary key,
     sentences bytea not null
   );
   insert into echoes_postings (hash, sentences)
     select hash, string_agg(int4send(sentence), ''::bytea order by sentence) from echoes_postings_v3 group by hash;
   drop table echoes_postings_v3;
   drop table echoes_stopped;`,
  // Cheaper imports, which rewrite most of a batch's keys' rows once the corpus is large. Room
  // left in each page of new postings rows, so a list's new version usually fits on its page: a
  // HOT update, without a new primary-key entry (one append of 507,000 lists at 10,000 articles:
  // 73 % HOT, a quarter less of the backend's CPU, 18 % more heap). The sentences' foreign key
  // goes: its check was a query per sentence stored (8-10 % of an import's backend time), and the
  // only writer (store-articles.ts) stores a sentence in the transaction that inserted its
  // article, under the id that insert returned; nothing deletes articles.
  `alter table echoes_postings set (fillfactor = 70);
   alter table echoes_sentences drop constraint echoes_sentences_article_fkey;`,
];

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Creates the tables or migrates them to SCHEMA_VERSION (`to`: an older version, for tests of
 *  a migration), one transaction per step, under an advisory lock so two servers starting at
 *  once do not both migrate. Answers the version found before; refuses a database newer than
 *  this code (an older Echoes must not write it). */
export async function migrate(pool: Pool, to = SCHEMA_VERSION): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(4213370001)');
    await client.query('create table if not exists echoes_schema (version integer not null)');
    const from = await versionOf(client);
    if (from > SCHEMA_VERSION) throw new Error(`the database's Echoes tables are version ${from}, newer than this Echoes (${SCHEMA_VERSION}): update Echoes`);
    for (let v = from; v < to; v++) {
      await client.query('begin');
      await client.query(MIGRATIONS[v] as string);
      await client.query('delete from echoes_schema');
      await client.query('insert into echoes_schema (version) values ($1)', [v + 1]);
      await client.query('commit');
    }
    return { from, to: Math.max(from, to) };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.query('select pg_advisory_unlock(4213370001)').catch(() => undefined);
    client.release();
  }
}

async function versionOf(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number }>('select version from echoes_schema');
  return rows[0]?.version ?? 0;
}
