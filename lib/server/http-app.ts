/** The newsroom server's HTTP API (JSON, bearer tokens, size and rate limits):
 *    GET  /health        no token: {"ok": true} when the database answers
 *    POST /v1/match      {"queries": [[key, ...], ...]} -> candidates (lib/report/newsroom-protocol)
 *    POST /v1/articles   a JSON array of articles (the .json import format) -> counts
 *    GET  /v1/outlets    -> {"articles": N, "sentences": N, "outlets": [{"outlet", "articles"}]}
 *  Every answer is JSON; every failure says what was wrong and what to do. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { ingestFile } from '../corpus/files/ingest';
import { checkMatchRequest } from '../report/newsroom-protocol';
import { readJsonBody, readTextBody } from './body';
import { findCandidates } from './candidates';
import { listOutlets } from './outlets';
import { RateLimit } from './rate-limit';
import { storeArticles } from './store-articles';
import { TokenCheck } from './tokens';

/** Limits of a server; the defaults suit a newsroom of a few hundred readers. */
export interface AppLimits {
  /** Largest match request (a 300-sentence page is ~100 KB). */
  matchBytes: number;
  /** Largest import request. */
  importBytes: number;
  /** Requests per second per token, and the burst allowed above that rate. */
  perSecond: number;
  burst: number;
}

/** Defaults for AppLimits. */
export const DEFAULT_LIMITS: AppLimits = { matchBytes: 2 * 1024 * 1024, importBytes: 16 * 1024 * 1024, perSecond: 20, burst: 60 };

/** An HTTP server answering the API over `pool` (not yet listening). */
export function createNewsroomServer(pool: Pool, limits: AppLimits = DEFAULT_LIMITS, log: (line: string) => void = () => undefined): Server {
  const tokens = new TokenCheck(pool);
  const rate = new RateLimit(limits.perSecond, limits.burst);
  return createServer((req, res) => {
    route(req, res, { pool, limits, tokens, rate }).catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      send(res, 503, { error: 'the corpus database did not answer: try again shortly, or tell the server\'s operator' });
    });
  });
}

interface Ctx { pool: Pool; limits: AppLimits; tokens: TokenCheck; rate: RateLimit }

async function route(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'OPTIONS') return send(res, 204, null);
  if (path === '/health' && req.method === 'GET') {
    await ctx.pool.query('select 1');
    return send(res, 200, { ok: true });
  }
  const known = ['/v1/match', '/v1/articles', '/v1/outlets'];
  if (!known.includes(path ?? '')) return send(res, 404, { error: `no such endpoint ${req.method} ${path}: use ${known.join(', ')} or /health` });
  const who = await ctx.tokens.check(req.headers.authorization);
  if (!who) return send(res, 401, { error: 'missing or unknown token: send "Authorization: Bearer <token>" with a token from `npm run server -- token`' });
  const wait = ctx.rate.take(who.id);
  if (wait > 0) return send(res, 429, { error: `too many requests for this token: wait ${wait} s` }, { 'retry-after': String(wait) });
  if (path === '/v1/outlets' && req.method === 'GET') return send(res, 200, await listOutlets(ctx.pool));
  if (req.method !== 'POST') return send(res, 405, { error: `${path} takes POST` });
  if (path === '/v1/match') return match(req, res, ctx);
  return importArticles(req, res, ctx);
}

async function match(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const body = await readJsonBody(req, ctx.limits.matchBytes);
  if (!body.ok) return send(res, body.status, { error: body.error });
  const request = checkMatchRequest(body.value);
  if ('error' in request) return send(res, 400, { error: request.error });
  send(res, 200, await findCandidates(ctx.pool, request));
}

async function importArticles(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const body = await readTextBody(req, ctx.limits.importBytes);
  if (!body.ok) return send(res, body.status, { error: body.error });
  const read = ingestFile('request.json', body.value);
  if (!read.ok) return send(res, 400, { error: read.error });
  send(res, 200, await storeArticles(ctx.pool, read.articles));
}

/** Writes a JSON answer. A refused body may still be arriving: the connection is then closed
 *  rather than read to its end. */
function send(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = value === null ? '' : JSON.stringify(value);
  const close = status === 413 ? { connection: 'close' } : {};
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS, ...close, ...headers });
  res.end(body);
}

/** Extensions call from their own origin; the token, not the origin, grants access. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};
