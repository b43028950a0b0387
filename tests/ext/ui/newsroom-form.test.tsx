// @vitest-environment happy-dom
/** The options page's newsroom server: the form (what it says, what it sends to its actions,
 *  errors shown as text) and the setting behind it (checked values, the one origin's permission
 *  asked for on save and given back on removal, malformed stored values dropped). */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addNewsroomServer, checkNewsroomForm, migrateNewsroomServer, newsroomPermissions, newsroomServerItem, originPatternOf, readNewsroomServer,
  removeNewsroomServer,
} from '../../../lib/ext/newsroom/newsroom-setting';
import { NewsroomServerForm, type NewsroomActions } from '../../../lib/ui/options/NewsroomServerForm';

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const type = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('newsroom server form', () => {
  it('says what the server receives, sends address and token to add, and shows its error as text', async () => {
    const actions: NewsroomActions = { add: vi.fn(async () => 'Echoes needs your permission to reach <b>x</b>'), remove: vi.fn(async () => undefined) };
    await act(() => render(<NewsroomServerForm current={null} actions={actions} />, root));
    expect(root.textContent).toContain('word-pair hashes only: no text, no address');
    const [url, token] = [...root.querySelectorAll('input')] as HTMLInputElement[];
    await act(() => { type(url as HTMLInputElement, 'https://echoes.news.example'); type(token as HTMLInputElement, 'echoes_secret'); });
    await act(async () => { root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    expect(actions.add).toHaveBeenCalledWith('https://echoes.news.example', 'echoes_secret');
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Echoes needs your permission to reach <b>x</b>');
    expect(root.querySelector('[role=alert] b')).toBeNull();
    expect((token as HTMLInputElement).value).toBe('echoes_secret');
  });

  it('names the server in use, clears the token once saved, and removes it', async () => {
    const actions: NewsroomActions = { add: vi.fn(async () => null), remove: vi.fn(async () => undefined) };
    await act(() => render(<NewsroomServerForm current="https://echoes.news.example" actions={actions} />, root));
    expect(root.querySelector('strong')!.textContent).toBe('https://echoes.news.example');
    expect(root.querySelector<HTMLButtonElement>('button[type=submit]')!.textContent).toBe('Replace server');
    const token = root.querySelectorAll('input')[1] as HTMLInputElement;
    await act(() => type(token, 'echoes_other'));
    await act(async () => { root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    expect(token.value).toBe('');
    expect(root.querySelector('[role=alert]')).toBeNull();
    await act(async () => root.querySelector<HTMLButtonElement>('button[type=button]')!.click());
    expect(actions.remove).toHaveBeenCalledOnce();
  });
});

describe('newsroom server setting', () => {
  it.each([
    ['  https://echoes.news.example  ', ' t ', { url: 'https://echoes.news.example', token: 't' }],
    ['ftp://echoes.news.example', 't', { error: 'The address must start with http:// or https://, e.g. https://echoes.newsroom.example' }],
    ['https://echoes.news.example', '   ', { error: 'Paste the token the server\'s operator gave you (npm run server -- token prints one).' }],
  ])('checkNewsroomForm(%j, %j)', (url, token, expected) => expect(checkNewsroomForm(url, token)).toEqual(expected));

  it.each([
    [{ url: 'http://127.0.0.1:8787', token: 't' }, { url: 'http://127.0.0.1:8787', token: 't' }],
    [{ url: 'javascript:alert(1)', token: 't' }, null],
    [{ url: 'http://127.0.0.1:8787', token: '' }, null],
    ['http://127.0.0.1:8787', null],
    [null, null],
  ])('migrateNewsroomServer(%j)', (raw, expected) => expect(migrateNewsroomServer(raw)).toEqual(expected));

  it.each([
    [false, { origins: ['https://x.example/*'] }],
    [true, { origins: ['https://x.example/*'], data_collection: ['websiteContent'] }],
  ])('permissions for a server (Firefox: %s) add the data collection consent Firefox asks for', (firefox, expected) => {
    expect(newsroomPermissions('https://x.example/*', firefox)).toEqual(expected);
  });

  it('asks for the server\'s origin only, and stores nothing when refused', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async () => false) as never);
    const error = await addNewsroomServer('https://echoes.news.example:8443/base', 'tok');
    expect(request).toHaveBeenCalledWith({ origins: ['https://echoes.news.example/*'] });
    expect(error).toBe('Echoes needs your permission to reach echoes.news.example:8443: the server was not added.');
    expect(await readNewsroomServer()).toBeNull();
  });

  it('stores the server when granted, and removal gives the permission back', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async () => true) as never);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation((async () => true) as never);
    expect(await addNewsroomServer('http://127.0.0.1:8787', 'tok')).toBeNull();
    expect(await newsroomServerItem.getValue()).toEqual({ url: 'http://127.0.0.1:8787', token: 'tok' });
    await removeNewsroomServer();
    expect(await readNewsroomServer()).toBeNull();
    expect(remove).toHaveBeenCalledWith({ origins: [originPatternOf('http://127.0.0.1:8787')] });
    expect(originPatternOf('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
  });
});
