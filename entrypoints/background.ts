import { createBackgroundService } from '@/lib/ext/background-service';
import { fetchSeedIndex } from '@/lib/ext/index-loader';

// Wiring only: the service loads the prebuilt index at once and registers its listeners
// synchronously, so a woken service worker hears the message that woke it.
export default defineBackground(() => {
  // startedAt 0 = the worker's time origin, so the cold start includes script evaluation.
  const service = createBackgroundService({ loadIndex: (fetched) => fetchSeedIndex(fetched), startedAt: 0 });
  service.start();
});
