/** The options page's side of the extension: loading settings and corpus, making changes,
 *  importing and exporting articles. */
import type { OptionsActions } from '../../ui/options/OptionsView';
import { readPastedArticle, type ReadOptions } from '../imports/import-files';
import { importArticles, importFiles, type ImportCalls } from '../imports/import-runner';
import type { BackgroundCalls, CallResult, CallValue, CorpusListing } from '../messaging/messages';
import { sendToBackground } from '../messaging/messaging';
import type { Settings } from '../settings/settings';

/** The current settings and corpus listing; a failed call leaves its part null and says why. */
export async function loadOptionsData(): Promise<{ settings: Settings | null; corpus: CorpusListing | null; error: string | null }> {
  const [settings, corpus] = await Promise.all([sendToBackground('getSettings', {}), sendToBackground('listCorpus', {})]);
  const errors = [settings, corpus].flatMap((r) => (r.ok ? [] : [r.error]));
  return {
    settings: settings.ok ? settings.value : null,
    corpus: corpus.ok ? corpus.value : null,
    error: errors.length > 0 ? errors.join('; ') : null,
  };
}

/** The background's import calls, through the messaging module. */
export const backgroundImportCalls: ImportCalls = {
  beginImport: (data) => sendToBackground('beginImport', data),
  importBatch: (data) => sendToBackground('importBatch', data),
  finishImport: (data) => sendToBackground('finishImport', data),
  cancelImport: (data) => sendToBackground('cancelImport', data),
};

/** What the options actions report to the page. */
export interface OptionsHooks {
  /** The settings a change answered. */
  update(settings: Settings): void;
  /** A refusal to show at the top of the page. */
  fail(message: string): void;
  /** The corpus changed: the page reloads its listing. */
  corpusChanged(): void;
  /** Downloads `text` as file `name` (a Blob and an <a download> in the page). */
  download(name: string, text: string): void;
}

/** Lines per exportCorpus call: a page of JSONL stays well under the message size limit. */
export const EXPORT_PAGE_LINES = 500;
/** The export's file name. */
export const EXPORT_FILE_NAME = 'echoes-corpus.jsonl';

/** The options actions; `read` is how files become articles (decoder, HTML reader, limit). */
export function createOptionsActions(hooks: OptionsHooks, read: ReadOptions, calls: ImportCalls = backgroundImportCalls): OptionsActions {
  const apply = (result: { ok: true; value: Settings } | { ok: false; error: string }): string | null => {
    if (result.ok) hooks.update(result.value);
    else hooks.fail(result.error);
    return result.ok ? null : result.error;
  };
  /** A corpus change: reload the listing after it, answer its error or null. */
  const change = async (pending: Promise<{ ok: boolean; error?: string }>): Promise<string | null> => {
    const result = await pending;
    hooks.corpusChanged();
    return result.ok ? null : (result.error ?? 'the change was refused');
  };
  return {
    setSiteEnabled: async (site, enabled) => apply(await sendToBackground('setSiteEnabled', { site, enabled })),
    setGlobalEnabled: (enabled) => void sendToBackground('setGlobalEnabled', { enabled }).then(apply),
    setMatchSettings: (settings) => void sendToBackground('setMatchSettings', settings).then(apply),
    async search(query) {
      const result = await sendToBackground('searchCorpus', { query });
      if (!result.ok) hooks.fail(result.error);
      return result.ok ? result.value : [];
    },
    async importFiles(files, onProgress, signal) {
      const outcome = await importFiles(files, read, { calls, onProgress, signal });
      if (outcome.state === 'done' && outcome.added.length > 0) hooks.corpusChanged();
      return outcome;
    },
    async importPasted(fields) {
      const pasted = readPastedArticle(fields);
      if (!pasted.ok) return { state: 'invalid', error: pasted.error };
      const outcome = await importArticles([pasted.article], { calls });
      if (outcome.state === 'done' && outcome.added.length > 0) hooks.corpusChanged();
      return outcome;
    },
    removeArticle: (id) => change(sendToBackground('removeArticles', { ids: [id] })),
    setPinned: (id, pinned) => change(sendToBackground('setArticlePinned', { id, pinned })),
    removeOutlet: (outlet) => change(sendToBackground('removeOutlet', { outlet })),
    clearUserCorpus: () => change(sendToBackground('clearUserCorpus', {})),
    setBuiltinHidden: (hidden) => change(sendToBackground('setBuiltinHidden', { hidden })),
    async exportCorpus() {
      const text = await exportJsonl();
      if (!text.ok) return text.error;
      hooks.download(EXPORT_FILE_NAME, text.value);
      return null;
    },
  };
}

/** Every page of exportCorpus joined into one JSONL text (one article per line, final newline). */
export async function exportJsonl(pageLines = EXPORT_PAGE_LINES): Promise<{ ok: true; value: string } | { ok: false; error: string }> {
  const parts: string[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page: CallResult<CallValue<BackgroundCalls, 'exportCorpus'>> = await sendToBackground('exportCorpus', { offset, limit: pageLines });
    if (!page.ok) return { ok: false, error: `Export failed: ${page.error}` };
    if (page.value.jsonl !== '') parts.push(page.value.jsonl.endsWith('\n') ? page.value.jsonl : `${page.value.jsonl}\n`);
    offset = page.value.next;
  }
  return { ok: true, value: parts.join('') };
}
