/** The server's half of matching a page: which stored sentences may echo each page sentence,
 *  found from the page's shingle keys alone. It hands over at least what lib/match's
 *  findMatches would take as candidates from the whole corpus (LOOSEST_CANDIDATES, or
 *  COPY_CANDIDATES when the request says paraphrases are not wanted, see best), with the list
 *  length of each key they share with the page, by which the client weighs those keys as the
 *  server did (lib/match/index/rarity); the client verifies them. */
import type { Pool } from 'pg';
import { COPY_CANDIDATES, LOOSEST_CANDIDATES, minHitsFor, passesBars } from '../match/find-matches';
import { keyWeight, RARE_LIST_LENGTH, weightedShare } from '../match/index/rarity';
import { capFor } from '../match/index/postings';
import type { MatchRequest, MatchResponse, RemoteArticle } from '../report/newsroom-protocol';
import { forEachId, ID_BYTES } from './packed-lists';
import { KnownStopped } from './known-stopped';
import { SentenceWords } from './sentence-words';
import { fromStored, toStored } from './signed';

/** What the server remembers of a database between requests (facts that never change back). */
const memories = new WeakMap<Pool, { words: SentenceWords; stopped: KnownStopped }>();

/** Finds the candidates of every query and reads their sentences and articles. */
export async function findCandidates(pool: Pool, request: MatchRequest): Promise<MatchResponse> {
  let memory = memories.get(pool);
  if (!memory) memories.set(pool, (memory = { words: new SentenceWords(), stopped: new KnownStopped() }));
  const cap = capFor(await storedSentences(pool));
  const { known, probe } = memory.stopped.split([...new Set(request.queries.flat())].map(toStored), cap);
  const { lists, stopped } = await postingLists(pool, probe, cap);
  memory.stopped.add(stopped, cap);
  const hitsPerQuery = request.queries.map((keys) => countHits(keys, lists));
  const words = await memory.words.of(pool, [...new Set(hitsPerQuery.flatMap((h, i) => idsWithHits(h, minHitsFor(request.queries[i]?.length ?? 0))))]);
  const allStopped = new Set([...known, ...stopped]);
  const { minShare, limit } = request.paraphrase === false ? COPY_CANDIDATES : LOOSEST_CANDIDATES;
  const chosen = new Set<number>();
  hitsPerQuery.forEach((hits, i) => {
    const keys = request.queries[i] ?? [];
    // Counted as the client counts them (lib/report/remote-index): distinct keys of the query it is told are stopped.
    const stoppedKeys = [...new Set(keys)].filter((k) => allStopped.has(toStored(k))).length;
    for (const id of best(hits, keys.length, stoppedKeys, words, minShare, limit)) chosen.add(id);
  });
  const { sentences, articles } = await readSentences(pool, [...chosen]);
  return { sentences, articles, stopped: [...allStopped].map(fromStored), listLengths: listLengthsFor(lists, chosen) };
}

/** [key, list length] of each key whose list holds a chosen sentence (the only keys whose
 *  weight the client can add to a candidate's) and is longer than RARE_LIST_LENGTH: a shorter
 *  list weighs the full keyWeight whatever its length, as the client's count of the sent
 *  sentences holding the key (no more than the length) does too. */
function listLengthsFor(lists: ReadonlyMap<number, number[]>, chosen: ReadonlySet<number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [key, list] of lists) if (list.length > RARE_LIST_LENGTH && list.some((id) => chosen.has(id))) out.push([key, list.length]);
  return out;
}

/** Sentences stored (the corpus size the stop list's cap follows, as in an in-memory index). */
async function storedSentences(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ sentences: string }>('select sentences from echoes_counts');
  return Number(rows[0]?.sentences ?? 0);
}

/** Each key's sentence ids, one row per key through the primary key's B-tree (`keys` in stored
 *  form). A key with more than `cap` sentences (the cap for the corpus's size now, as an
 *  in-memory index over the same articles would use) is stop-listed: its list is not even sent
 *  by the database. */
async function postingLists(pool: Pool, keys: readonly number[], cap: number): Promise<{ lists: Map<number, number[]>; stopped: number[] }> {
  const { rows } = await pool.query<{ hash: number; sentences: Buffer | null }>(
    'select hash, case when octet_length(sentences) > $2 then null else sentences end as sentences from echoes_postings where hash = any($1::int[])',
    [keys, cap * ID_BYTES],
  );
  const lists = new Map<number, number[]>();
  const stopped: number[] = [];
  for (const { hash, sentences } of rows) {
    if (sentences === null) { stopped.push(hash); continue; }
    const list: number[] = [];
    forEachId(sentences, (id) => list.push(id));
    lists.set(fromStored(hash), list);
  }
  return { lists, stopped };
}

/** Per sentence id: [keys of the query it shares, their summed keyWeight]. */
function countHits(keys: readonly number[], lists: ReadonlyMap<number, number[]>): Map<number, [number, number]> {
  const hits = new Map<number, [number, number]>();
  for (const key of new Set(keys)) {
    const list = lists.get(key);
    if (!list) continue;
    const weight = keyWeight(list.length);
    for (const id of list) {
      const held = hits.get(id);
      if (held) {
        held[0]++;
        held[1] += weight;
      } else {
        hits.set(id, [1, weight]);
      }
    }
  }
  return hits;
}

function idsWithHits(hits: ReadonlyMap<number, [number, number]>, minHits: number): number[] {
  const ids: number[] = [];
  for (const [id, [h]] of hits) if (h >= minHits) ids.push(id);
  return ids;
}

/** The query's candidates as findMatches picks them (lib/match candidates): of the sentences
 *  passing its bars, the `limit` best by weighted share, plus every one tied with the last kept
 *  (the client breaks ties by length, which it alone knows). */
function best(hits: ReadonlyMap<number, [number, number]>, keyCount: number, stoppedKeys: number, words: (id: number) => number, minShare: number, limit: number): number[] {
  const scored: Array<[number, number]> = [];
  for (const [id, [h, weight]] of hits) {
    if (h < minHitsFor(keyCount)) continue;
    const w = words(id);
    if (passesBars(h, keyCount, stoppedKeys, w, minShare)) scored.push([id, weightedShare(weight, keyCount, w)]);
  }
  if (scored.length <= limit) return scored.map(([id]) => id);
  scored.sort((x, y) => y[1] - x[1]);
  const last = scored[limit - 1]?.[1];
  return scored.filter(([, share], i) => i < limit || share === last).map(([id]) => id);
}

async function readSentences(pool: Pool, ids: readonly number[]): Promise<Pick<MatchResponse, 'sentences' | 'articles'>> {
  if (ids.length === 0) return { sentences: [], articles: [] };
  const { rows } = await pool.query<{ id: number; idx: number; text: string; article: number }>(
    'select id, idx, text, article from echoes_sentences where id = any($1::int[]) order by id', [ids],
  );
  const { rows: meta } = await pool.query<RemoteArticle & { row: number }>(
    `select id as row, key as id, outlet, site, url, published, published_at as "publishedAt", title, credit, sentences
     from echoes_articles where id = any($1::int[])`, [[...new Set(rows.map((r) => r.article))]],
  );
  const keyOf = new Map(meta.map((m) => [m.row, m.id]));
  return {
    sentences: rows.map((r) => ({ id: r.id, article: keyOf.get(r.article) ?? '', index: r.idx, text: r.text })),
    articles: meta.map(({ row: _row, ...article }) => article),
  };
}
