// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { renderRoot } from '../../helpers/render-root';
import type { CallResult, CorpusArticleInfo, ImportSummary, TabState } from '../../../lib/ext/messaging/messages';
import { PopupView, type PopupActions, type PopupModel } from '../../../lib/ui/popup/PopupView';
import { outletShares, summaryText } from '../../../lib/ui/popup/report-view';
import { sampleReport } from '../report-fixture';

const root = renderRoot();

function actions() {
  return {
    setSiteEnabled: vi.fn<(enabled: boolean) => void>(),
    setGlobalEnabled: vi.fn<(enabled: boolean) => void>(),
    reveal: vi.fn<(index: number) => void>(),
    openOptions: vi.fn<() => void>(),
    addPage: vi.fn(async (): Promise<CallResult<ImportSummary>> => ({ ok: true, value: { added: [], skipped: [] } })),
    setPinned: vi.fn<(articleId: string, pinned: boolean) => void>(),
  } satisfies PopupActions;
}

function show(state: TabState | null, extra: Partial<PopupModel> = {}, acts = actions()) {
  const model: PopupModel = { state, site: 'page.example', siteEnabled: true, globalEnabled: true, error: null, ...extra };
  act(() => render(<PopupView model={model} actions={acts} />, root()));
  return acts;
}

describe('summary text', () => {
  it('counts sentences and outlets', () => {
    expect(summaryText(sampleReport())).toBe('2 of 3 sentences also appear in 2 other outlets');
    const one = { ...sampleReport(), summary: { sentences: 19, echoed: 1, outlets: ['AFP'] } };
    expect(summaryText(one)).toBe('1 of 19 sentences also appears in 1 other outlet');
    expect(summaryText({ ...sampleReport(), summary: { sentences: 5, echoed: 0, outlets: [] } })).toBe('None of the 5 sentences appear in other outlets');
  });
  it('lists outlets with their shared sentences and credit', () => {
    expect(outletShares(sampleReport())).toEqual([
      { outlet: 'Al Jazeera', sentences: 2, credit: 'AFP' },
      { outlet: 'TRT World', sentences: 1, credit: 'TRTWorld and agencies' },
    ]);
  });
});

describe('PopupView', () => {
  it('shows the summary, outlets and echoed sentences of a report', () => {
    show({ state: 'ok', report: sampleReport() });
    expect(root().querySelector('.summary')?.textContent).toBe('2 of 3 sentences also appear in 2 other outlets');
    const outlets = [...root().querySelectorAll('.outlets li')].map((li) => li.textContent);
    expect(outlets).toEqual(['Al Jazeera (AFP)2 sentences', 'TRT World (TRTWorld and agencies)1 sentence']);
    const sentences = root().querySelectorAll('.sentence-toggle');
    expect(sentences).toHaveLength(2);
    expect(sentences[0]?.getAttribute('aria-expanded')).toBe('false');
    expect(sentences[0]?.querySelector('.sentence-outlets')?.textContent).toBe('Also in: Al Jazeera · TRT World');
  });

  it('expands a sentence to each outlet version with its diff, and reveals it on the page', () => {
    const acts = show({ state: 'ok', report: sampleReport() });
    const toggle = root().querySelector<HTMLButtonElement>('.sentence-toggle')!;
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(acts.reveal).toHaveBeenCalledWith(0);
    const versions = root().querySelectorAll('.version');
    expect(versions).toHaveLength(2);
    expect(versions[0]?.querySelector('ins')?.textContent).toBe('added: +dispatched');
    expect(versions[0]?.querySelector('del')?.textContent).toBe('removed: −despatched');
    expect(versions[0]?.textContent).toContain('spelling');
    expect(versions[1]?.querySelector('ins, del')).toBeNull();
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root().querySelector('.version')).toBeNull();
    expect(acts.reveal).toHaveBeenCalledTimes(1);
  });

  it('offers "Keep this article" on a feed or read article\'s version, "Unpin" on a pinned one, nothing on others', () => {
    // Al Jazeera's article came from a feed; TRT World's is built-in or imported (not in the map).
    const acts = show({ state: 'ok', report: sampleReport() }, { retention: { 'al-jazeera': 'expires' } });
    act(() => root().querySelector<HTMLButtonElement>('.sentence-toggle')!.click());
    const versions = () => [...root().querySelectorAll('.version')];
    expect(versions()[0]?.querySelector('.keep')?.textContent).toBe('Keep this article from Al Jazeera');
    expect(versions()[1]?.querySelector('.keep')).toBeNull();
    act(() => versions()[0]!.querySelector<HTMLButtonElement>('.keep')!.click());
    expect(acts.setPinned).toHaveBeenCalledWith('al-jazeera', true);
    expect(acts.reveal).toHaveBeenCalledTimes(1); // the button is not the sentence's toggle
    show({ state: 'ok', report: sampleReport() }, { retention: { 'al-jazeera': 'pinned' } }, acts);
    expect(versions()[0]?.querySelector('.kept')?.textContent).toBe(' · kept');
    act(() => versions()[0]!.querySelector<HTMLButtonElement>('.keep')!.click());
    expect(acts.setPinned).toHaveBeenLastCalledWith('al-jazeera', false);
  });

  it('shows a sentence that only shares a quotation apart: "Shares a quotation with …", each version labelled', () => {
    const report = sampleReport();
    for (const m of report.sentences[1]!.matches) m.reuse = 'quote';
    show({ state: 'ok', report });
    const [copied, quoted] = [...root().querySelectorAll('.sentence')];
    expect(copied?.classList.contains('sentence-quote')).toBe(false);
    expect(quoted?.classList.contains('sentence-quote')).toBe(true);
    expect(quoted?.querySelector('.sentence-outlets')?.textContent).toBe('Shares a quotation with Al Jazeera');
    act(() => quoted!.querySelector<HTMLButtonElement>('.sentence-toggle')!.click());
    expect(quoted?.querySelector('.version-head')?.textContent).toContain('shared quotation');
  });

  it.each([
    [{ state: 'pending' } as TabState, 'Still scanning…'],
    [{ state: 'no-article' } as TabState, 'No article found'],
    [{ state: 'unsupported' } as TabState, 'Echoes can’t run on this page'],
    [{ state: 'off', site: 'page.example' } as TabState, 'Echoes is off for page.example'],
    [{ state: 'ok', report: { ...sampleReport(), sentences: [], summary: { sentences: 4, echoed: 0, outlets: [] } } } as TabState, 'Nothing echoed'],
    [null, 'Loading…'],
  ])('state %j says %s', (state, title) => {
    show(state);
    expect(root().querySelector('[role="status"] .state-title')?.textContent).toBe(title);
    expect(root().querySelector('.summary')).toBeNull();
  });

  it('suggests a reload when a page has been scanning for long', () => {
    show({ state: 'pending' }, { slow: true });
    expect(root().querySelector('.state-detail')?.textContent).toMatch(/need a reload/);
    show({ state: 'pending' }, { slow: false });
    expect(root().querySelector('.state-detail')?.textContent).not.toMatch(/reload/);
  });

  it('says Echoes is off everywhere when the global switch is off', () => {
    show({ state: 'off', site: 'page.example' }, { globalEnabled: false, siteEnabled: true });
    expect(root().querySelector('.state-title')?.textContent).toBe('Echoes is switched off');
    expect(root().querySelector<HTMLInputElement>('input[role="switch"]')?.disabled).toBe(true);
  });

  it('the site switch calls setSiteEnabled; no site switch without a site', () => {
    const acts = show({ state: 'ok', report: sampleReport() });
    const siteSwitch = root().querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(siteSwitch.closest('label')?.textContent).toBe('On for page.example');
    act(() => siteSwitch.click());
    expect(acts.setSiteEnabled).toHaveBeenCalledWith(false);
    show({ state: 'unsupported' }, { site: null });
    expect([...root().querySelectorAll('.switch')].map((s) => s.textContent)).toEqual(['On everywhere']);
  });

  it('renders page text as text, never as HTML', () => {
    const report = sampleReport();
    report.sentences[0]!.text = '<img src=x onerror=alert(1)>';
    show({ state: 'ok', report });
    expect(root().querySelector('img')).toBeNull();
    expect(root().querySelector('.sentence-text')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('PopupView: add this page to my corpus', () => {
  const added: CorpusArticleInfo = {
    id: 'p1', origin: 'user', outlet: 'Harbour Gazette', site: 'gazette.test', title: 'Pier closed <b>now</b>',
    url: 'https://gazette.test/pier', published: '2024-05-06', credit: null, sentences: 9,
  };
  const addButton = () => [...root().querySelectorAll('button')].find((b) => b.textContent === 'Add this page to my corpus');

  it('is offered only when the page has an article', () => {
    show({ state: 'ok', report: sampleReport() });
    expect(addButton()).toBeDefined();
    show({ state: 'ok', report: { ...sampleReport(), sentences: [], summary: { sentences: 4, echoed: 0, outlets: [] } } });
    expect(addButton()).toBeDefined();
    for (const state of [{ state: 'no-article' }, { state: 'pending' }, { state: 'unsupported' }, null] as (TabState | null)[]) {
      show(state);
      expect(addButton()).toBeUndefined();
    }
  });

  it('shows the outlet, title, date and URL it added, as text', async () => {
    const acts = actions();
    acts.addPage.mockResolvedValue({ ok: true, value: { added: [added], skipped: [] } });
    show({ state: 'ok', report: sampleReport() }, {}, acts);
    await act(async () => addButton()!.click());
    expect(acts.addPage).toHaveBeenCalledTimes(1);
    expect(root().querySelector('.add-page-title')?.textContent).toBe('Added to your corpus');
    expect([...root().querySelectorAll('.added-article dd')].map((d) => d.textContent))
      .toEqual(['Harbour Gazette', 'Pier closed <b>now</b>', '2024-05-06', 'https://gazette.test/pier']);
    expect(root().querySelector('.added-article b')).toBeNull();
    expect(addButton()).toBeUndefined();
  });

  it('says why not: a duplicate, or the background’s refusal', async () => {
    const acts = actions();
    acts.addPage
      .mockResolvedValueOnce({ ok: true, value: { added: [], skipped: [{ label: 'this page', reason: 'same URL as "Pier closed"' }] } })
      .mockResolvedValueOnce({ ok: false, error: 'this page has no article to add' });
    show({ state: 'ok', report: sampleReport() }, {}, acts);
    await act(async () => addButton()!.click());
    expect(root().querySelector('.add-page-title')?.textContent).toBe('Not added: same URL as "Pier closed".');
    await act(async () => addButton()!.click());
    expect(root().querySelector('.add-page [role="alert"]')?.textContent).toBe('Not added: this page has no article to add');
  });
});
