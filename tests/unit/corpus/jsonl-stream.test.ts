import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../lib/corpus/files/ingest';
import { streamJsonlArticles, utf8Lines, type StreamArticle, type StreamLine } from '../../../lib/corpus/files/jsonl-stream';

const encoder = new TextEncoder();
const TEXT = 'The council approved the budget on Tuesday after a long debate about schools and roads.';

/** `bytes` cut into chunks of `size` bytes (cutting characters and lines anywhere). */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const line = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: `a${i}`, outlet: 'Wire', text: `${TEXT} Item ${i} says “é”.`, ...extra });

describe('utf8Lines', () => {
  it.each([1, 3, 7, 4096])('gives the same lines whatever the chunk size (%i bytes)', async (size) => {
    const bytes = encoder.encode('\uFEFFfirst “line”\r\nsecond\n\nlast');
    const lines = await collect(utf8Lines('x.jsonl', chunked(bytes, size)));
    expect(lines).toEqual([
      { ok: true, line: 'first “line”', number: 1 },
      { ok: true, line: 'second', number: 2 },
      { ok: true, line: '', number: 3 },
      { ok: true, line: 'last', number: 4 },
    ]);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x61, 0]), /x\.jsonl is UTF-16 text, not UTF-8/],
    ['binary', new Uint8Array([0x7b, 0, 1, 2, 3]), /x\.jsonl looks like a binary file/],
    ['invalid UTF-8', encoder.encode('{"a":1}\n{"b":"\u00e9"}').map((b) => (b === 0xc3 ? 0xff : b)), /not valid UTF-8 text \(line 2\)/],
    ['cut character', encoder.encode('é').subarray(0, 1), /ends in the middle of a character/],
  ])('refuses %s with one line naming the file', async (_, bytes, error) => {
    const lines = await collect(utf8Lines('x.jsonl', chunked(bytes, 2)));
    const last = lines.at(-1) as StreamLine;
    expect(last.ok).toBe(false);
    if (!last.ok) expect(last.error).toMatch(error);
  });

  it('refuses a line over the limit, even when it never ends', async () => {
    const bytes = encoder.encode(`short\n${'x'.repeat(5000)}`);
    const lines = await collect(utf8Lines('big.jsonl', chunked(bytes, 100), 1000));
    expect(lines[0]).toEqual({ ok: true, line: 'short', number: 1 });
    expect(lines[1]).toEqual({ ok: false, error: expect.stringMatching(/^line 2 of big\.jsonl is over 1000 bytes/) });
    expect(lines).toHaveLength(2);
  });
});

describe('streamJsonlArticles', () => {
  it('reads the same articles as ingestFile reads from the whole file', async () => {
    const content = [line(1), '', line(2, { url: 'https://example.com/a', published: '2024-05-01' }), line(3)].join('\n');
    const whole = ingestFile('c.jsonl', content);
    const streamed = await collect(streamJsonlArticles('c.jsonl', chunked(encoder.encode(content), 17)));
    expect(whole.ok).toBe(true);
    if (!whole.ok) return;
    expect(streamed.map((s) => (s.ok ? s.article : s.error))).toEqual(whole.articles);
    expect(streamed.map((s) => s.ok && s.label)).toEqual(['c.jsonl line 1', 'c.jsonl line 3', 'c.jsonl line 4']);
  });

  it.each<[string, string, RegExp]>([
    ['a bad line', `${line(1)}\n{"outlet": "W", "text": `, /^line 2 of c\.jsonl is not valid JSON/],
    ['a repeated id', `${line(1)}\n${line(1)}`, /^line 2 of c\.jsonl repeats the id "a1"/],
    ['no text', `${line(1)}\n{"outlet":"W"}`, /^line 2 of c\.jsonl has no "text"/],
    ['nothing but blank lines', '\n\n  \n', /^c\.jsonl is empty/],
  ])('stops at %s, after the articles before it', async (_, content, error) => {
    const items: StreamArticle[] = await collect(streamJsonlArticles('c.jsonl', chunked(encoder.encode(content), 64)));
    const last = items.at(-1);
    expect(last && !last.ok && last.error).toMatch(error);
    expect(items.slice(0, -1).every((i) => i.ok)).toBe(true);
  });

  it('reads a collection larger than the whole-file limit, holding a line at a time', async () => {
    // 3,000 lines of ~150 bytes against a 64 KB limit: the limit applies per line, not per file.
    const bytes = encoder.encode(Array.from({ length: 3000 }, (_, i) => line(i)).join('\n'));
    expect(bytes.length).toBeGreaterThan(64 * 1024 * 4);
    const items = await collect(streamJsonlArticles('big.jsonl', chunked(bytes, 8192), { maxLineBytes: 64 * 1024 }));
    expect(items.filter((i) => i.ok)).toHaveLength(3000);
  });

  it('takes string chunks too (an already decoded source)', async () => {
    const items = await collect(streamJsonlArticles('s.jsonl', (async function* () { yield line(1).slice(0, 20); yield `${line(1).slice(20)}\n`; })()));
    expect(items).toEqual([expect.objectContaining({ ok: true, label: 's.jsonl line 1' })]);
  });
});
