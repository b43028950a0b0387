import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedCorpus } from '../../../lib/cli/corpus-files';
import type { Article } from '../../../lib/corpus/article';
import { createCorpusIndex } from '../../../lib/match/index/corpus-index';
import { buildReport } from '../../../lib/report/build-report';
import { matchRequestFor } from '../../../lib/report/newsroom-protocol';
import { remoteIndex } from '../../../lib/report/remote-index';
import { findCandidates } from '../../../lib/server/candidates';
import { RARE_LIST_LENGTH } from '../../../lib/match/index/rarity';
import { migrate, SCHEMA_VERSION } from '../../../lib/server/schema';
import { indexedSentences } from '../../../lib/match/index/indexed-sentences';
import { forEachId } from '../../../lib/server/packed-lists';
import { fromStored } from '../../../lib/server/signed';
import { storeArticles } from '../../../lib/server/store-articles';
import { postgresAvailable, usePostgres } from '../../helpers/postgres';

const KINDS_ALL = ['verbatim', 'reworded', 'paraphrase'] as const;

describe.runIf(postgresAvailable)('newsroom corpus on PostgreSQL', () => {
  const db = usePostgres();
  let pool: pg.Pool;
  let seeds: Article[];
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: db.url() });
    await migrate(pool);
    seeds = await loadSeedCorpus();
  });
  afterAll(() => pool?.end());

  it('migrates once: a second start finds the tables current', async () => {
    expect(await migrate(pool)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
  });

  it('stores the seeds once: a second import skips them all', async () => {
    const first = await storeArticles(pool, seeds);
    expect(first.added).toBe(seeds.length);
    expect(first.postings).toBeGreaterThan(1000);
    const again = await storeArticles(pool, seeds);
    expect(again).toEqual({ added: 0, skipped: seeds.length, sentences: 0, postings: 0 });
  });

  it('a batch that fails part-way leaves nothing of it behind', async () => {
    const before = await pool.query('select (select count(*) from echoes_articles) as a, (select count(*) from echoes_sentences) as s');
    // The last statement of a batch (its postings) fails: the articles and sentences written before must go too.
    await pool.query('alter table echoes_postings add constraint refuse_all check (octet_length(sentences) < 0) not valid');
    const fresh = { ...(seeds[0] as Article), id: 'fresh', url: 'https://example.org/fresh', text: `${(seeds[0] as Article).text} One more sentence makes this text new.` };
    await expect(storeArticles(pool, [fresh])).rejects.toThrow(/refuse_all/);
    await pool.query('alter table echoes_postings drop constraint refuse_all');
    const after = await pool.query('select (select count(*) from echoes_articles) as a, (select count(*) from echoes_sentences) as s');
    expect(after.rows).toEqual(before.rows);
  });

  it('answers a seed page as the in-memory index over the same articles does', async () => {
    const page = seeds[1] as Article;
    const input = { source: 'x', text: page.text, blockStarts: page.blocks.map((b) => b.start), title: null, outlet: null, url: null };
    const local = buildReport(input, createCorpusIndex(seeds));
    const answer = await findCandidates(pool, matchRequestFor(input));
    const remote = buildReport(input, remoteIndex(answer));
    expect(remote).toEqual(local);
    expect(local.summary.echoed).toBeGreaterThan(0);
  });

  it('asked for copies only, sends fewer candidates and the same report', async () => {
    const page = seeds[1] as Article;
    const input = { source: 'x', text: page.text, blockStarts: page.blocks.map((b) => b.start), title: null, outlet: null, url: null };
    const local = buildReport(input, createCorpusIndex(seeds));
    const copies = await findCandidates(pool, matchRequestFor(input, ['verbatim', 'reworded']));
    const widest = await findCandidates(pool, matchRequestFor(input));
    expect(copies.sentences.length).toBeLessThan(widest.sentences.length);
    expect(buildReport(input, remoteIndex(copies))).toEqual(local);
  });

  it('a batch mixing stored and new articles lists each new sentence under its own keys, and nothing of the stored ones again', async () => {
    const renewed = (a: Article, n: number): Article => ({ ...a, id: `renewed-${n}`, url: `https://example.org/renewed-${n}`, text: `${a.text} A closing line number ${n} makes this text new.` });
    const fresh = [renewed(seeds[3] as Article, 1), renewed(seeds[4] as Article, 2)];
    const counts = await storeArticles(pool, [seeds[0] as Article, fresh[0] as Article, seeds[2] as Article, fresh[1] as Article]);
    expect(counts).toMatchObject({ added: 2, skipped: 2 });
    const { rows: stored } = await pool.query<{ id: number; idx: number; key: string }>(
      'select s.id, s.idx, a.key from echoes_sentences s join echoes_articles a on a.id = s.article');
    const byKey = new Map([...seeds, ...fresh].map((a) => [a.id, a]));
    const expected = new Map<number, number[]>();
    for (const row of stored) {
      const sentence = [...indexedSentences(byKey.get(row.key) as Article)].find((s) => s.index === row.idx);
      for (const key of sentence?.keys ?? []) expected.set(key, [...(expected.get(key) ?? []), row.id]);
    }
    const { rows: lists } = await pool.query<{ hash: number; sentences: Buffer }>('select hash, sentences from echoes_postings');
    const actual = new Map<number, number[]>();
    for (const { hash, sentences } of lists) {
      const ids: number[] = [];
      forEachId(sentences, (id) => ids.push(id));
      actual.set(fromStored(hash), ids);
    }
    const sorted = (m: Map<number, number[]>) => [...m].map(([k, ids]) => [k, [...ids].sort((x, y) => x - y)]).sort((x, y) => (x[0] as number) - (y[0] as number));
    expect(sorted(actual)).toEqual(sorted(expected));
    const { rows: [total] } = await pool.query<{ sentences: string }>('select sentences from echoes_counts');
    expect(Number(total?.sentences)).toBe(stored.length);
  });

  it('ranks by rarity as the in-memory index does: a quote\'s copy beats 60 sentences sharing only its speaker\'s attribution', async () => {
    const article = (id: string, text: string): Article => ({
      id, outlet: id, site: `${id}.example`, url: `https://${id}.example/a`, published: null, title: null, credit: null, text, blocks: [{ kind: 'body', start: 0, end: text.length }],
    });
    const quoted = Array.from({ length: 60 }, (_, n) => article(`quoted-${n}`, `"Not before ${n + 10}," said Spencer Abraham, the energy secretary.`));
    const copy = article('copy', '"This blackout was largely avoidable," stated Spencer Abraham, the energy secretary, in a statement released by his office on Thursday.');
    await storeArticles(pool, [...quoted, copy]);
    const text = '"This blackout was largely preventable," said Spencer Abraham, the energy secretary.';
    const input = { source: 'x', text, blockStarts: [0], title: null, outlet: null, url: null };
    const localIndex = createCorpusIndex([...seeds, ...quoted, copy]);
    for (const kinds of [KINDS_ALL, ['verbatim', 'reworded'] as const]) {
      const local = buildReport(input, localIndex, { kinds: [...kinds] });
      const answer = await findCandidates(pool, matchRequestFor(input, kinds));
      // The attribution's keys (60 sentences) are given; the quote's rare ones need not be.
      expect(answer.listLengths.length).toBeGreaterThan(0);
      expect(answer.listLengths.every(([, length]) => length > RARE_LIST_LENGTH)).toBe(true);
      expect(buildReport(input, remoteIndex(answer), { kinds: [...kinds] })).toEqual(local);
      expect(local.sentences[0]?.matches.map((m) => m.articleId)).toEqual(['copy']);
    }
  });
});

