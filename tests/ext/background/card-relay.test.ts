import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCardRelay } from '../../../lib/ext/background/card-relay';
import type { CardSentence, TabState } from '../../../lib/ext/messaging/messages';
import { checkBackgroundSender, type Sender } from '../../../lib/ext/messaging/messaging';
import { createCardFrameLink, cardTokenOf } from '../../../lib/ext/pages/card-controller';
import type { CardFrameEvent } from '../../../lib/page/card';
import { sampleReport } from '../report-fixture';

const ID = 'test-extension-id';
const TOKEN = '0123456789abcdef'.repeat(2);
const content = (tabId: number): Sender => ({ id: ID, url: 'https://news.example/a', tab: { id: tabId } as Sender['tab'], frameId: 0 });
const cardFrame = (tabId: number, frameId = 5): Sender => ({ id: ID, url: `chrome-extension://${ID}/card.html#t=${TOKEN}`, tab: { id: tabId } as Sender['tab'], frameId });
const popup: Sender = { id: ID, url: `chrome-extension://${ID}/popup.html` };

function setup() {
  const states = new Map<number, TabState>([[7, { state: 'ok', report: sampleReport() }], [8, { state: 'ok', report: sampleReport() }]]);
  const toContent: { to: object; data: { token: string; event: CardFrameEvent } }[] = [];
  const toFrame: { to: object; data: CardSentence & { token: string } }[] = [];
  const relay = createCardRelay({
    tabs: { get: async (tabId) => states.get(tabId) },
    toContent: async (to, data) => (toContent.push({ to, data }), { ok: true, value: true }),
    toFrame: async (to, data) => void toFrame.push({ to, data }),
  });
  return { relay, handlers: relay.handlers, toContent, toFrame };
}

describe('the card relay (background)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lets only content scripts open a card and only extension pages read it', () => {
    expect(checkBackgroundSender('cardOpen', content(7))).toBeNull();
    expect(checkBackgroundSender('cardOpen', popup)).toMatch(/refused/);
    for (const name of ['cardSentence', 'cardEvent']) {
      expect(checkBackgroundSender(name, cardFrame(7))).toBeNull();
      expect(checkBackgroundSender(name, content(7))).toMatch(/refused/);
    }
  });

  it('answers a frame of the token\'s tab with the sentence its content script opened, and nobody else', async () => {
    const { handlers } = setup();
    expect(await handlers.cardSentence({ token: TOKEN }, cardFrame(7))).toEqual({ ok: true, value: null }); // nothing opened yet
    expect(await handlers.cardOpen({ token: TOKEN, index: 1, seq: 3 }, content(7))).toEqual({ ok: true, value: null });
    const answer = await handlers.cardSentence({ token: TOKEN }, cardFrame(7));
    expect(answer.ok && answer.value).toMatchObject({ seq: 3, sentence: { index: 1, matches: [{ outlet: 'Al Jazeera' }] } });
    expect(await handlers.cardSentence({ token: TOKEN }, cardFrame(8))).toMatchObject({ ok: false, error: expect.stringMatching(/own tab/) });
    expect(await handlers.cardSentence({ token: TOKEN }, popup)).toMatchObject({ ok: false, error: expect.stringMatching(/inside a tab/) });
    expect(await handlers.cardSentence({ token: 'not-a-token' }, cardFrame(7))).toMatchObject({ ok: false });
  });

  it('refuses a token another tab holds, and a sentence nothing echoes', async () => {
    const { handlers } = setup();
    await handlers.cardOpen({ token: TOKEN, index: 0, seq: 1 }, content(7));
    expect(await handlers.cardOpen({ token: TOKEN, index: 0, seq: 1 }, content(8))).toMatchObject({ ok: false, error: expect.stringMatching(/another tab/) });
    const other = 'f'.repeat(32);
    expect(await handlers.cardOpen({ token: other, index: 2, seq: 1 }, content(7))).toMatchObject({ ok: false, error: expect.stringMatching(/no such echoed sentence/) });
    expect(await handlers.cardOpen({ token: other, index: -1, seq: 1 }, content(7))).toMatchObject({ ok: false });
  });

  it('sends later openings to the frame once it has called in, at its own frame of its tab', async () => {
    const { handlers, toFrame } = setup();
    await handlers.cardOpen({ token: TOKEN, index: 0, seq: 1 }, content(7));
    expect(toFrame).toEqual([]); // no frame known yet: it reads the opening when it loads
    await handlers.cardSentence({ token: TOKEN }, cardFrame(7, 12));
    await handlers.cardOpen({ token: TOKEN, index: 1, seq: 2 }, content(7));
    expect(toFrame).toHaveLength(1);
    expect(toFrame[0]!.to).toEqual({ tabId: 7, frameId: 12 });
    expect(toFrame[0]!.data).toMatchObject({ token: TOKEN, seq: 2, sentence: { index: 1 } });
  });

  it('passes what the frame says on to the content script, rebuilt from its known fields only', async () => {
    const { handlers, toContent } = setup();
    await handlers.cardOpen({ token: TOKEN, index: 0, seq: 4 }, content(7));
    const event = { kind: 'shown', seq: 4, width: 320, height: 150, html: '<img src=x onerror=alert(1)>' } as unknown as CardFrameEvent;
    expect(await handlers.cardEvent({ token: TOKEN, event }, cardFrame(7))).toEqual({ ok: true, value: null });
    expect(toContent).toEqual([{ to: expect.objectContaining({ tabId: 7, frameId: 0 }), data: { token: TOKEN, event: { kind: 'shown', seq: 4, width: 320, height: 150 } } }]);
    expect(await handlers.cardEvent({ token: TOKEN, event: { kind: 'shown', seq: 4, width: Number.NaN, height: 1 } }, cardFrame(7))).toMatchObject({ ok: false });
    expect(await handlers.cardEvent({ token: TOKEN, event: { kind: 'close', seq: 4 } }, cardFrame(8))).toMatchObject({ ok: false });
    expect(toContent).toHaveLength(1);
  });

  it('forgets a tab\'s cards when the tab goes', async () => {
    const { relay, handlers } = setup();
    await handlers.cardOpen({ token: TOKEN, index: 0, seq: 1 }, content(7));
    relay.forget(7);
    expect(await handlers.cardSentence({ token: TOKEN }, cardFrame(7))).toEqual({ ok: true, value: null });
  });
});

describe('the card frame\'s link', () => {
  it('reads its token from its hash, and nothing that is not one', () => {
    expect(cardTokenOf(`#t=${TOKEN}`)).toBe(TOKEN);
    expect(cardTokenOf('#t=<script>')).toBeNull();
    expect(cardTokenOf('')).toBeNull();
  });

  it('asks and tells the background under its token, and hears only its own card', async () => {
    const sent: [string, unknown][] = [];
    const heard: ((data: CardSentence & { token: string }) => void)[] = [];
    const link = createCardFrameLink(TOKEN, async (name, data) => (sent.push([name, data]), { ok: true, value: name === 'cardSentence' ? { seq: 1, sentence: sampleReport().sentences[0] } : null }),
      (token, handlers) => (expect(token).toBe(TOKEN), heard.push(handlers.showCard), () => undefined));
    expect((await link.load())?.seq).toBe(1);
    await link.tell({ kind: 'close', seq: 1 });
    expect(sent).toEqual([['cardSentence', { token: TOKEN }], ['cardEvent', { token: TOKEN, event: { kind: 'close', seq: 1 } }]]);
    const shown: number[] = [];
    link.onShow((s) => shown.push(s.seq));
    heard[0]!({ token: TOKEN, seq: 2, sentence: sampleReport().sentences[1]! });
    expect(shown).toEqual([2]);
  });
});
