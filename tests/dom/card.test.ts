// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createHoverCard, type CardChannel, type CardFrameEvent, type HoverCard } from '../../lib/page/card';
import { createHighlighter } from '../../lib/page/mark/highlighter';
import { buildTextModel } from '../../lib/page/model/text-model';
import { immediate, sentenceAt } from './helpers';

let card: HoverCard | null = null;
afterEach(() => {
  card?.destroy();
  card = null;
  document.body.innerHTML = '';
});

/** A channel that records what the card asks for and lets the test play the frame. */
function recordingChannel() {
  const opens: { token: string; index: number; seq: number }[] = [];
  let hear: ((event: CardFrameEvent) => void) | null = null;
  let stopped = false;
  const channel: CardChannel = {
    frameUrl: (hash) => `about:blank${hash}`,
    open: async (token, index, seq) => (opens.push({ token, index, seq }), true),
    listen: (_token, on) => ((hear = on), () => void (stopped = true)),
  };
  const frame = (event: CardFrameEvent) => hear?.(event);
  return { channel, opens, frame, stopped: () => stopped };
}

const TOKEN = 'ab'.repeat(16);

/** `trustAll`: count the test's synthetic events as a person's; false keeps the default check. */
async function setup(trustAll = true) {
  document.body.innerHTML = '<p id="p">Troops <b>despatched</b> to the border. Other text here.</p>';
  const root = document.getElementById('p')!;
  const model = buildTextModel(root);
  const first = sentenceAt(model, 0, 0, 34, 'reworded');
  first.matches[0]!.outlet = 'Secret Wire';
  const second = sentenceAt(model, 1, 35, 51);
  const hl = createHighlighter(root, { model, schedule: immediate });
  await hl.apply([first, second]);
  const rec = recordingChannel();
  card = createHoverCard(document, {
    hasMatches: (i) => i === 0 || i === 1, channel: rec.channel, openDelayMs: 0, closeDelayMs: 0, token: () => TOKEN, ...(trustAll ? { isTrusted: () => true } : {}),
  });
  const host = document.querySelector('echoes-card') as HTMLElement;
  return { marks: hl.marksOf(0), second: hl.marksOf(1), rec, host };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('hover card (the page side: a bare frame)', () => {
  it('on keyboard focus asks for the sentence by token, and shows the frame once it has drawn it', async () => {
    const { marks, rec, host } = await setup();
    expect(marks[0]!.tabIndex).toBe(0);
    marks[0]!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(card!.openIndex()).toBe(0);
    expect(rec.opens).toEqual([{ token: TOKEN, index: 0, seq: 1 }]);
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.hidden).toBe(false);
    expect(host.style.visibility).toBe('hidden'); // laid out for the frame, not seen yet
    expect(card!.isShown()).toBe(false);
    const frame = card!.shadow.querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe(`about:blank#t=${TOKEN}`);
    rec.frame({ kind: 'shown', seq: 1, width: 300, height: 120 });
    expect(card!.isShown()).toBe(true);
    expect(host.style.visibility).toBe('');
    expect([frame.style.width, frame.style.height]).toEqual(['300px', '120px']);
  });

  it('puts nothing of the corpus in the page: no outlet, no diff, no score in the page or the shadow root', async () => {
    const { marks, rec, host } = await setup();
    marks[0]!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    rec.frame({ kind: 'shown', seq: 1, width: 300, height: 120 });
    const everything = document.documentElement.outerHTML + [...card!.shadow.childNodes].map((n) => (n as Element).outerHTML ?? n.textContent).join('');
    expect(everything).not.toContain('Secret Wire');
    expect(everything).not.toContain('90%');
    expect(host.textContent).toBe('');
    const markAttributes = [...document.querySelectorAll('mark')].flatMap((m) => [...m.attributes].map((a) => a.name)).sort();
    expect(new Set(markAttributes)).toEqual(new Set(['class', 'data-echoes-kind', 'data-echoes-sentence', 'data-markjs', 'tabindex']));
  });

  it('ignores what the frame says about an older opening, and sizes within the viewport', async () => {
    const { marks, second, rec } = await setup();
    marks[0]!.click();
    second[0]!.click();
    expect(rec.opens.map((o) => [o.index, o.seq])).toEqual([[0, 1], [1, 2]]);
    rec.frame({ kind: 'shown', seq: 1, width: 300, height: 120 });
    expect(card!.isShown()).toBe(false);
    rec.frame({ kind: 'shown', seq: 2, width: 99_999, height: 99_999 });
    expect(card!.isShown()).toBe(true);
    const frame = card!.shadow.querySelector('iframe')!;
    expect(parseInt(frame.style.width, 10)).toBeLessThanOrEqual(440);
    expect(parseInt(frame.style.height, 10)).toBeLessThanOrEqual(480);
  });

  it('closes on Escape in the page or when the frame asks, and gives focus back to the mark', async () => {
    const { marks, rec, host } = await setup();
    marks[1]!.click();
    expect(card!.openIndex()).toBe(0);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(card!.openIndex()).toBeNull();
    expect(host.hidden).toBe(true);
    expect(document.activeElement).toBe(marks[0]);
    marks[1]!.click();
    rec.frame({ kind: 'close', seq: 1 }); // an old opening's close does nothing
    expect(card!.openIndex()).toBe(0);
    rec.frame({ kind: 'close', seq: 2 });
    expect(card!.openIndex()).toBeNull();
    expect(document.activeElement).toBe(marks[0]);
  });

  it('starts loading the frame when the pointer reaches a mark, opens after the delay, closes when it leaves', async () => {
    const { marks, rec } = await setup();
    marks[0]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(card!.shadow.querySelector('iframe')).not.toBeNull();
    await tick();
    expect(card!.openIndex()).toBe(0);
    expect(rec.opens).toHaveLength(1);
    marks[0]!.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    await tick();
    expect(card!.openIndex()).toBeNull();
  });

  it('ignores the synthetic events a page can dispatch (click, focus, hover)', async () => {
    const { marks, rec } = await setup(false);
    marks[0]!.click();
    marks[0]!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    marks[0]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await tick();
    expect(card!.openIndex()).toBeNull();
    expect(rec.opens).toEqual([]);
    expect(card!.shadow.querySelector('iframe')).toBeNull();
  });

  it('destroy() removes the host and stops listening to the page and the frame', async () => {
    const { marks, rec } = await setup();
    card!.destroy();
    expect(document.querySelector('echoes-card')).toBeNull();
    expect(rec.stopped()).toBe(true);
    marks[0]!.click();
    expect(card!.openIndex()).toBeNull();
    card = null;
  });
});
