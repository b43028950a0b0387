import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repo's seed folder, found from this file (tests must not depend on process.cwd()). */
export const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));

/** Every seed .txt file: [name, raw content], in name order. */
export const SEED_FILES: [string, string][] = readdirSync(SEEDS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => [name, readFileSync(SEEDS_DIR + name, 'utf8')]);

/** The raw content of the seed whose name starts with `prefix` ("001"). */
export function seed(prefix: string): string {
  const found = SEED_FILES.find(([name]) => name.startsWith(prefix));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found[1];
}
