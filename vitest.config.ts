import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests run in Node; DOM tests opt in with `// @vitest-environment happy-dom`;
// ext tests get WXT's fake browser through the plugin; e2e tests drive the built
// extension in Chromium and need `npm run build` first (npm test does that).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // The last line is the plain "N passed, N failed, N skipped" that CI reads.
    reporters: ['default', './tests/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The saved real pages link stylesheets and iframes that happy-dom (rightly) does not load;
    // treating the skipped loads as done keeps a page of DOMException traces out of the output.
    environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
  },
});
