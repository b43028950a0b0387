import { render } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { MAX_CORPUS_FILE_BYTES } from '@/lib/corpus/files/decode';
import { createWorkerParser } from '@/lib/ext/imports/ingest-client';
import { createOptionsActions, loadOptionsData } from '@/lib/ext/pages/options-controller';
import { createFeedActions } from '@/lib/ext/pages/feeds-controller';
import { feedsItem } from '@/lib/ext/feeds/feed-records';
import { KNOWN_FEEDS } from '@/lib/ext/feeds/known-feeds';
import type { CorpusListing, FeedView } from '@/lib/ext/messaging/messages';
import { sendToBackground } from '@/lib/ext/messaging/messaging';
import type { Settings } from '@/lib/ext/settings/settings';
import type { ReadingMemory } from '@/lib/ext/settings/settings';
import { corpusChangedItem, readingMemoryItem, watchSettings } from '@/lib/ext/settings/storage';
import { addNewsroomServer, newsroomServerItem, readNewsroomServer, removeNewsroomServer } from '@/lib/ext/newsroom/newsroom-setting';
import { htmlToArticle } from '@/lib/page/html/html-article';
import { downloadText } from '@/lib/ui/options/download';
import { OptionsView } from '@/lib/ui/options/OptionsView';
import '@/lib/ui/popup.css';

// HTML files are parsed here, in the page, with the browser's DOMParser: scripts in a parsed
// document never run and nothing of it is displayed.
const readHtml = (html: string) => htmlToArticle(html, (text) => new DOMParser().parseFromString(text, 'text/html'));

// Wiring: load settings and corpus once, keep the settings each change answers, reload the
// corpus listing after each corpus change.
function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [corpus, setCorpus] = useState<CorpusListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadOptionsData().then((data) => {
      setSettings(data.settings);
      setCorpus(data.corpus);
      setError(data.error);
    });
    // Changes made elsewhere (the popup's switches) show here at once.
    return watchSettings(setSettings);
  }, []);
  const reloadCorpus = useCallback(() => {
    void sendToBackground('listCorpus', {}).then((r) => (r.ok ? setCorpus(r.value) : setError(r.error)));
  }, []);
  // An article added from the popup, or another tab's import, shows here without a reload.
  useEffect(() => corpusChangedItem.watch(reloadCorpus), [reloadCorpus]);
  // .txt/.json/.jsonl files are parsed in a worker, so a big file does not freeze this page.
  const parseElsewhere = useMemo(() => createWorkerParser(
    () => new Worker(new URL('../../lib/ext/imports/ingest-worker.ts', import.meta.url), { type: 'module' }),
  ), []);
  useEffect(() => parseElsewhere.dispose, [parseElsewhere]);
  const [newsroomUrl, setNewsroomUrl] = useState<string | null>(null);
  useEffect(() => {
    const show = () => void readNewsroomServer().then((s) => setNewsroomUrl(s?.url ?? null));
    show();
    return newsroomServerItem.watch(show);
  }, []);
  const newsroom = { current: newsroomUrl, actions: { add: addNewsroomServer, remove: removeNewsroomServer } };
  const actions = useMemo(() => createOptionsActions({
    update: (next) => { setSettings(next); setError(null); },
    fail: setError,
    corpusChanged: reloadCorpus,
    download: (name, text) => downloadText(name, text),
  }, { htmlToArticle: readHtml, parseElsewhere }), [reloadCorpus, parseElsewhere]);
  // The feed list follows the stored feeds (the background rewrites them as it reads each one).
  const feedActions = useMemo(() => createFeedActions(), []);
  const [feeds, setFeeds] = useState<FeedView[] | null>(null);
  const [now, setNow] = useState(Date.now());
  const reloadFeeds = useCallback(() => void feedActions.list().then((list) => (setFeeds(list), setNow(Date.now()))), [feedActions]);
  useEffect(() => (reloadFeeds(), feedsItem.watch(reloadFeeds)), [reloadFeeds]);
  const [retention, setRetention] = useState<{ maxAgeDays: number; maxArticles: number } | null>(null);
  const [storageBytes, setStorageBytes] = useState<number | null>(null);
  // Storage in use follows the corpus (every feed read, import or removal changes it).
  useEffect(() => void feedActions.getRetention().then(setRetention), [feedActions]);
  useEffect(() => void feedActions.storageUsed().then(setStorageBytes), [feedActions, corpus]);
  const retentionForm = { retention, storageBytes, save: feedActions.setRetention };
  const [memory, setMemory] = useState<ReadingMemory | null>(null);
  const reloadMemory = useCallback(() => void feedActions.getReadingMemory().then(setMemory), [feedActions]);
  useEffect(() => (reloadMemory(), readingMemoryItem.watch(reloadMemory)), [reloadMemory]);
  const reading = { memory, save: (next: ReadingMemory) => feedActions.setReadingMemory(next).finally(reloadMemory) };
  const feedPanel = { feeds, known: KNOWN_FEEDS, now, retention: retentionForm, reading, actions: { ...feedActions, refresh: (id?: string) => feedActions.refresh(id).finally(reloadFeeds) } };
  return <OptionsView settings={settings} corpus={corpus} error={error} actions={actions} maxFileBytes={MAX_CORPUS_FILE_BYTES} feeds={feedPanel} newsroom={newsroom} />;
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
