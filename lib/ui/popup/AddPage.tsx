/** The popup's "Add this page to my corpus": one button, then what was added (outlet, title,
 *  date, URL) or why not (a duplicate, no article, storage full). */
import { useState } from 'preact/hooks';
import type { CallResult, ImportSummary } from '../../ext/messaging/messages';
import { AddedArticle } from '../options/ImportResult';

/** Imports the tab's article; answers the import's summary or why it failed. */
export type AddPageAction = () => Promise<CallResult<ImportSummary>>;

type AddState = { state: 'idle' } | { state: 'adding' } | { state: 'done'; result: CallResult<ImportSummary> };

/** The button and, after it was pressed, the outcome (a polite live region). */
export function AddPage({ addPage }: { addPage: AddPageAction }) {
  const [add, setAdd] = useState<AddState>({ state: 'idle' });
  const press = async () => {
    setAdd({ state: 'adding' });
    setAdd({ state: 'done', result: await addPage() });
  };
  const result = add.state === 'done' ? add.result : null;
  const added = result?.ok ? result.value.added[0] : undefined;
  const skipped = result?.ok ? result.value.skipped[0] : undefined;
  return (
    <section class="add-page" aria-label="Your corpus">
      {!added && (
        <button type="button" class="add-page-button" disabled={add.state === 'adding'} onClick={() => void press()}>
          {add.state === 'adding' ? 'Adding…' : 'Add this page to my corpus'}
        </button>
      )}
      <div role="status" class="add-page-result">
        {added && (
          <>
            <p class="add-page-title">Added to your corpus</p>
            <AddedArticle article={added} />
          </>
        )}
        {!added && skipped && <p class="add-page-title">Not added: {skipped.reason}.</p>}
        {result?.ok && !added && !skipped && <p class="add-page-title">Nothing was added.</p>}
      </div>
      {result && !result.ok && <p class="error" role="alert">Not added: {result.error}</p>}
    </section>
  );
}
