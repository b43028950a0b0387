/** The page's end of the ingest worker (lib/ext/imports/ingest-worker.ts): a ParseBytes that posts a
 *  file's bytes to the worker (a copy: the page keeps its own) and resolves with its reading. If the
 *  worker cannot start or fails, the file is parsed on the page instead: an import never fails
 *  because of the worker. */
import { parseImportBytes, type FileReading, type ParseBytes } from './import-files';
import type { IngestReply, IngestRequest } from './ingest-worker';

/** What the client needs of a Worker (a DOM Worker fits; tests pass a fake). */
export interface WorkerLike {
  postMessage(message: IngestRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<IngestReply>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

/** A parser over one worker, created on first use by `makeWorker`. `dispose()` ends it. */
export function createWorkerParser(makeWorker: () => WorkerLike): ParseBytes & { dispose(): void } {
  let worker: WorkerLike | null = null;
  let broken = false;
  let nextId = 0;
  const pending = new Map<number, { name: string; bytes: Uint8Array; limit: number; resolve: (r: FileReading) => void }>();
  const onPage = (name: string, bytes: Uint8Array, limit: number) => parseImportBytes(name, bytes, { maxFileBytes: limit });
  const fail = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    for (const job of pending.values()) job.resolve(onPage(job.name, job.bytes, job.limit));
    pending.clear();
  };
  const start = (): WorkerLike | null => {
    if (worker || broken) return worker;
    try {
      worker = makeWorker();
    } catch {
      broken = true;
      return null;
    }
    worker.addEventListener('message', ({ data }) => {
      pending.get(data.id)?.resolve(data.reading);
      pending.delete(data.id);
    });
    worker.addEventListener('error', fail);
    return worker;
  };
  const parse = (name: string, bytes: Uint8Array, limit: number): Promise<FileReading> => {
    const target = start();
    if (!target) return Promise.resolve(onPage(name, bytes, limit));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { name, bytes, limit, resolve });
      target.postMessage({ id, name, bytes, maxFileBytes: limit });
    });
  };
  return Object.assign(parse, { dispose: () => { worker?.terminate(); worker = null; } });
}
