import { readSettings, readReadingMemory, disabledSitesItem, enabledItem, matchSettingsItem } from '@/lib/ext/settings/storage';
import { onContentCall, sendToBackground } from '@/lib/ext/messaging/messaging';
import { requestMatch } from '@/lib/ext/messaging/match-request';
import { isReadRemembered, isSiteEnabled } from '@/lib/ext/settings/site-rules';
import { extensionAlive } from '@/lib/ext/content/extension-alive';
import { createReadReporter } from '@/lib/ext/content/read-report';
import { createCardChannel } from '@/lib/ext/content/card-channel';
import { createLifetime } from '@/lib/page/scan/lifetime';
import { createRescanLimit } from '@/lib/page/scan/rescan-limit';
import { createScanner } from '@/lib/page/scan/scanner';
import { watchPage } from '@/lib/page/scan/page-watch';
import { watchUrl } from '@/lib/page/scan/url-watch';

// Wiring only: lib/page holds the logic. Everything is tied to our own lifetime, not to WXT's
// ctx: the page can forge the DOM event that ends ctx, so ctx ending is only checked against
// the extension really being gone (lib/page/scan/lifetime.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // No "content script started" postMessage: it told every page our extension id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const startedAt = performance.now();
    const log = (message: string): void => console.debug(`[echoes] ${message}`);
    const life = createLifetime(extensionAlive);
    ctx.onInvalidated(() => {
      if (!life.claimEnded()) log('ignored a "content script started" event: the extension is still here');
    });
    let watch: ReturnType<typeof watchPage> | null = null;
    const cardChannel = createCardChannel();
    const scanner = createScanner({
      cardChannel,
      doc: document, url: () => location.href, startedAt, log,
      isEnabled: async () => isSiteEnabled(location.href, await readSettings()),
      matchPage: (data) => requestMatch(data),
      pageState: (state, reason) => sendToBackground('pageState', { state, reason }),
      extract: (html) => sendToBackground('extractArticle', { html }),
      onWrite: () => watch?.discardOwn(),
    });
    // "Remember what I read": only pages of the sites the person chose say they were read.
    const reads = createReadReporter({
      url: () => location.href,
      remembered: async (url) => isReadRemembered(url, await readSettings(), await readReadingMemory()),
      send: () => sendToBackground('pageRead', {}),
    });
    const scan = (force = false): void => {
      if (life.ended()) return;
      void scanner.scan({ force }).then((outcome) => !life.ended() && reads.afterScan(outcome.state))
        .catch((error: unknown) => log(`scan failed: ${String(error)}`));
    };
    const limit = createRescanLimit({ setTimeout: (run, ms) => life.setTimeout(run, ms) });
    watch = watchPage(document, {
      onChange: () => scan(),
      currentRoot: () => scanner.currentRoot(),
      setTimeout: (fn, ms) => life.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id as number),
    });
    watchUrl({
      href: () => location.href, win: window, signal: life.signal,
      onChange: () => limit.request(() => {
        watch?.reset();
        scanner.clear();
        scan(true);
      }),
    });
    const refresh = (): void => void scanner.refresh().catch((error: unknown) => log(`refresh failed: ${String(error)}`));
    const unwatch = [
      enabledItem.watch(refresh),
      disabledSitesItem.watch(refresh),
      matchSettingsItem.watch(() => limit.request(() => scan(true))), // new strictness / kinds: ask again
    ];
    const stopCalls = onContentCall({
      revealSentence: ({ index }) => ({ ok: true, value: scanner.reveal(index) }),
      pageArticle: async () => ({ ok: true, value: await scanner.pageArticle() }),
      cardEvent: ({ token, event }) => ({ ok: true, value: cardChannel.deliver(token, event) }),
    });
    life.onEnd(() => {
      for (const stop of unwatch) stop();
      stopCalls();
      watch?.stop();
      scanner.destroy();
    });
    scan();
  },
});
