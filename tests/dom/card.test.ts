// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createHoverCard, type HoverCard } from '../../lib/page/card';
import { createHighlighter } from '../../lib/page/highlighter';
import { buildTextModel } from '../../lib/page/text-model';
import type { ReportSentence } from '../../lib/report/types';
import { immediate, sentenceAt } from './helpers';

let card: HoverCard | null = null;
afterEach(() => {
  card?.destroy();
  card = null;
  document.body.innerHTML = '';
});

async function setup(): Promise<{ marks: HTMLElement[]; sentence: ReportSentence }> {
  document.body.innerHTML = '<p id="p">Troops <b>despatched</b> to the border. Other text.</p>';
  const root = document.getElementById('p')!;
  const model = buildTextModel(root);
  const sentence = sentenceAt(model, 0, 0, 34, 'reworded');
  sentence.matches[0]!.outlet = '<img src=x onerror=alert(1)>Wire';
  sentence.matches[0]!.url = 'https://example.org/a';
  sentence.matches[0]!.diff = [
    { op: 'equal', text: 'Troops ' }, { op: 'delete', text: 'despatched ' }, { op: 'insert', text: 'sent ' },
    { op: 'equal', text: 'to the border.' },
  ];
  const hl = createHighlighter(root, { model, schedule: immediate });
  await hl.apply([sentence]);
  card = createHoverCard(document, { lookup: (i) => (i === 0 ? sentence : undefined), openDelayMs: 0, closeDelayMs: 0, isTrusted: () => true });
  return { marks: hl.marksOf(0), sentence };
}

describe('hover card', () => {
  it('opens on keyboard focus of a mark and shows outlet, kind, score and the word diff as text', async () => {
    const { marks } = await setup();
    expect(marks[0]!.tabIndex).toBe(0);
    marks[0]!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(card!.openIndex()).toBe(0);
    const shadow = card!.shadow;
    const host = document.querySelector('echoes-card') as HTMLElement;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.hidden).toBe(false);
    const outlet = shadow.querySelector('.outlet')!;
    expect(outlet.textContent).toBe('<img src=x onerror=alert(1)>Wire');
    expect(shadow.querySelector('img')).toBeNull();
    expect(outlet.getAttribute('href')).toBe('https://example.org/a');
    expect(shadow.querySelector('.meta')!.textContent).toContain('Reworded · 90%');
    expect(shadow.querySelector('del')!.textContent).toBe('−despatched');
    expect(shadow.querySelector('ins')!.textContent).toBe('+sent');
    expect(shadow.querySelector('.diff')!.textContent).toBe('Troops −despatched +sent to the border.');
  });

  it('says when the sentence only shares a quotation', async () => {
    const { marks, sentence } = await setup();
    sentence.matches[0]!.reuse = 'quote';
    marks[0]!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(card!.shadow.querySelector('h2')!.textContent).toBe('Shares a quotation with 1 outlet');
    expect(card!.shadow.querySelector('.meta')!.textContent).toContain('Reworded · shared quotation · 90%');
  });

  it('opens on click, closes on Escape and returns focus to the mark', async () => {
    const { marks } = await setup();
    marks[1]!.click();
    expect(card!.openIndex()).toBe(0);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(card!.openIndex()).toBeNull();
    expect((document.querySelector('echoes-card') as HTMLElement).hidden).toBe(true);
    expect(document.activeElement).toBe(marks[0]);
  });

  it('opens on hover after the delay and closes when the pointer leaves', async () => {
    const { marks } = await setup();
    marks[0]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 5));
    expect(card!.openIndex()).toBe(0);
    marks[0]!.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 5));
    expect(card!.openIndex()).toBeNull();
  });

  it('ignores the synthetic events a page can dispatch (click, focus, hover)', async () => {
    const { marks, sentence } = await setup();
    card!.destroy();
    card = createHoverCard(document, { lookup: (i) => (i === 0 ? sentence : undefined), openDelayMs: 0, closeDelayMs: 0 });
    marks[0]!.click();
    marks[0]!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    marks[0]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 5));
    expect(card!.openIndex()).toBeNull();
  });

  it('destroy() removes the host and stops listening', async () => {
    const { marks } = await setup();
    card!.destroy();
    expect(document.querySelector('echoes-card')).toBeNull();
    marks[0]!.click();
    expect(card!.openIndex()).toBeNull();
    card = null;
  });
});
