/** The options page's form for one article pasted by hand: outlet, URL, date, title, text. */
import { useState } from 'preact/hooks';
import type { PastedFields } from '../../ext/imports/import-files';
import type { JobOutcome } from '../../ext/imports/import-runner';
import { AddedArticle, ImportResult } from './ImportResult';

/** Imports the pasted article; `invalid` = the fields were refused before any import. */
export type ImportPastedAction = (fields: PastedFields) => Promise<JobOutcome | { state: 'invalid'; error: string }>;

const EMPTY: PastedFields = { outlet: '', url: '', published: '', title: '', text: '' };

const FIELDS: { key: keyof PastedFields; label: string; placeholder?: string; hint?: string }[] = [
  { key: 'outlet', label: 'Outlet', placeholder: 'Reuters', hint: 'required' },
  { key: 'url', label: 'URL', placeholder: 'https://…' },
  { key: 'published', label: 'Date', placeholder: '2024-05-06 or 6 May 2024' },
  { key: 'title', label: 'Title' },
];

/** The form; after an import it shows what was added or why not, and clears on success. */
export function PasteForm({ importPasted }: { importPasted: ImportPastedAction }) {
  const [fields, setFields] = useState<PastedFields>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<JobOutcome | { state: 'invalid'; error: string } | null>(null);
  const set = (key: keyof PastedFields) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    setFields((f) => ({ ...f, [key]: value }));
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await importPasted(fields);
    setBusy(false);
    setResult(outcome);
    if (outcome.state === 'done' && outcome.added.length > 0) setFields(EMPTY);
  };
  return (
    <section aria-labelledby="paste-heading">
      <h2 id="paste-heading">Paste an article</h2>
      <form class="paste-form" onSubmit={(e) => void submit(e)} noValidate>
        {FIELDS.map(({ key, label, placeholder, hint }) => (
          <label key={key}>
            <span>{label}{hint && <span class="muted"> ({hint})</span>}</span>
            <input type="text" name={key} placeholder={placeholder} value={fields[key]} onInput={set(key)} />
          </label>
        ))}
        <label class="paste-text">
          <span>Text</span>
          <textarea name="text" rows={8} value={fields.text} onInput={set('text')} />
        </label>
        <button type="submit" disabled={busy}>Add to my corpus</button>
      </form>
      {result?.state === 'invalid' && <p class="error" role="alert">{result.error}</p>}
      {result && result.state !== 'invalid' && <ImportResult outcome={result} />}
      {result?.state === 'done' && result.added[0] && <AddedArticle article={result.added[0]} />}
    </section>
  );
}
