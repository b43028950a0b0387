/** `npm run corpus`: fill the newsroom database from corpus files, or print its counts. Wiring. */
import pg from 'pg';
import { importPaths, type ImportProgress } from './import-files';
import { databaseError, databaseOf, parseOptions } from './options';
import { listOutlets } from './outlets';
import { printable } from './printable';
import { migrate } from './schema';

const USAGE = `Usage: npm run corpus -- import --database postgres://user@host:port/db PATH...
       npm run corpus -- stats --database postgres://user@host:port/db

import: adds the articles of corpus folders or files (.txt, .html, .json, .jsonl, feeds: the
        --corpus formats) to the newsroom database; articles already there by id, address or
        text are skipped, so a rerun adds only what is missing.
stats:  prints the articles and sentences stored and the articles per outlet.
`;

const number = (n: number) => n.toLocaleString('en-US');

/** One progress line: counts so far and the rate. */
export function progressLine(p: ImportProgress): string {
  const rate = p.seconds > 0 ? Math.round(p.read / p.seconds) : 0;
  return `${number(p.read)} articles read: ${number(p.added)} added, ${number(p.skipped)} already there; ` +
    `${number(p.sentences)} sentences, ${number(p.postings)} postings; ${p.seconds.toFixed(1)} s, ${number(rate)} articles/s`;
}

/** Runs the command; answers the exit code (0 done, 2 bad input, 1 database failure). */
export async function runCorpusCommand(argv: readonly string[], env: Record<string, string | undefined>, out = process.stdout, err = process.stderr): Promise<number> {
  const fail = (line: string, code = 2) => (err.write(`corpus: ${printable(line)}\n`), code);
  const parsed = parseOptions(argv, ['database']);
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.values.has('help')) return out.write(USAGE), 0;
  const [command, ...paths] = parsed.positional;
  if (command !== 'import' && command !== 'stats') return fail(`${command ? `unknown command "${command}"` : 'no command'}: use import or stats (see --help)`);
  if (command === 'import' && paths.length === 0) return fail('import needs corpus folders or files after the options');
  if (command === 'stats' && paths.length > 0) return fail('stats takes no paths');
  const db = databaseOf(parsed.values, env);
  if ('error' in db) return fail(db.error);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
    if (command === 'stats') {
      const counts = await listOutlets(pool);
      out.write(`${number(counts.articles)} articles, ${number(counts.sentences)} sentences\n`);
      for (const o of counts.outlets) out.write(`${number(o.articles).padStart(10)}  ${printable(o.outlet)}\n`);
      return 0;
    }
    const result = await importPaths(pool, paths, (p) => err.write(`${progressLine(p)}\n`));
    if (!result.ok) return fail(result.error);
    out.write(`Imported: ${progressLine(result.totals)}\n`);
    return 0;
  } catch (error) {
    return fail(`${databaseError(error, db.url)} (batches stored before it stay; run the same import again to add the rest)`, 1);
  } finally {
    await pool.end().catch(() => undefined);
  }
}
