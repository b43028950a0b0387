/** Pages that test the edges: form fields that must stay untouched, an article that arrives
 *  late (single-page app), and a 10,000-word page whose highlighting time is printed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markCount, markedSentences, MARK, waitForMarks } from './helpers/page-probes';
import { startSession, type E2eSession } from './helpers/session';

let session: E2eSession;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

describe('form fields', () => {
  it('highlights the paragraphs but never touches an input, a textarea or a contenteditable', async () => {
    const page = await session.open(session.site.form.url);
    const [inInput, inTextarea, inEditable] = session.site.form.fieldSentences;
    expect(await waitForMarks(page, 1, 30_000), 'nothing was highlighted on the form page').toBeGreaterThan(0);
    const fields = await page.evaluate(() => ({
      input: (document.getElementById('summary-input') as HTMLInputElement).value,
      textarea: (document.getElementById('notes-area') as HTMLTextAreaElement).value,
      textareaChildren: document.getElementById('notes-area')!.childNodes.length,
      editableText: document.getElementById('draft-editable')!.textContent,
      editableChildren: document.getElementById('draft-editable')!.childNodes.length,
    }));
    expect(fields.input).toBe(inInput);
    expect(fields.textarea).toBe(inTextarea);
    expect(fields.textareaChildren).toBe(1);
    expect(fields.editableText).toBe(inEditable);
    expect(fields.editableChildren).toBe(1);
    expect(await page.locator(`#draft-editable ${MARK}, form ${MARK}`).count()).toBe(0);
    await session.screenshot(page, 'form-fields-untouched', { fullPage: true });
    await page.close();
  });
});

describe('live page', () => {
  it('highlights the article once it loads, and the paragraph added later', async () => {
    const page = await session.open(session.site.live.url);
    expect(await markCount(page)).toBe(0);
    await page.waitForFunction(() => document.body.dataset.liveState === 'article', undefined, { timeout: 10_000 });
    expect(await waitForMarks(page, 1, 15_000), 'the late-loaded article got no highlight').toBeGreaterThan(0);
    await page.waitForFunction(() => document.body.dataset.liveState === 'late', undefined, { timeout: 10_000 });
    await page.waitForFunction((sel) => document.querySelector(`#late-paragraph ${sel}`) !== null, MARK, { timeout: 15_000, polling: 100 })
      .catch(() => undefined);
    expect(await page.locator(`#late-paragraph ${MARK}`).count(), 'the paragraph added later got no highlight').toBeGreaterThan(0);
    const timings = session.console.timings(page.url());
    console.log(`[e2e timing] live page: ${timings.map((t) => `${t.sentences} sentences in ${t.ms} ms`).join(', then ') || 'no "[echoes] highlighted" log seen'}`);
    await session.screenshot(page, 'live-page', { fullPage: true });
    await page.close();
  });
});

describe('long page', () => {
  it(`highlights the seed sentences mixed into ~10,000 words, and prints the time`, async () => {
    const started = Date.now();
    const page = await session.browser.context.newPage();
    // Main-thread tasks over 50 ms from the page's load on (the demo page runs no script of its
    // own, so after 'load' they are ours: finding the article, the text model, the marks).
    await page.addInitScript(() => {
      const w = window as unknown as { echoesLongTasks: { start: number; ms: number }[] };
      w.echoesLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.echoesLongTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(session.site.long.url, { waitUntil: 'load' });
    const loadedAt = await page.evaluate(() => performance.timing.loadEventEnd - performance.timing.navigationStart);
    const timing = await session.console.waitForTiming(page.url(), 45_000, 1);
    const marks = await waitForMarks(page, 1, 5_000);
    const wall = Date.now() - started;
    const sentences = await markedSentences(page);
    await page.waitForTimeout(200);
    const longTasks = (await page.evaluate(() => (window as unknown as { echoesLongTasks: { start: number; ms: number }[] }).echoesLongTasks))
      .filter((t) => t.start >= loadedAt);
    console.log(`[e2e timing] long page (${session.site.long.words} words): ${timing ? `highlighted ${timing.sentences} sentences in ${timing.ms} ms (content script's log)` : 'no "[echoes] highlighted" log seen'}; ${sentences.length} sentences / ${marks} marks on the page; ${wall} ms from navigation to highlights seen by the test; our longest tasks: finding the article ${timing?.findTaskMs ?? '?'} ms, marking chunks up to ${timing?.markChunkMs ?? '?'} ms; main-thread tasks over 50 ms after the page's load event: ${longTasks.length ? longTasks.map((t) => `${t.ms} ms`).join(', ') : 'none'}`);
    expect(sentences.length).toBeGreaterThan(10);
    const fillerMarked = sentences.filter((s) => /city council|harbour authority|ferry company|football club/i.test(s.text) && !/Kazakh|CSTO|Tokayev/i.test(s.text));
    expect(fillerMarked.map((s) => s.text)).toEqual([]);
    expect(session.console.echoesProblems()).toEqual([]);
    await page.close();
  }, 90_000);
});
