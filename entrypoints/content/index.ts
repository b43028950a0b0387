import { readSettings, disabledSitesItem, enabledItem, matchSettingsItem } from '@/lib/ext/settings/storage';
import { onContentCall, sendToBackground } from '@/lib/ext/messaging/messaging';
import { isSiteEnabled } from '@/lib/ext/settings/site-rules';
import { createScanner } from '@/lib/page/scanner';
import { watchPage } from '@/lib/page/page-watch';

// Wiring only: lib/page/scanner.ts holds the logic. Every listener, watcher and timer is tied
// to ctx, so an invalidated (updated/reloaded) extension leaves the page as it was.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const startedAt = performance.now();
    const log = (message: string): void => console.debug(`[echoes] ${message}`);
    let watch: ReturnType<typeof watchPage> | null = null;
    const scanner = createScanner({
      doc: document, url: () => location.href, startedAt, log,
      isEnabled: async () => isSiteEnabled(location.href, await readSettings()),
      matchPage: (data) => sendToBackground('matchPage', data),
      pageState: (state) => sendToBackground('pageState', { state }),
      onWrite: () => watch?.discardOwn(),
    });
    const scan = (force = false): void => {
      void scanner.scan({ force }).catch((error: unknown) => log(`scan failed: ${String(error)}`));
    };
    watch = watchPage(document, {
      onChange: () => scan(),
      currentRoot: () => scanner.currentRoot(),
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id as number),
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      watch?.reset();
      scanner.clear();
      scan(true);
    });
    const refresh = (): void => void scanner.refresh().catch((error: unknown) => log(`refresh failed: ${String(error)}`));
    const unwatch = [
      enabledItem.watch(refresh),
      disabledSitesItem.watch(refresh),
      matchSettingsItem.watch(() => scan(true)), // new strictness / kinds: ask again
    ];
    const stopCalls = onContentCall({
      revealSentence: ({ index }) => ({ ok: true, value: scanner.reveal(index) }),
      pageArticle: () => ({ ok: true, value: scanner.pageArticle() }),
    });
    ctx.onInvalidated(() => {
      for (const stop of unwatch) stop();
      stopCalls();
      watch?.stop();
      scanner.destroy();
    });
    scan();
  },
});
