/** Loads the prebuilt seed index that the build writes beside the extension (wxt.config.ts). */
import { browser } from 'wxt/browser';
import { loadCorpusIndex, type CorpusIndex } from '../../match/index/corpus-index';

/** The asset's path inside the extension. */
export const SEED_INDEX_PATH = '/seed-index.json';

/** The asset's URL in this extension (the build adds it, so it is not among WXT's typed paths). */
export function seedIndexUrl(): string {
  return (browser.runtime.getURL as (path: string) => string)(SEED_INDEX_PATH);
}

/** Fetches and revives the prebuilt index, calling `fetched()` between the two (timings);
 *  rejects with a message naming the URL when the asset is missing or not an index. */
export async function fetchSeedIndex(fetched: () => void = () => {}, url: string = seedIndexUrl(), fetchFn: typeof fetch = fetch): Promise<CorpusIndex> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}; rebuild the extension (npm run build)`);
  const data: unknown = await response.json();
  fetched();
  return loadCorpusIndex(data as Parameters<typeof loadCorpusIndex>[0]);
}
