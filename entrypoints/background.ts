import { createBackgroundService } from '@/lib/ext/background/background-service';
import { openCorpusStore } from '@/lib/ext/store/corpus-store';
import { fetchSeedIndex } from '@/lib/ext/background/index-loader';
import { warmUpEngine } from '@/lib/report/warm-up';

// Wiring only: the service starts loading the built-in index (the prebuilt asset) and the
// user's corpus (IndexedDB) at once, registers its listeners synchronously, so a woken
// service worker hears the message that woke it, then warms the engine up while both load.
export default defineBackground(() => {
  // startedAt 0 = the worker's time origin, so the cold start includes script evaluation.
  const service = createBackgroundService({
    loadIndex: (fetched) => fetchSeedIndex(fetched),
    store: openCorpusStore(),
    warmUp: () => warmUpEngine(),
    startedAt: 0,
  });
  service.start();
});
