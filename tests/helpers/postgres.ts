/** A throw-away PostgreSQL for one test file: started before its tests, stopped after. When
 *  PostgreSQL is not installed, `available` is false and the file's suites skip with one line
 *  saying how to install it (npm test's preflight installs it first, so there it always runs). */
import { afterAll, beforeAll } from 'vitest';
import { postgresBin, startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/setup/throwaway-postgres';

const found = postgresBin();

/** Whether PostgreSQL's programs are here; when not, the reason is printed once. */
export const postgresAvailable = 'bin' in found;
if (!('bin' in found)) console.warn(`server tests skipped: ${found.missing}`);

/** Starts a cluster for the current file; `url()` is its database address once started. */
export function usePostgres(): { url(): string; cluster(): ThrowawayPostgres } {
  let pg: ThrowawayPostgres | null = null;
  beforeAll(async () => {
    if ('bin' in found) pg = await startThrowawayPostgres(found.bin);
  });
  afterAll(() => pg?.stop());
  return {
    url: () => (pg ? pg.url : ''),
    cluster: () => {
      if (!pg) throw new Error('PostgreSQL is not running');
      return pg;
    },
  };
}
