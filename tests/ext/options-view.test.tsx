// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CorpusListing } from '../../lib/ext/messages';
import type { Settings } from '../../lib/ext/settings';
import { OptionsView, type OptionsActions } from '../../lib/ui/OptionsView';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const settings: Settings = { enabled: true, disabledSites: ['example.com', 'tass.ru'], matchSettings: { showParaphrase: false, strictness: 0.5 } };
const corpus: CorpusListing = {
  outlets: [{ outlet: 'Al Jazeera', articles: 1 }],
  articles: [{ id: 'a1', outlet: 'Al Jazeera', title: 'Drones over Kyiv', url: 'https://aljazeera.com/a', published: '2024-03-02', credit: 'AFP', sentences: 12 }],
};

function makeActions() {
  return {
    setSiteEnabled: vi.fn(async (_site: string, _enabled: boolean): Promise<string | null> => null),
    setGlobalEnabled: vi.fn<(enabled: boolean) => void>(),
    setMatchSettings: vi.fn<(settings: Settings['matchSettings']) => void>(),
    search: vi.fn(async (_query: string) => [{ article: corpus.articles[0]!, sentence: 'Russian forces dispatched drones.', score: 0.9 }]),
  } satisfies OptionsActions;
}

function show(actions = makeActions()) {
  act(() => render(<OptionsView settings={settings} corpus={corpus} error={null} actions={actions} />, root));
  return actions;
}

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
    const rows = [...root.querySelectorAll('.site-list li')];
    expect(rows.map((r) => r.querySelector('span')?.textContent)).toEqual(['example.com', 'tass.ru']);
    await act(async () => rows[1]!.querySelector('button')!.click());
    expect(actions.setSiteEnabled).toHaveBeenCalledWith('tass.ru', true);
  });

  it('refuses a bad host with a message and saves a good one normalised', async () => {
    const actions = show();
    const input = root.querySelector<HTMLInputElement>('#add-site-input')!;
    const form = root.querySelector('form')!;
    type(input, 'not a site');
    await act(async () => { form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    expect(root.querySelector('#add-site-error')?.textContent).toMatch(/is not a site name/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(actions.setSiteEnabled).not.toHaveBeenCalled();
    type(input, 'https://www.BBC.co.uk/news');
    await act(async () => { form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    expect(actions.setSiteEnabled).toHaveBeenCalledWith('bbc.co.uk', false);
    expect(root.querySelector('#add-site-error')).toBeNull();
  });

  it('saves the strictness preset and the paraphrase switch', () => {
    const actions = show();
    act(() => root.querySelector<HTMLInputElement>('input[value="strict"]')!.click());
    expect(actions.setMatchSettings).toHaveBeenCalledWith({ showParaphrase: false, strictness: 0.75 });
    const paraphrase = [...root.querySelectorAll<HTMLInputElement>('input[role="switch"]')].find((i) => i.closest('label')?.textContent?.includes('paraphrase'))!;
    act(() => paraphrase.click());
    expect(actions.setMatchSettings).toHaveBeenLastCalledWith({ showParaphrase: true, strictness: 0.5 });
  });

  it('lists the corpus and shows search hits with their sentence', async () => {
    const actions = show();
    expect(root.querySelector('.article-list')?.textContent).toContain('Drones over Kyiv');
    type(root.querySelector<HTMLInputElement>('#corpus-search')!, 'dispatched drones');
    await flush();
    expect(actions.search).toHaveBeenCalledWith('dispatched drones');
    expect(root.querySelector('.hit')?.textContent).toBe('Russian forces dispatched drones.');
  });
});
