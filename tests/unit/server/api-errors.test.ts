/** Bad tokens, oversized requests, floods, malformed imports and stopped servers each get a
 *  clear answer and leave the database as it was. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runXref } from '../../../lib/cli/run';
import { runCorpusCommand } from '../../../lib/server/corpus-main';
import { listOutlets } from '../../../lib/server/outlets';
import { fakeIo } from '../cli/fake-io';
import { startNewsroom, type TestNewsroom } from '../../helpers/newsroom';
import { postgresAvailable, usePostgres } from '../../helpers/postgres';

const SEEDS = join(__dirname, '../../../seeds');
const SEED_PAGE = join(SEEDS, '000_195ccdb3a235dd3d.txt');

function sink() {
  const lines: string[] = [];
  return { stream: { write: (t: string) => lines.push(t) } as never, text: () => lines.join('') };
}

async function corpus(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await runCorpusCommand(args, {}, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

async function xref(args: string[]): Promise<{ code: number; stderr: string }> {
  const { io, stderr } = fakeIo();
  return { code: await runXref(args, io), stderr: stderr() };
}

const post = (server: TestNewsroom, path: string, body: string, token = server.token) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });

describe.runIf(postgresAvailable)('newsroom server errors', () => {
  const db = usePostgres();
  let server: TestNewsroom;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'echoes-errors-'));
    server = await startNewsroom(db.url(), { matchBytes: 4096, importBytes: 64 * 1024, perSecond: 1, burst: 200 });
  });
  afterAll(async () => {
    await server?.close().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a malformed file stops the import before anything is written', async () => {
    writeFileSync(join(dir, 'a-good.jsonl'), `${JSON.stringify({ outlet: 'Good Times', text: 'One sentence here is long enough to index. And another one follows it.' })}\n`);
    writeFileSync(join(dir, 'b-bad.jsonl'), `${JSON.stringify({ outlet: 'X', text: 'Fine line here.' })}\n{"outlet": "Y", "text": \n`);
    const result = await corpus(['import', '--database', db.url(), dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('line 2 of b-bad.jsonl is not valid JSON');
    expect(result.err).toContain('nothing was imported');
    expect((await listOutlets(server.pool)).articles).toBe(0);
  });

  it('imports the seeds, then a rerun adds nothing', async () => {
    const first = await corpus(['import', '--database', db.url(), SEEDS]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Imported: 5 articles read: 5 added, 0 already there/);
    const again = await corpus(['import', '--database', db.url(), SEEDS]);
    expect(again.out).toMatch(/5 articles read: 0 added, 5 already there/);
    expect((await listOutlets(server.pool)).articles).toBe(5);
  });

  it('refuses an unknown token, and xref says what to do', async () => {
    const res = await post(server, '/v1/match', '{"queries": []}', 'echoes_not-a-token');
    expect(res.status).toBe(401);
    const cli = await xref([SEED_PAGE, '--server', server.url, '--token', 'echoes_wrong']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/refused the request \(401\): missing or unknown token/);
  });

  it('refuses an oversized request with 413', async () => {
    const res = await post(server, '/v1/match', JSON.stringify({ queries: [Array.from({ length: 1500 }, (_, i) => i)] }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/over 4096 bytes/);
  });

  it('rejects a malformed import request and stores nothing of it', async () => {
    const res = await post(server, '/v1/articles', '[{"outlet": "Z"}]');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/article 1 in request.json/);
    expect((await listOutlets(server.pool)).articles).toBe(5);
  });

  it('lists outlets and answers /health', async () => {
    const res = await fetch(`${server.url}/v1/outlets`, { headers: { authorization: `Bearer ${server.token}` } });
    const body = (await res.json()) as { articles: number; outlets: Array<{ outlet: string }> };
    expect(body.articles).toBe(5);
    expect(body.outlets.length).toBeGreaterThan(1);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('limits the rate per token with 429 and a Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 210; i++) statuses.push((await post(server, '/v1/match', '{"queries": []}')).status);
    expect(statuses).toContain(429);
  });

  it('a stopped database gives 503 and a stopped server a plain CLI error', async () => {
    db.cluster().stop();
    const res = await post(server, '/v1/match', '{"queries": [[1, 2, 3]]}', 'echoes_unknown-so-looked-up');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/database did not answer/);
    const url = server.url;
    await server.close().catch(() => undefined);
    const cli = await xref([SEED_PAGE, '--server', url, '--token', 't']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/could not be reached: is it running/);
  });
});
