/** The options page's ingest worker: parses corpus files that need no page DOM (.txt, .json,
 *  .jsonl, and feed files, whose items' markup linkedom reads as the background reads a
 *  subscribed feed's) off the page's main thread, so a 20 MB file does not freeze the page. Loaded with
 *  `new Worker(new URL('…/ingest-worker.ts', import.meta.url), { type: 'module' })`; talks
 *  IngestRequest in, IngestReply out (lib/ext/imports/ingest-client.ts is the other end). */
import { fragmentText } from '../feeds/html-reader';
import { parseImportBytes, type FileReading } from './import-files';

/** One file to parse; `id` pairs the reply with its request. */
export interface IngestRequest { id: number; name: string; bytes: Uint8Array; maxFileBytes: number }
/** The parse of request `id`. */
export interface IngestReply { id: number; reading: FileReading }

// A worker's global scope (the project's TypeScript lib is the DOM one, not "webworker").
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<IngestRequest>) => void) | null;
  postMessage(message: IngestReply): void;
};

scope.onmessage = ({ data }) => {
  scope.postMessage({ id: data.id, reading: parseImportBytes(data.name, data.bytes, { maxFileBytes: data.maxFileBytes, htmlToText: fragmentText }) });
};
