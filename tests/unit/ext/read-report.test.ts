import { describe, expect, it } from 'vitest';
import { createReadReporter, MAX_READS_PER_PAGE } from '../../../lib/ext/content/read-report';

function reporter(url: string, remembered: (url: string) => boolean) {
  const sent: string[] = [];
  const asked: string[] = [];
  let href = url;
  const r = createReadReporter({
    url: () => href,
    remembered: async (u) => (asked.push(u), remembered(u)),
    send: async () => void sent.push(href),
  });
  return { r, sent, asked, go: (next: string) => void (href = next) };
}

describe('createReadReporter', () => {
  it.each(['off', 'no-article', 'unchanged', 'stale', 'error'])('sends nothing after a scan that ended %s (settings not even read)', async (state) => {
    const { r, sent, asked } = reporter('https://read.example/a', () => true);
    expect(await r.afterScan(state)).toBe(false);
    expect([sent, asked]).toEqual([[], []]);
  });

  it('sends once per address (the #fragment ignored), again for a new address in the same tab', async () => {
    const { r, sent, go } = reporter('https://read.example/a', () => true);
    expect(await r.afterScan('highlighted')).toBe(true);
    go('https://read.example/a#comments');
    expect(await r.afterScan('highlighted')).toBe(false);
    go('https://read.example/b');
    expect(await r.afterScan('highlighted')).toBe(true);
    expect(sent).toEqual(['https://read.example/a', 'https://read.example/b']);
  });

  it('sends nothing where the settings say no, and asks again later (the setting may change)', async () => {
    let on = false;
    const { r, sent, asked } = reporter('https://read.example/a', () => on);
    expect(await r.afterScan('highlighted')).toBe(false);
    on = true;
    expect(await r.afterScan('highlighted')).toBe(true);
    expect([sent.length, asked.length]).toEqual([1, 2]);
  });

  it('two scans finishing together send once', async () => {
    const { r, sent } = reporter('https://read.example/a', () => true);
    expect((await Promise.all([r.afterScan('highlighted'), r.afterScan('highlighted')])).filter(Boolean)).toEqual([true]);
    expect(sent).toHaveLength(1);
  });

  it(`a page changing its address over and over reports at most ${MAX_READS_PER_PAGE} of them`, async () => {
    const { r, sent, go } = reporter('https://read.example/0', () => true);
    for (let i = 0; i < MAX_READS_PER_PAGE + 5; i++) {
      go(`https://read.example/${i}`);
      await r.afterScan('highlighted');
    }
    expect(sent).toHaveLength(MAX_READS_PER_PAGE);
  });
});
