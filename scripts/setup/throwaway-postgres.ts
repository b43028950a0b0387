/** A throw-away PostgreSQL for the tests and the bench: initdb into a fresh temporary folder,
 *  listening on 127.0.0.1 only at a free port, trust authentication, stopped and deleted by
 *  stop(). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user. */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findTool, localProbe, TOOLS } from './tools';

/** A running cluster: `url` reaches its `echoes` database as the `echoes` superuser. */
export interface ThrowawayPostgres { url: string; port: number; stop(): void }

/** The folder of PostgreSQL's programs, or one line saying how to get them. */
export function postgresBin(env: NodeJS.ProcessEnv = process.env): { bin: string } | { missing: string } {
  const found = findTool(TOOLS.postgres, env, localProbe);
  if (found && existsSync(found.path)) return { bin: dirname(found.path) };
  return { missing: 'PostgreSQL not found (looked in /usr/lib/postgresql/*/bin and $PG_BIN): run `apt-get install -y postgresql` (npm test does it when run as root)' };
}

/** A free TCP port on 127.0.0.1 (asked of the system, then released for PostgreSQL to take). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; `settings` are extra `-c name=value` server settings (the bench's memory).
 *  Throws with PostgreSQL's own message when it cannot start. */
export async function startThrowawayPostgres(bin: string, settings: Record<string, string> = {}): Promise<ThrowawayPostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'echoes-pg-'));
  const run = (program: string, args: string[]) => {
    const argv = [join(bin, program), ...args];
    const result = asRoot
      ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', argv.map(shellQuote).join(' ')], { encoding: 'utf8' })
      : spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} failed: ${(result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' ')}`);
  };
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'echoes', '-E', 'UTF8', '--no-sync']);
  const extra = Object.entries({ fsync: 'off', ...settings }).map(([k, v]) => `-c ${k}=${v}`).join(' ');
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${extra}`, 'start']);
      break;
    } catch (error) {
      if (attempt >= 2) throw error; // another program took the port meanwhile: try another
    }
  }
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'echoes', 'echoes']);
  return {
    url: `postgres://echoes@127.0.0.1:${port}/echoes`,
    port,
    stop: () => {
      try { run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
