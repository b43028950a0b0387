/** What Echoes and a newsroom server say to each other when a page is matched. The client
 *  sends only the shingle keys of each page sentence (no text, no address); the server answers
 *  with candidate sentences and their articles' metadata, which the client verifies itself with
 *  lib/match (see remote-index.ts). Pure: checking both sides' JSON lives here once. */
import type { Article } from '../corpus/article';
import { analyzeSentence } from '../match/verify/analyze';
import { shingleKeys } from '../match/index/shingles';
import type { MatchKind } from '../match/types';
import { splitSentences } from '../text/sentences';
import type { PageInput } from './types';

/** POST /v1/match body: per page sentence (in page order), its shingle keys as unsigned 32-bit
 *  integers. `paraphrase: false` says paraphrases are not wanted, so the server may return the
 *  smaller candidate set of copies only; absent, it returns the widest set. */
export interface MatchRequest { queries: number[][]; paraphrase?: boolean }

/** A candidate sentence: `id` is the server's sentence id (ascending = order stored), `article`
 *  the article's id, `index` its place among the article's sentences. */
export interface RemoteSentence { id: number; article: string; index: number; text: string }

/** An article's metadata (no text): `sentences` is its count of matchable sentences. */
export type RemoteArticle = Omit<Article, 'text' | 'blocks'> & { sentences: number };

/** POST /v1/match answer. `stopped`: keys the server holds too many sentences for to say
 *  anything (its stop list; the client leaves them out too, as an in-memory index would).
 *  `listLengths`: [key, how many stored sentences list it] for each key of the request that some
 *  sent sentence holds, that is not stopped and that more than RARE_LIST_LENGTH sentences list,
 *  so the client weighs shared keys by rarity as the server did when it chose the sentences
 *  (lib/match/index/rarity). For any other key the client counts the sent sentences holding it,
 *  which weighs the same (and is all it has from an older server, whose answer has none). */
export interface MatchResponse { sentences: RemoteSentence[]; articles: RemoteArticle[]; stopped: number[]; listLengths: Array<[number, number]> }

/** Most sentences and keys per sentence a request may carry (a long page has ~300 sentences). */
export const MAX_QUERIES = 5_000;
export const MAX_KEYS_PER_QUERY = 2_000;

/** The request for a page: its sentences split as buildReport splits them, each analysed as
 *  findMatches analyses a query; `kinds` are the kinds the report will match (all when absent). */
export function matchRequestFor(page: Pick<PageInput, 'text' | 'blockStarts'>, kinds?: readonly MatchKind[]): MatchRequest {
  const spans = splitSentences(page.text, page.blockStarts);
  const queries = spans.map((span) => shingleKeys(analyzeSentence(span.text).words));
  return kinds && !kinds.includes('paraphrase') ? { queries, paraphrase: false } : { queries };
}

const isKey = (k: unknown): k is number => Number.isInteger(k) && (k as number) >= 0 && (k as number) <= 0xffffffff;

/** A request body as the server receives it, checked; an error says what is wrong. */
export function checkMatchRequest(raw: unknown): MatchRequest | { error: string } {
  const queries = (raw as { queries?: unknown } | null)?.queries;
  if (!Array.isArray(queries)) return { error: 'expected {"queries": [[key, ...], ...]}' };
  if (queries.length > MAX_QUERIES) return { error: `too many sentences (${queries.length}); at most ${MAX_QUERIES} a request` };
  for (const [i, q] of queries.entries()) {
    if (!Array.isArray(q) || q.length > MAX_KEYS_PER_QUERY || !q.every(isKey)) {
      return { error: `queries[${i}] is not a list of at most ${MAX_KEYS_PER_QUERY} unsigned 32-bit keys` };
    }
  }
  const paraphrase = (raw as { paraphrase?: unknown }).paraphrase;
  if (paraphrase !== undefined && typeof paraphrase !== 'boolean') return { error: '"paraphrase" is true or false when given' };
  return paraphrase === false ? { queries: queries as number[][], paraphrase } : { queries: queries as number[][] };
}

const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const count = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

const isKeyCount = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && isKey(p[0]) && count(p[1]);

function isRemoteSentence(s: unknown): s is RemoteSentence {
  const x = s as RemoteSentence | null;
  return !!x && count(x.id) && str(x.article) && count(x.index) && str(x.text);
}

function isRemoteArticle(a: unknown): a is RemoteArticle {
  const x = a as RemoteArticle | null;
  return !!x && str(x.id) && str(x.outlet) && strOrNull(x.site) && strOrNull(x.url) && strOrNull(x.published) &&
    strOrNull(x.title) && strOrNull(x.credit) && count(x.sentences) && (x.publishedAt === undefined || strOrNull(x.publishedAt));
}

/** A server's answer, checked before anything of it is used (a server is not trusted to be
 *  well-formed); an error says what is wrong. Unknown fields are dropped. */
export function checkMatchResponse(raw: unknown): MatchResponse | { error: string } {
  const x = raw as Partial<Record<keyof MatchResponse, unknown>> | null;
  if (!x || !Array.isArray(x.sentences) || !Array.isArray(x.articles) || !Array.isArray(x.stopped)) {
    return { error: 'the server\'s answer is not a match answer (sentences, articles, stopped)' };
  }
  if (!x.sentences.every(isRemoteSentence)) return { error: 'the server\'s answer has a malformed sentence' };
  if (!x.articles.every(isRemoteArticle)) return { error: 'the server\'s answer has a malformed article' };
  if (!x.stopped.every(isKey)) return { error: 'the server\'s answer has a malformed stop list' };
  const listLengths = x.listLengths ?? [];
  if (!Array.isArray(listLengths) || !listLengths.every(isKeyCount)) return { error: 'the server\'s answer has malformed list lengths' };
  const articles = x.articles.map((a) => ({
    id: a.id, outlet: a.outlet, site: a.site, url: a.url, published: a.published, title: a.title, credit: a.credit, sentences: a.sentences,
    ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
  }));
  const sentences = x.sentences.map((s) => ({ id: s.id, article: s.article, index: s.index, text: s.text }));
  return { sentences, articles, stopped: x.stopped as number[], listLengths: listLengths.map(([key, length]) => [key, length]) };
}
