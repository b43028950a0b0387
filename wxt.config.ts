import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Article } from './lib/corpus/article';

/** The articles the extension ships: the repo's seeds, or the corpus at ECHOES_CORPUS
 *  (a folder or file, as the CLI reads it). Loaded lazily: this file also runs for tests. */
async function loadShippedCorpus(): Promise<Article[]> {
  const files = await import('./lib/cli/corpus-files');
  const path = process.env.ECHOES_CORPUS;
  if (!path) return files.loadSeedCorpus();
  const result = await files.loadCorpusPath(path);
  if (!result.ok) throw new Error(`ECHOES_CORPUS=${path}: ${result.error}`);
  return result.articles;
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Echoes',
    description: 'Highlights the sentences of a news article that other outlets also ran, and shows how their wording differs.',
    permissions: ['storage', 'tabs'],
    // Firefox needs a fixed id for storage.sync, and new add-ons must declare data collection:
    // Echoes sends nothing anywhere (matching runs inside the extension).
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'echoes@echoes.invalid', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  hooks: {
    // The corpus is indexed at build time, so the background only revives a prebuilt index
    // (fast cold start) instead of cleaning and shingling every article on each wake-up.
    'build:publicAssets': async (wxt, files) => {
      const { createCorpusIndex } = await import('./lib/match/corpus-index');
      const articles = await loadShippedCorpus();
      const index = createCorpusIndex(articles);
      files.push({ relativeDest: 'seed-index.json', contents: JSON.stringify(index.serialize()) });
      wxt.logger.info(`Echoes: seed-index.json from ${articles.length} articles`);
    },
  },
});
