import { browser } from 'wxt/browser';

/** True while this content script's extension is still installed and running: an updated,
 *  reloaded or removed extension leaves its old content scripts without a runtime id (Chrome)
 *  or unloads them (Firefox). The page cannot change this answer, unlike the DOM events WXT
 *  uses to tell an old instance that a new one started. */
export function extensionAlive(): boolean {
  return browser.runtime?.id != null;
}
