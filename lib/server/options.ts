/** Command-line options of `npm run server` and `npm run corpus`: `--name value` or
 *  `--name=value`, flags listed as taking no value, the rest positional. Never throws. */

/** Where the server listens unless told otherwise: this machine only, and a port no common
 *  development server uses. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;

/** Parsed options: values by name (without dashes) and the positional arguments. */
export type Parsed = { ok: true; values: Map<string, string>; positional: string[] } | { ok: false; error: string };

/** Parses argv against the option names that take a value. */
export function parseOptions(argv: readonly string[], valued: readonly string[]): Parsed {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (!arg.startsWith('--')) { positional.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (name === 'help') { values.set('help', ''); continue; }
    if (!valued.includes(name)) return { ok: false, error: `unknown option --${name} (see --help)` };
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') return { ok: false, error: `--${name} needs a value (see --help)` };
    values.set(name, value);
  }
  return { ok: true, values, positional };
}

/** The --database address (or $ECHOES_DATABASE), checked to be a postgres:// URL. */
export function databaseOf(values: ReadonlyMap<string, string>, env: Record<string, string | undefined>): { url: string } | { error: string } {
  const url = values.get('database') ?? env.ECHOES_DATABASE;
  if (!url) return { error: 'no database given: pass --database postgres://user@host:port/dbname (or set ECHOES_DATABASE)' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: '--database is not a URL: use postgres://user@host:port/dbname' };
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return { error: '--database must start with postgres://' };
  return { url };
}

/** A TCP port 0..65535 (0: any free one). */
export function portOf(value: string | undefined): number | { error: string } {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : { error: `--port ${JSON.stringify(value)} is not a port number (0-65535)` };
}

/** The database address without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the database';
  }
}

/** A database failure as one line: what happened and what to do. */
export function databaseError(error: unknown, url: string): string {
  const e = error as { code?: string; message?: string };
  const where = redact(url);
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'ETIMEDOUT') return `cannot reach the database at ${where} (${e.code}): is PostgreSQL running there?`;
  if (e.code === '3D000') return `the database in ${where} does not exist: create it (createdb) or fix --database`;
  if (e.code === '28P01' || e.code === '28000') return `the database at ${where} refused the login: check the user and password in --database`;
  return `database error at ${where}: ${e.message ?? String(error)}`;
}
