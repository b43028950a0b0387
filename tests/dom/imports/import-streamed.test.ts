// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { htmlToArticle } from '../../../lib/page/html/html-article';
import { parseImportBytes, readImportFile, type ImportSource, type ReadOptions } from '../../../lib/ext/imports/import-files';

const BODY = 'The river burst its banks after three days of heavy rain across the valley. '
  + 'Rescue teams moved hundreds of families to schools on higher ground overnight.';
const line = (i: number) => JSON.stringify({ id: `flood-${i}`, outlet: `Outlet ${i}`, url: `https://o${i}.example/flood`, text: `${BODY} Report ${i}.` });

/** A File-like source whose stream() hands out `content` in chunks of `chunk` bytes. */
function streamed(name: string, content: string, chunk = 100): ImportSource & { arrayBufferCalls: number } {
  const bytes = new TextEncoder().encode(content);
  const source = {
    name, size: bytes.length, arrayBufferCalls: 0,
    arrayBuffer: async () => {
      source.arrayBufferCalls += 1;
      return bytes.slice().buffer;
    },
    stream: () => new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.slice(i, i + chunk));
        controller.close();
      },
    }),
  };
  return source;
}

const read: ReadOptions = {
  htmlToArticle: (html) => htmlToArticle(html, (h) => new DOMParser().parseFromString(h, 'text/html') as unknown as Document),
  maxFileBytes: 1000,
};

describe('importing a JSONL collection over the per-file limit', () => {
  const content = `${Array.from({ length: 30 }, (_, i) => line(i)).join('\n')}\n`;

  it('is read line by line from its stream, never as one buffer, with the same articles and labels', async () => {
    const source = streamed('flood.jsonl', content);
    expect(source.size).toBeGreaterThan(read.maxFileBytes! * 4);
    const reading = await readImportFile(source, read);
    expect(reading.error).toBeNull();
    expect(source.arrayBufferCalls).toBe(0);
    const whole = parseImportBytes('flood.jsonl', new TextEncoder().encode(content), { maxFileBytes: Infinity });
    expect(reading).toEqual(whole);
    expect(reading.articles.at(-1)?.label).toBe('flood.jsonl line 30');
  });

  it('is refused at its first bad line, naming it', async () => {
    const reading = await readImportFile(streamed('bad.jsonl', `${content}{"outlet": "X", "text": \n`), read);
    expect(reading).toEqual({ name: 'bad.jsonl', articles: [], error: expect.stringMatching(/^line 31 of bad\.jsonl is not valid JSON/) });
  });

  it('keeps the per-line limit: one line past it is refused', async () => {
    const long = JSON.stringify({ outlet: 'X', text: BODY.repeat(30) });
    const reading = await readImportFile(streamed('long.jsonl', `${line(1)}\n${long}\n`), read);
    expect(reading.error).toMatch(/^line 2 of long\.jsonl is over 1000 bytes/);
  });

  it('a whole-file format over the limit is still refused unread', async () => {
    const source = streamed('flood.json', `[${Array.from({ length: 30 }, (_, i) => line(i)).join(',')}]`);
    const reading = await readImportFile(source, read);
    expect(reading.error).toMatch(/flood\.json is .* over the 1000 bytes limit/);
    expect(source.arrayBufferCalls).toBe(0);
  });
});
