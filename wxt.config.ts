import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { ShippedIndexAsset } from './lib/cli/shipped-corpus';

/** The embedded corpus's index asset, made once per build (dev rebuilds reuse it). */
let shippedIndex: Promise<ShippedIndexAsset> | undefined;

/** Imported lazily: this file also runs for tests, which need no corpus. */
async function loadShippedIndex(): Promise<ShippedIndexAsset> {
  const { shippedIndexAsset } = await import('./lib/cli/shipped-corpus');
  return shippedIndexAsset(process.env);
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // linkedom (HTML of feed pages, read in the background) imports { parse } from @acemir/cssom,
    // whose "browser" build is a plain script without exports: use its CommonJS entry instead.
    resolve: { alias: { '@acemir/cssom': fileURLToPath(new URL('./node_modules/@acemir/cssom/lib/index.js', import.meta.url)) } },
  }),
  manifest: ({ browser, mode }) => ({
    name: 'Echoes',
    description: 'Highlights the sentences of a news article that other outlets also ran, and shows how their wording differs.',
    // offscreen (Chrome only, no install warning): the article finder's DOMParser, which the
    // service worker lacks (lib/ext/extract); Firefox's background page has one.
    // alarms: feeds are read on a schedule. Hosts are asked for one at a time, when a person
    // subscribes to a feed on them or adds a newsroom server there (optional), never at install.
    // activeTab, not tabs (whose install warning reads "read your browsing history"): the popup
    // opened from the toolbar sees its tab's URL through it; a popup opened as a page
    // (popup.html?tabId=N, the tests) and the background use the URL the tab's content script
    // sent from (lib/ext/background/tab-urls.ts, lib/ext/pages/popup-controller.ts siteForTab).
    permissions: ['storage', 'activeTab', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen']), ...(browser === 'firefox' && mode === 'feeds-e2e' ? ['http://127.0.0.1/*'] : [])],
    // The hover card is an extension page in a frame, so the page it sits on cannot read it
    // (lib/page/card.ts). Chrome: reachable only at the per-session address
    // (use_dynamic_url), so a page cannot probe for Echoes by its fixed id. Firefox's MV2 form
    // is a plain list (WXT converts it); its moz-extension address is random per install.
    web_accessible_resources: [{ resources: ['card.html'], matches: ['http://*/*', 'https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) }],
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    // `wxt build --mode feeds-e2e` (the feeds e2e's own build, in .output/*-feeds-e2e): the test
    // site's host granted at install, since no test can click a browser's permission prompt.
    // The options page still asks for it from the click; the browser then answers at once.
    // `--mode newsroom-e2e` is the same for the newsroom server's e2e, in a folder of its own so
    // the two files' builds never replace each other's extension while a browser runs it.
    ...(mode === 'feeds-e2e' || mode === 'newsroom-e2e' ? (browser === 'firefox' ? {} : { host_permissions: ['http://127.0.0.1/*'] }) : {}),
    // Firefox needs a fixed id for storage.sync, and new add-ons must declare data collection:
    // by default Echoes sends nothing anywhere (matching runs inside the extension); a newsroom
    // server, once added, is sent each page's word-pair hashes, derived from the page's text:
    // "website content", asked for (optional) in the same click that adds the server.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'echoes@echoes.invalid', data_collection_permissions: { required: ['none'], optional: ['websiteContent'] } } } }
      : {}),
  }),
  // The sources zip (for the Firefox review) holds the project, not test output or local figures.
  zip: { excludeSources: ['artifacts/**', 'docs/screenshots/**'] },
  hooks: {
    // The corpus is indexed at build time, so the background only revives a prebuilt index
    // (fast cold start) instead of cleaning and shingling every article on each wake-up.
    // ECHOES_CORPUS=<folder or file> embeds a newsroom's corpus instead of the seeds, or beside
    // them with ECHOES_CORPUS_MODE=beside (lib/cli/shipped-corpus). It is read before the build
    // starts, so a bad value stops it at once with one line and leaves the last output alone.
    'build:before': async () => {
      shippedIndex = loadShippedIndex();
      await shippedIndex;
    },
    'build:publicAssets': async (wxt, files) => {
      const asset = await (shippedIndex ??= loadShippedIndex());
      files.push({ relativeDest: asset.relativeDest, contents: asset.contents });
      wxt.logger.info(`Echoes: ${asset.summary}`);
    },
  },
});
