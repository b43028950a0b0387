/** A newsroom server for tests: migrated tables in a throw-away PostgreSQL, a token, and the
 *  HTTP API listening on a free port of 127.0.0.1. */
import type { Server } from 'node:http';
import pg from 'pg';
import { createNewsroomServer, DEFAULT_LIMITS, type AppLimits } from '../../lib/server/http-app';
import { migrate } from '../../lib/server/schema';
import { createToken } from '../../lib/server/tokens';

/** A running API over `databaseUrl`. */
export interface TestNewsroom { url: string; token: string; pool: pg.Pool; close(): Promise<void> }

/** Migrates the database, makes a token and starts the API. */
export async function startNewsroom(databaseUrl: string, limits: AppLimits = DEFAULT_LIMITS): Promise<TestNewsroom> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => undefined);
  await migrate(pool);
  const token = await createToken(pool, 'tests');
  const server: Server = createNewsroomServer(pool, limits);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    pool,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
