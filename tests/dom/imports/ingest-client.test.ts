// @vitest-environment happy-dom
// The options page's ingest worker client: files that need no DOM are parsed in the worker,
// HTML on the page; a worker that fails or cannot start never fails an import.
import { describe, expect, it, vi } from 'vitest';
import { parseImportBytes, readImportFile, type ImportSource } from '../../../lib/ext/imports/import-files';
import { createWorkerParser, type WorkerLike } from '../../../lib/ext/imports/ingest-client';
import type { IngestReply, IngestRequest } from '../../../lib/ext/imports/ingest-worker';
import { htmlToArticle } from '../../../lib/page/html/html-article';

const BODY = 'The ferry service to the islands resumed on Friday after a week of storms. Operators added two extra crossings to clear the backlog of passengers. ';
const JSONL = `${JSON.stringify({ id: 'f1', outlet: 'Island Times', text: BODY })}\n${JSON.stringify({ id: 'f2', outlet: 'Island Times', text: `${BODY} More.` })}\n`;

function file(name: string, content: string): ImportSource {
  const bytes = new TextEncoder().encode(content);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

/** A worker that parses as the real one does, a tick later (or never, when `silent`);
 *  `crash()` fires its error event. */
function fakeWorker(silent = false) {
  const listeners: { message: ((e: MessageEvent<IngestReply>) => void)[]; error: ((e: Event) => void)[] } = { message: [], error: [] };
  const posted: IngestRequest[] = [];
  let crashed = false;
  const worker: WorkerLike = {
    postMessage(request) {
      posted.push(request);
      setTimeout(() => {
        if (crashed || silent) return;
        const reply = { id: request.id, reading: parseImportBytes(request.name, request.bytes, { maxFileBytes: request.maxFileBytes }) };
        for (const l of listeners.message) l({ data: reply } as MessageEvent<IngestReply>);
      }, 0);
    },
    addEventListener(type: 'message' | 'error', listener: never) { listeners[type].push(listener); },
    terminate: vi.fn(),
  };
  const crash = () => { crashed = true; for (const l of listeners.error) l(new Event('error')); };
  return { worker, posted, crash };
}

const htmlReader = (html: string) => htmlToArticle(html, (h) => new DOMParser().parseFromString(h, 'text/html') as unknown as Document);

describe('createWorkerParser', () => {
  it('parses .jsonl in the worker with the same result as on the page; HTML stays on the page', async () => {
    const fake = fakeWorker();
    const make = vi.fn(() => fake.worker);
    const parseElsewhere = createWorkerParser(make);
    const reading = await readImportFile(file('isles.jsonl', JSONL), { htmlToArticle: htmlReader, parseElsewhere });
    expect(reading).toEqual(parseImportBytes('isles.jsonl', new TextEncoder().encode(JSONL)));
    expect(reading.articles.map((a) => a.label)).toEqual(['isles.jsonl line 1', 'isles.jsonl line 2']);
    const html = `<html><head><title>Ferries</title></head><body><article><h1>Ferries</h1><p>${BODY}</p><p>${BODY}</p><p>${BODY}</p></article></body></html>`;
    const page = await readImportFile(file('ferries.html', html), { htmlToArticle: htmlReader, parseElsewhere });
    expect(page.error).toBeNull();
    expect(fake.posted.map((r) => r.name)).toEqual(['isles.jsonl']);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('parses on the page when the worker fails, and from then on', async () => {
    const fake = fakeWorker(true);
    const parseElsewhere = createWorkerParser(() => fake.worker);
    const pending = readImportFile(file('isles.jsonl', JSONL), { htmlToArticle: htmlReader, parseElsewhere });
    await vi.waitFor(() => expect(fake.posted).toHaveLength(1));
    fake.crash();
    expect((await pending).articles).toHaveLength(2);
    expect(fake.worker.terminate).toHaveBeenCalled();
    expect((await readImportFile(file('b.jsonl', JSONL), { htmlToArticle: htmlReader, parseElsewhere })).articles).toHaveLength(2);
    expect(fake.posted).toHaveLength(1);
  });

  it('parses on the page when no worker can be made', async () => {
    const parseElsewhere = createWorkerParser(() => { throw new Error('workers are not allowed here'); });
    const reading = await readImportFile(file('isles.jsonl', JSONL), { htmlToArticle: htmlReader, parseElsewhere });
    expect(reading.articles).toHaveLength(2);
  });
});
