/** `npm run server`: start the newsroom server, or make a token for it. Wiring only. */
import pg from 'pg';
import { printable } from './printable';
import { createNewsroomServer, DEFAULT_LIMITS } from './http-app';
import { databaseError, databaseOf, DEFAULT_HOST, DEFAULT_PORT, parseOptions, portOf } from './options';
import { migrate } from './schema';
import { createToken } from './tokens';

const USAGE = `Usage: npm run server -- --database postgres://user@host:port/db [--host ${DEFAULT_HOST}] [--port ${DEFAULT_PORT}] [--rate ${DEFAULT_LIMITS.perSecond}]
       npm run server -- token --database postgres://user@host:port/db [--name NAME]

Serves the newsroom corpus to Echoes over HTTP (creating or migrating its tables first).
--rate is the requests per second each token may make (bursts of 3x that are let through).
'token' prints a new access token on its last line (only its hash is stored).
`;

/** Runs the command; answers the exit code for errors, or never returns while serving. */
export async function runServerCommand(argv: readonly string[], env: Record<string, string | undefined>, out = process.stdout, err = process.stderr): Promise<number> {
  const fail = (line: string) => (err.write(`server: ${printable(line)}\n`), 2);
  const parsed = parseOptions(argv, ['database', 'host', 'port', 'name', 'rate']);
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.values.has('help')) return out.write(USAGE), 0;
  const [command, ...extra] = parsed.positional;
  if (extra.length > 0 || (command !== undefined && command !== 'token')) return fail(`unexpected ${[command, ...extra].join(' ')} (see --help)`);
  const db = databaseOf(parsed.values, env);
  if ('error' in db) return fail(db.error);
  const pool = new pg.Pool({ connectionString: db.url, max: 8 });
  pool.on('error', () => undefined); // an idle connection's loss shows up on the next query
  try {
    await migrate(pool);
    if (command === 'token') {
      const name = parsed.values.get('name') ?? 'unnamed';
      const token = await createToken(pool, name);
      out.write(`New token for "${printable(name)}" (shown once; give it to the reader's Echoes options):\n${token}\n`);
      await pool.end();
      return 0;
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    return fail(databaseError(error, db.url));
  }
  return serve(pool, parsed.values, out, fail);
}

async function serve(pool: pg.Pool, values: ReadonlyMap<string, string>, out: NodeJS.WritableStream, fail: (line: string) => number): Promise<number> {
  const port = portOf(values.get('port'));
  if (typeof port !== 'number') return fail(port.error);
  const host = values.get('host') ?? DEFAULT_HOST;
  const rate = Number(values.get('rate') ?? DEFAULT_LIMITS.perSecond);
  if (!(rate > 0 && rate <= 1e6)) return fail(`--rate ${JSON.stringify(values.get('rate'))} is not a number of requests per second`);
  const server = createNewsroomServer(pool, { ...DEFAULT_LIMITS, perSecond: rate, burst: rate * 3 }, (line) => process.stderr.write(`server: ${printable(line)}\n`));
  return new Promise((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => resolve(fail(`cannot listen on ${host}:${port} (${error.code ?? error.message}): pick another --port`)));
    server.listen(port, host, () => {
      const address = server.address() as { port: number };
      out.write(`Echoes newsroom server on http://${host}:${address.port} (Ctrl-C stops it)\n`);
    });
  });
}
