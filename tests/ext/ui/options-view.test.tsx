// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { renderRoot } from '../../helpers/render-root';
import type { ImportOutcome, ImportProgress } from '../../../lib/ext/imports/import-runner';
import type { CorpusArticleInfo, CorpusListing } from '../../../lib/ext/messaging/messages';
import type { Settings } from '../../../lib/ext/settings/settings';
import { OptionsView, type OptionsActions } from '../../../lib/ui/options/OptionsView';

const root = renderRoot();

const settings: Settings = { enabled: true, disabledSites: ['example.com', 'tass.ru'], matchSettings: { showParaphrase: false, strictness: 0.5, hideQuotes: false } };
const builtin: CorpusArticleInfo = {
  id: 'a1', origin: 'builtin', outlet: 'Al Jazeera', site: 'aljazeera.com', title: 'Drones over Kyiv', url: 'https://aljazeera.com/a',
  published: '2024-03-02', credit: 'AFP', sentences: 12,
};
const mine: CorpusArticleInfo[] = [
  { id: 'u1', origin: 'user', outlet: 'Valley Post', site: 'valley.test', title: 'River floods <img src=x onerror=alert(1)>', url: 'javascript:alert(1)', published: null, credit: null, sentences: 5 },
  { id: 'u2', origin: 'user', outlet: 'Valley Post', site: 'valley.test', title: 'Schools reopen', url: 'https://valley.test/2', published: '2024-05-07', credit: null, sentences: 7 },
];
const corpus: CorpusListing = {
  outlets: [{ outlet: 'Al Jazeera', articles: 1 }, { outlet: 'Valley Post', articles: 2 }],
  articles: [builtin, ...mine], builtinHidden: false, userArticles: 2, builtinArticles: 1,
};

const done = (over: Partial<Extract<ImportOutcome, { state: 'done' }>> = {}): ImportOutcome => ({
  state: 'done', added: [mine[1]!], skipped: [{ label: 'feed.jsonl line 2', reason: 'same URL as "Schools reopen"' }],
  files: [
    { name: 'feed.jsonl', found: 2, added: 1, skipped: 1, error: null },
    { name: 'bad.json', found: 0, added: 0, skipped: 0, error: 'bad.json is not valid JSON at line 3, column 5 (<b>x</b>): fix the file' },
  ],
  ...over,
});

function makeActions() {
  return {
    setSiteEnabled: vi.fn(async (_site: string, _enabled: boolean): Promise<string | null> => null),
    setGlobalEnabled: vi.fn<(enabled: boolean) => void>(),
    setMatchSettings: vi.fn<(settings: Settings['matchSettings']) => void>(),
    search: vi.fn(async (_query: string) => [{ article: builtin, sentence: 'Russian forces dispatched drones.', score: 0.9 }]),
    importFiles: vi.fn(async (_files: File[], _progress: (p: ImportProgress) => void, _signal: AbortSignal): Promise<ImportOutcome> => done()),
    importPasted: vi.fn<OptionsActions['importPasted']>(async () => ({ state: 'done', added: [mine[1]!], skipped: [] })),
    removeArticle: vi.fn(async (_id: string): Promise<string | null> => null),
    setPinned: vi.fn(async (_id: string, _pinned: boolean): Promise<string | null> => null),
    removeOutlet: vi.fn(async (_outlet: string): Promise<string | null> => null),
    clearUserCorpus: vi.fn(async (): Promise<string | null> => null),
    setBuiltinHidden: vi.fn(async (_hidden: boolean): Promise<string | null> => null),
    exportCorpus: vi.fn(async (): Promise<string | null> => null),
  } satisfies OptionsActions;
}

function show(actions = makeActions(), listing: CorpusListing | null = corpus) {
  act(() => render(<OptionsView settings={settings} corpus={listing} error={null} actions={actions} maxFileBytes={20 * 1048576} />, root()));
  return actions;
}

function chooseFiles(files: File[]) {
  const input = root().querySelector<HTMLInputElement>('#import-files')!;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const button = (text: string | RegExp) => [...root().querySelectorAll('button')].find((b) => (typeof text === 'string' ? b.textContent === text : text.test(b.textContent ?? '')));

function type(input: HTMLInputElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function flush() {
  await act(async () => { await new Promise((r) => setTimeout(r, 200)); });
}

describe('OptionsView', () => {
  it('lists the sites switched off, each with a switch-back-on button', async () => {
    const actions = show();
    const rows = [...root().querySelectorAll('.site-list li')];
    expect(rows.map((r) => r.querySelector('span')?.textContent)).toEqual(['example.com', 'tass.ru']);
    await act(async () => rows[1]!.querySelector('button')!.click());
    expect(actions.setSiteEnabled).toHaveBeenCalledWith('tass.ru', true);
  });

  it('refuses a bad host with a message and saves a good one normalised', async () => {
    const actions = show();
    const input = root().querySelector<HTMLInputElement>('#add-site-input')!;
    const form = root().querySelector('form')!;
    type(input, 'not a site');
    await act(async () => { form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    expect(root().querySelector('#add-site-error')?.textContent).toMatch(/is not a site name/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(actions.setSiteEnabled).not.toHaveBeenCalled();
    type(input, 'https://www.BBC.co.uk/news');
    await act(async () => { form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    expect(actions.setSiteEnabled).toHaveBeenCalledWith('bbc.co.uk', false);
    expect(root().querySelector('#add-site-error')).toBeNull();
  });

  it('saves the strictness preset and the paraphrase switch', () => {
    const actions = show();
    act(() => root().querySelector<HTMLInputElement>('input[value="strict"]')!.click());
    expect(actions.setMatchSettings).toHaveBeenCalledWith({ showParaphrase: false, strictness: 0.75, hideQuotes: false });
    const paraphrase = [...root().querySelectorAll<HTMLInputElement>('input[role="switch"]')].find((i) => i.closest('label')?.textContent?.includes('paraphrase'))!;
    act(() => paraphrase.click());
    expect(actions.setMatchSettings).toHaveBeenLastCalledWith({ showParaphrase: true, strictness: 0.5, hideQuotes: false });
  });

  it('saves the switch that hides shared quotations', () => {
    const actions = show();
    const quotes = [...root().querySelectorAll<HTMLInputElement>('input[role="switch"]')].find((i) => i.closest('label')?.textContent?.includes('quotations'))!;
    act(() => quotes.click());
    expect(actions.setMatchSettings).toHaveBeenLastCalledWith({ showParaphrase: false, strictness: 0.5, hideQuotes: true });
  });

  it('lists the corpus and shows search hits with their sentence', async () => {
    const actions = show();
    expect(root().querySelector('.article-list')?.textContent).toContain('Drones over Kyiv');
    type(root().querySelector<HTMLInputElement>('#corpus-search')!, 'dispatched drones');
    await flush();
    expect(actions.search).toHaveBeenCalledWith('dispatched drones');
    expect(root().querySelector('.hit')?.textContent).toBe('Russian forces dispatched drones.');
  });
});

describe('OptionsView: importing files', () => {
  it('states the formats and the size limit, and offers only those files', () => {
    show();
    const input = root().querySelector<HTMLInputElement>('#import-files')!;
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('.txt,.html,.htm,.json,.jsonl,.xml,.rss,.atom');
    expect(root().querySelector('.import-panel')?.textContent).toMatch(/a saved feed \(.xml, .rss, .atom, a JSON Feed .json: one article per item\)/);
    expect(root().querySelector('.import-panel')?.textContent).toMatch(/up to 20 MB per file/);
  });

  it('shows progress and a Cancel button that aborts the import; the rest of the page stays usable', async () => {
    let report: (p: ImportProgress) => void = () => {};
    let signal: AbortSignal | null = null;
    let finish: (o: ImportOutcome) => void = () => {};
    const actions = makeActions();
    actions.importFiles.mockImplementation((_files, progress, abort) => {
      report = progress;
      signal = abort;
      return new Promise((resolve) => { finish = resolve; });
    });
    show(actions);
    await act(async () => chooseFiles([new File(['{}'], 'feed.jsonl')]));
    expect(actions.importFiles.mock.calls[0]![0].map((f) => f.name)).toEqual(['feed.jsonl']);
    await act(async () => report({ stage: 'sending', done: 200, total: 450 }));
    const bar = root().querySelector<HTMLProgressElement>('progress')!;
    expect([bar.value, bar.max]).toEqual([200, 450]);
    expect(root().querySelector('.import-progress label')?.textContent).toBe('Indexing articles: 200 of 450');
    expect(root().querySelector<HTMLInputElement>('#import-files')!.disabled).toBe(true);
    // Meanwhile the other controls still work.
    act(() => root().querySelector<HTMLInputElement>('input[value="strict"]')!.click());
    expect(actions.setMatchSettings).toHaveBeenCalled();
    await act(async () => button('Cancel import')!.click());
    expect(signal!.aborted).toBe(true);
    await act(async () => finish({ state: 'cancelled', files: [] }));
    expect(root().querySelector('progress')).toBeNull();
    expect(root().querySelector('.import-result')?.textContent).toMatch(/cancelled: nothing was added/);
  });

  it('reports what was added, each bad file with its own message, and the duplicates skipped', async () => {
    show();
    await act(async () => chooseFiles([new File(['{}'], 'feed.jsonl'), new File(['['], 'bad.json')]));
    const result = root().querySelector('.import-result')!;
    expect(result.querySelector('.import-summary')?.textContent).toBe('Added 1 article; skipped 1 duplicate; 1 file refused.');
    expect([...result.querySelectorAll('.import-errors li')].map((li) => li.textContent))
      .toEqual(['bad.json is not valid JSON at line 3, column 5 (<b>x</b>): fix the file']);
    expect(result.querySelector('b')).toBeNull(); // shown as text, never as HTML
    expect(result.querySelector('.import-files')?.textContent).toBe('feed.jsonl: 1 article added, 1 duplicate skipped');
    expect(result.querySelector('.import-skipped li')?.textContent).toBe('feed.jsonl line 2: same URL as "Schools reopen"');
  });

  it('imports files dropped on the drop zone', async () => {
    const actions = show();
    const zone = root().querySelector('.drop-zone')!;
    const files = [new File(['{}'], 'a.jsonl'), new File(['x'], 'b.txt')];
    act(() => { zone.dispatchEvent(new Event('dragover', { bubbles: true, cancelable: true })); });
    expect(zone.classList.contains('dragging')).toBe(true);
    const drop = Object.assign(new Event('drop', { bubbles: true, cancelable: true }), { dataTransfer: { files } });
    await act(async () => { zone.dispatchEvent(drop); });
    expect(drop.defaultPrevented).toBe(true); // the browser does not open the file instead
    expect(actions.importFiles.mock.calls[0]![0].map((f) => f.name)).toEqual(['a.jsonl', 'b.txt']);
    expect(zone.classList.contains('dragging')).toBe(false);
  });

  it('shows the background’s message when the import failed (storage full)', async () => {
    const actions = makeActions();
    actions.importFiles.mockResolvedValue({ state: 'failed', error: 'storage is full: nothing was added; remove articles or import fewer', files: [] });
    show(actions);
    await act(async () => chooseFiles([new File(['{}'], 'feed.jsonl')]));
    expect(root().querySelector('.import-result')?.getAttribute('role')).toBe('alert');
    expect(root().querySelector('.import-result .error')?.textContent).toBe('Nothing was added: storage is full: nothing was added; remove articles or import fewer');
  });
});

describe('OptionsView: pasting an article', () => {
  function fill(values: Record<string, string>) {
    for (const [name, value] of Object.entries(values)) {
      const field = root().querySelector<HTMLInputElement | HTMLTextAreaElement>(`.paste-form [name="${name}"]`)!;
      act(() => {
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
  }
  const submit = () => act(async () => { root().querySelector('.paste-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });

  it('imports the fields and shows the article added', async () => {
    const actions = show();
    fill({ outlet: 'Valley Post', url: 'https://valley.test/2', published: '2024-05-07', title: 'Schools reopen', text: 'Schools reopened on Tuesday.' });
    await submit();
    expect(actions.importPasted).toHaveBeenCalledWith({ outlet: 'Valley Post', url: 'https://valley.test/2', published: '2024-05-07', title: 'Schools reopen', text: 'Schools reopened on Tuesday.' });
    expect([...root().querySelectorAll('.added-article dd')].map((d) => d.textContent)).toEqual(['Valley Post', 'Schools reopen', '2024-05-07', 'https://valley.test/2']);
    expect(root().querySelector<HTMLTextAreaElement>('.paste-form textarea')!.value).toBe('');
  });

  it('says why a pasted article was not added and keeps what was typed', async () => {
    const actions = makeActions();
    actions.importPasted.mockResolvedValueOnce({ state: 'invalid', error: 'Give the outlet that published the article.' })
      .mockResolvedValueOnce({ state: 'done', added: [], skipped: [{ label: 'pasted article', reason: 'same text as "Schools reopen"' }] });
    show(actions);
    fill({ text: 'Schools reopened on Tuesday.' });
    await submit();
    expect(root().querySelector('[role="alert"]')?.textContent).toBe('Give the outlet that published the article.');
    await submit();
    expect(root().querySelector('.import-summary')?.textContent).toBe('Added 0 articles; skipped 1 duplicate.');
    expect(root().querySelector('.import-skipped li')?.textContent).toBe('pasted article: same text as "Schools reopen"');
    expect(root().querySelector<HTMLTextAreaElement>('.paste-form textarea')!.value).toBe('Schools reopened on Tuesday.');
  });
});

describe('OptionsView: managing the corpus', () => {
  it('counts both corpora, removes only the user’s own articles, and shows titles as text', async () => {
    const actions = show();
    expect(root().querySelector('.corpus-counts')?.textContent).toBe('2 articles of your own and 1 built-in article, from 2 outlets.');
    const rows = [...root().querySelectorAll('.article-list li')];
    expect(rows[0]?.querySelector('.remove')).toBeNull();
    expect(rows[0]?.querySelector('.origin-tag')?.textContent).toBe('built-in');
    expect(rows[1]?.querySelector('img')).toBeNull();
    expect(rows[1]?.textContent).toContain('River floods <img src=x onerror=alert(1)>');
    expect(rows[1]?.querySelector('a')).toBeNull(); // a javascript: URL is not made a link
    expect(rows[2]?.querySelector('a')?.getAttribute('href')).toBe('https://valley.test/2');
    await act(async () => rows[2]!.querySelector<HTMLButtonElement>('.remove')!.click());
    expect(actions.removeArticle).toHaveBeenCalledWith('u2');
  });

  it('removes an outlet’s and all user articles only after a confirmation', async () => {
    const actions = show();
    expect(button(/Remove my Al Jazeera/)).toBeUndefined();
    await act(async () => button('Remove my Valley Post articles')!.click());
    expect(actions.removeOutlet).not.toHaveBeenCalled();
    expect(root().querySelector('.confirm-question')?.textContent).toBe('Remove your 2 Valley Post article(s)?');
    await act(async () => button('Remove them')!.click());
    expect(actions.removeOutlet).toHaveBeenCalledWith('Valley Post');
    await act(async () => button('Clear my articles')!.click());
    await act(async () => button('Keep')!.click());
    expect(actions.clearUserCorpus).not.toHaveBeenCalled();
    await act(async () => button('Clear my articles')!.click());
    await act(async () => button('Remove all')!.click());
    expect(actions.clearUserCorpus).toHaveBeenCalled();
  });

  it('hides and shows the built-in articles, exports, and shows a refused change', async () => {
    const actions = makeActions();
    actions.exportCorpus.mockResolvedValue('Export failed: the background did not answer');
    show(actions);
    const builtinSwitch = [...root().querySelectorAll<HTMLInputElement>('input[role="switch"]')].find((i) => i.closest('label')?.textContent?.includes('built-in'))!;
    expect(builtinSwitch.checked).toBe(true);
    await act(async () => builtinSwitch.click());
    expect(actions.setBuiltinHidden).toHaveBeenCalledWith(true);
    await act(async () => button('Export my articles (JSONL)')!.click());
    expect(actions.exportCorpus).toHaveBeenCalled();
    expect(root().querySelector('#corpus-heading ~ [role="alert"]')?.textContent).toBe('Export failed: the background did not answer');
    show(actions, { ...corpus, builtinHidden: true, articles: [builtin], userArticles: 0, outlets: [{ outlet: 'Al Jazeera', articles: 1 }] });
    expect(root().querySelector('.origin-tag')?.textContent).toBe('built-in, hidden');
    expect(button('Export my articles (JSONL)')!.disabled).toBe(true);
    expect(button('Clear my articles')).toBeUndefined();
  });

  it('offers Pin on feed and read articles only, Unpin on pinned ones, and shows a refused pin', async () => {
    const actions = makeActions();
    const fromFeed: CorpusArticleInfo = { ...mine[1]!, id: 'f1', title: 'Feed story', retention: 'expires' };
    const kept: CorpusArticleInfo = { ...mine[1]!, id: 'f2', title: 'Kept story', retention: 'pinned' };
    show(actions, { ...corpus, articles: [builtin, mine[1]!, fromFeed, kept], userArticles: 3 });
    const row = (id: string) => root().querySelector(`.article-line[data-article-id="${id}"]`)!;
    expect(row('a1').querySelector('.pin')).toBeNull();
    expect(row('u2').querySelector('.pin')).toBeNull(); // imported: it always stays
    expect(row('f1').querySelector('.pin')?.textContent).toBe('Pin Feed story');
    expect(row('f1').querySelector('.pinned-tag')).toBeNull();
    expect(row('f2').querySelector('.pinned-tag')?.textContent).toBe('pinned');
    expect(row('f2').querySelector('.pin')?.getAttribute('aria-pressed')).toBe('true');
    await act(async () => row('f1').querySelector<HTMLButtonElement>('.pin')!.click());
    expect(actions.setPinned).toHaveBeenLastCalledWith('f1', true);
    actions.setPinned.mockResolvedValueOnce('that article is not in your corpus (it may have just been removed): reload the list');
    await act(async () => row('f2').querySelector<HTMLButtonElement>('.pin')!.click());
    expect(actions.setPinned).toHaveBeenLastCalledWith('f2', false);
    expect(root().querySelector('#corpus-heading ~ [role="alert"]')?.textContent).toMatch(/not in your corpus/);
  });

  it('lists a long corpus a page at a time', () => {
    const many = Array.from({ length: 250 }, (_, i): CorpusArticleInfo => ({ ...mine[1]!, id: `m${i}`, title: `Story ${i}` }));
    show(makeActions(), { ...corpus, articles: many, userArticles: 250 });
    expect(root().querySelectorAll('.article-list li')).toHaveLength(100);
    act(() => button(/Show more \(150 not shown\)/)!.click());
    expect(root().querySelectorAll('.article-list li')).toHaveLength(250);
  });
});
