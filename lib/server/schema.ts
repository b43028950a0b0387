/** The newsroom corpus's tables and how a database is brought up to date. The postings table
 *  is the lookup "which sentences contain these word-pair hashes": its primary key (hash,
 *  sentence) is a B-tree that answers it by index-only scans once vacuumed, and its first
 *  column is the one to hash-partition or distribute by (see README, "Newsroom server"). */
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
];

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Creates the tables or migrates them to SCHEMA_VERSION, one transaction per step, under an
 *  advisory lock so two servers starting at once do not both migrate. Answers the version
 *  found before; refuses a database newer than this code (an older Echoes must not write it). */
export async function migrate(pool: Pool): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(4213370001)');
    await client.query('create table if not exists echoes_schema (version integer not null)');
    const from = await versionOf(client);
    if (from > SCHEMA_VERSION) throw new Error(`the database's Echoes tables are version ${from}, newer than this Echoes (${SCHEMA_VERSION}): update Echoes`);
    for (let v = from; v < SCHEMA_VERSION; v++) {
      await client.query('begin');
      await client.query(MIGRATIONS[v] as string);
      await client.query('delete from echoes_schema');
      await client.query('insert into echoes_schema (version) values ($1)', [v + 1]);
      await client.query('commit');
    }
    return { from, to: SCHEMA_VERSION };
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
