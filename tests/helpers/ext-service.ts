/** What the tests of the background's calls share: the extension's own popup as a sender, the
 *  seeds with their index snapshot, and a call made the way the message listener makes it. */
import { loadSeedCorpus } from '../../lib/cli/corpus-files';
import type { Article } from '../../lib/corpus/article';
import type { BackgroundService } from '../../lib/ext/background/background-service';
import type { BackgroundCalls, CallResult } from '../../lib/ext/messaging/messages';
import { checkBackgroundSender, dispatchCall, type Sender } from '../../lib/ext/messaging/messaging';
import { createCorpusIndex, type SerializedCorpusIndex } from '../../lib/match/index/corpus-index';

/** The extension id fakeBrowser's runtime reports in these tests. */
export const ID = 'test-extension-id';
/** The popup: an extension page, allowed to change settings and the corpus. */
export const POPUP: Sender = { id: ID, url: `chrome-extension://${ID}/popup.html` };

/** The five seeds and a snapshot of their index (a fresh index per test loads it). */
export async function loadSeedIndex(): Promise<{ seeds: Article[]; snapshot: SerializedCorpusIndex }> {
  const seeds = await loadSeedCorpus();
  return { seeds, snapshot: createCorpusIndex(seeds).serialize() };
}

/** Call `name` of `service` as `sender`, through the sender check and own-property dispatch. */
export function call<K extends keyof BackgroundCalls>(service: BackgroundService, name: K, data: unknown, sender: Sender): Promise<CallResult<ReturnType<BackgroundCalls[K]>>> {
  return dispatchCall(service.handlers, checkBackgroundSender, { echoesCall: name, data }, sender) as Promise<CallResult<ReturnType<BackgroundCalls[K]>>>;
}
