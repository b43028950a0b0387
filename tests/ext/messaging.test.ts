import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  BACKGROUND_ACCESS,
  checkBackgroundSender,
  classifySender,
  dispatchCall,
  onBackgroundCall,
  sendToBackground,
  type CallHandlers,
  type Sender,
} from '../../lib/ext/messaging/messaging';
import type { BackgroundCalls } from '../../lib/ext/messaging/messages';

const ID = 'test-extension-id';
const contentScript: Sender = { id: ID, url: 'https://news.example.com/a', tab: { id: 7 } as Sender['tab'] };
const popup: Sender = { id: ID, url: `chrome-extension://${ID}/popup.html?tabId=7` };
const optionsInTab: Sender = { id: ID, url: `chrome-extension://${ID}/options.html`, tab: { id: 3 } as Sender['tab'] };
const otherExtension: Sender = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };
const noUrl: Sender = { id: ID };
const cardFrame: Sender = { id: ID, url: `chrome-extension://${ID}/card.html#t=0123456789abcdef0123456789abcdef`, tab: { id: 7 } as Sender['tab'], frameId: 4 };

describe('classifySender', () => {
  beforeEach(() => fakeBrowser.reset());
  it.each([
    ['content script', contentScript, 'content'],
    ['popup', popup, 'extension-page'],
    ['options page open in a tab', optionsInTab, 'extension-page'],
    ['the hover card frame inside a page', cardFrame, 'card-frame'],
    ['the card page with a query', { ...cardFrame, url: `chrome-extension://${ID}/card.html?x=1` }, 'card-frame'],
    ['a page whose name starts like the card', { ...cardFrame, url: `chrome-extension://${ID}/card.html.evil` }, 'extension-page'],
    ['another extension', otherExtension, 'foreign'],
    ['a sender without URL', noUrl, 'foreign'],
    ['a content script posing with another id', { ...contentScript, id: 'x' }, 'foreign'],
  ] as const)('%s -> %s', (_, sender, kind) => expect(classifySender(sender)).toBe(kind));
});

describe('checkBackgroundSender', () => {
  beforeEach(() => fakeBrowser.reset());
  const settingsCalls = ['getSettings', 'setSiteEnabled', 'setGlobalEnabled', 'setMatchSettings', 'listCorpus', 'searchCorpus'];

  it.each(settingsCalls)('a content script may not call %s', (name) => {
    expect(checkBackgroundSender(name, contentScript)).toMatch(/refused.*only from the extension's own pages.*not from a content script/);
  });
  it.each(settingsCalls)('the popup may call %s', (name) => expect(checkBackgroundSender(name, popup)).toBeNull());
  it.each(['matchPage', 'pageState'])('a content script may call %s, the popup may not', (name) => {
    expect(checkBackgroundSender(name, contentScript)).toBeNull();
    expect(checkBackgroundSender(name, popup)).toMatch(/refused/);
  });
  it('gives the card frame only its two calls, and those to nobody else', () => {
    for (const name of Object.keys(BACKGROUND_ACCESS)) {
      const mine = name === 'cardSentence' || name === 'cardEvent';
      if (mine) expect(checkBackgroundSender(name, cardFrame)).toBeNull();
      else expect(checkBackgroundSender(name, cardFrame)).toMatch(/refused.*not from the hover card's frame/);
    }
    for (const other of [contentScript, popup, optionsInTab]) {
      expect(checkBackgroundSender('cardSentence', other)).toMatch(/refused.*only from the hover card's frame/);
      expect(checkBackgroundSender('cardEvent', other)).toMatch(/refused/);
    }
  });
  it('refuses everything from another extension', () => {
    for (const name of Object.keys(BACKGROUND_ACCESS)) expect(checkBackgroundSender(name, otherExtension)).toMatch(/another extension/);
  });
  it('refuses unknown calls', () => expect(checkBackgroundSender('deleteEverything', popup)).toMatch(/unknown call/));
});

function recordingHandlers(log: string[]): CallHandlers<BackgroundCalls> {
  const handlers = {} as Record<string, unknown>;
  for (const name of Object.keys(BACKGROUND_ACCESS)) {
    handlers[name] = (data: unknown) => {
      log.push(`${name} ${JSON.stringify(data)}`);
      return { ok: true, value: name };
    };
  }
  return handlers as unknown as CallHandlers<BackgroundCalls>;
}

describe('dispatchCall', () => {
  beforeEach(() => fakeBrowser.reset());

  it('ignores messages that are not ours', () => {
    expect(dispatchCall(recordingHandlers([]), checkBackgroundSender, { type: 'ping' }, popup)).toBeUndefined();
    expect(dispatchCall(recordingHandlers([]), checkBackgroundSender, 'hello', popup)).toBeUndefined();
  });

  it('does not run a refused handler and answers the reason as a value', async () => {
    const log: string[] = [];
    const message = { echoesCall: 'setSiteEnabled', data: { site: 'example.com', enabled: false } };
    const answer = await dispatchCall(recordingHandlers(log), checkBackgroundSender, message, contentScript);
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
    expect(log).toEqual([]);
  });

  it('runs an allowed handler with its data', async () => {
    const log: string[] = [];
    const answer = await dispatchCall(recordingHandlers(log), checkBackgroundSender, { echoesCall: 'getTabState', data: { tabId: 7 } }, popup);
    expect(answer).toEqual({ ok: true, value: 'getTabState' });
    expect(log).toEqual(['getTabState {"tabId":7}']);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'refuses the inherited name %s cleanly, from any sender, running nothing',
    async (name) => {
      const log: string[] = [];
      for (const sender of [contentScript, popup, otherExtension]) {
        const answer = await dispatchCall(recordingHandlers(log), checkBackgroundSender, { echoesCall: name, data: {} }, sender);
        expect(answer).toEqual({ ok: false, error: `unknown call "${name}"` });
      }
      expect(checkBackgroundSender(name, popup)).toBe(`unknown call "${name}"`);
      expect(log).toEqual([]);
    },
  );

  it.each([['a string', 'text'], ['a number', 7], ['an array', [1]]])('refuses data that is %s', async (_, data) => {
    const answer = await dispatchCall(recordingHandlers([]), checkBackgroundSender, { echoesCall: 'getTabState', data }, popup);
    expect(answer).toEqual({ ok: false, error: '"getTabState" takes one data object' });
  });

  it('turns a throwing handler into an error value', async () => {
    const handlers: CallHandlers<BackgroundCalls> = { ...recordingHandlers([]), getSettings: () => { throw new Error('disk on fire'); } };
    const answer = await dispatchCall(handlers, checkBackgroundSender, { echoesCall: 'getSettings', data: {} }, popup);
    expect(answer).toEqual({ ok: false, error: '"getSettings" failed: disk on fire' });
  });
});

describe('sendToBackground through runtime messaging', () => {
  beforeEach(() => fakeBrowser.reset());

  it('delivers the call and its answer (the fake runtime reports an empty sender, which is refused)', async () => {
    const log: string[] = [];
    const stop = onBackgroundCall(recordingHandlers(log), () => null);
    expect(await sendToBackground('getDiagnostics', {})).toEqual({ ok: true, value: 'getDiagnostics' });
    stop();
    onBackgroundCall(recordingHandlers(log));
    expect(await sendToBackground('getSettings', {})).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
    expect(log).toEqual(['getDiagnostics {}']);
  });

  it('answers an error value when nobody listens', async () => {
    expect(browser.runtime.onMessage.hasListeners()).toBe(false);
    const answer = await sendToBackground('getSettings', {});
    expect(answer.ok).toBe(false);
  });
});
