// Test helper: the five seed articles through the real ingestion (lib/corpus), as the app sees them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../../lib/corpus/article';
import { ingestFile } from '../../../lib/corpus/files/ingest';

const SEEDS = fileURLToPath(new URL('../../../seeds/', import.meta.url));

/** The seed articles in file order (000 … 004). */
export function seedArticles(): Article[] {
  return readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().flatMap((file) => {
    const result = ingestFile(file, readFileSync(SEEDS + file, 'utf8'));
    if (!result.ok) throw new Error(result.error);
    return result.articles;
  });
}
