import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Echoes',
    description: 'Highlights the sentences of a news article that other outlets also ran, and shows how their wording differs.',
    permissions: ['storage', 'tabs'],
  },
});
