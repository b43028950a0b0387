/** The options page's file import: pick or drop files, watch the progress, cancel, read the
 *  result. The import runs in the background job; this panel only holds its own state, so the
 *  rest of the page stays usable meanwhile. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportOutcome, ImportProgress } from '../../ext/imports/import-runner';
import { ImportResult } from './ImportResult';

/** Runs an import of `files`, reporting progress; aborting `signal` cancels it. */
export type ImportFilesAction = (files: File[], onProgress: (p: ImportProgress) => void, signal: AbortSignal) => Promise<ImportOutcome>;

/** Props: the import action and the per-file size limit in bytes (stated to the user). */
export interface ImportPanelProps { importFiles: ImportFilesAction; maxFileBytes: number }

/** The file types the picker offers (lib/corpus ingestFile reads them). */
export const IMPORT_ACCEPT = '.txt,.html,.htm,.json,.jsonl,.xml,.rss,.atom';

type PanelState =
  | { state: 'idle' }
  | { state: 'running'; progress: ImportProgress | null; abort: AbortController }
  | { state: 'finished'; outcome: ImportOutcome };

/** What the progress bar says. */
export function progressText(p: ImportProgress | null): string {
  if (p === null) return 'Starting…';
  const n = (x: number) => x.toLocaleString('en');
  if (p.stage === 'reading') return `Reading file ${n(Math.min(p.done + 1, p.total))} of ${n(p.total)}…`;
  if (p.stage === 'sending') return `Indexing articles: ${n(p.done)} of ${n(p.total)}`;
  return `Saving ${n(p.total)} articles…`;
}

/** The import section. */
export function ImportPanel({ importFiles, maxFileBytes }: ImportPanelProps) {
  const [panel, setPanel] = useState<PanelState>({ state: 'idle' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const live = useRef(true);
  useEffect(() => () => { live.current = false; }, []);

  const start = async (files: File[]) => {
    if (files.length === 0 || panel.state === 'running') return;
    const abort = new AbortController();
    setPanel({ state: 'running', progress: null, abort });
    const outcome = await importFiles(files, (progress) => live.current && setPanel({ state: 'running', progress, abort }), abort.signal);
    if (!live.current) return;
    setPanel({ state: 'finished', outcome });
    if (input.current) input.current.value = ''; // the same files can be chosen again
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void start([...(event.dataTransfer?.files ?? [])]);
  };
  const running = panel.state === 'running' ? panel : null;
  const bar = running?.progress ?? null;
  const mb = Math.round(maxFileBytes / 1048576);
  return (
    <section aria-labelledby="import-heading" class="import-panel">
      <h2 id="import-heading">Import articles</h2>
      <div
        class={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label for="import-files">Choose files, or drop them here</label>
        <input
          id="import-files" ref={input} type="file" multiple accept={IMPORT_ACCEPT} disabled={running !== null}
          onChange={(e) => void start([...((e.currentTarget as HTMLInputElement).files ?? [])])}
        />
        <p class="muted">
          .txt (one article), .html (an article page), .json (an array of articles), .jsonl (one article per line) or a saved feed (.xml, .rss, .atom, a JSON Feed .json: one article per item),
          up to {mb} MB per file (a .jsonl file of any size: it is read line by line). Each file is read on its own: a bad file is reported and the others are still imported.
          Duplicates (same URL or same text) are skipped.
        </p>
      </div>
      {running && (
        <div class="import-progress" role="status">
          <label for="import-progress-bar">{progressText(bar)}</label>
          <progress
            id="import-progress-bar"
            max={bar && bar.stage !== 'saving' ? bar.total : undefined}
            value={bar && bar.stage !== 'saving' ? bar.done : undefined}
          />
          <button type="button" onClick={() => running.abort.abort()} disabled={running.abort.signal.aborted || bar?.stage === 'saving'}>
            Cancel import
          </button>
        </div>
      )}
      {panel.state === 'finished' && <ImportResult outcome={panel.outcome} />}
    </section>
  );
}
