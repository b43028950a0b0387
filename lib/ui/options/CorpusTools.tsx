/** The corpus's own controls: counts, the built-in articles on or off, export, and clearing
 *  the user's articles. */
import { useState } from 'preact/hooks';
import type { CorpusListing } from '../../ext/messaging/messages';
import type { CorpusActions } from './CorpusBrowser';
import { ConfirmButton } from '../ConfirmButton';
import { Switch } from '../Switch';

/** Props: the listing, the actions, and where an action's error (or null) goes. */
export interface CorpusToolsProps { corpus: CorpusListing; actions: CorpusActions; onResult: (error: string | null) => void }

const count = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/** The counts line and the controls. */
export function CorpusTools({ corpus, actions, onResult }: CorpusToolsProps) {
  const [exporting, setExporting] = useState(false);
  const exportNow = async () => {
    setExporting(true);
    onResult(await actions.exportCorpus());
    setExporting(false);
  };
  return (
    <div class="corpus-tools">
      <p class="corpus-counts">
        {count(corpus.userArticles, 'article')} of your own and {count(corpus.builtinArticles, 'built-in article')}
        {corpus.builtinHidden ? ' (hidden)' : ''}, from {count(corpus.outlets.length, 'outlet')}.
      </p>
      <Switch
        label={`Match against the built-in articles (${corpus.builtinArticles.toLocaleString('en')})`}
        checked={!corpus.builtinHidden}
        onChange={(on) => void actions.setBuiltinHidden(!on).then(onResult)}
      />
      <p class="muted">The built-in articles ship with Echoes and cannot be deleted; switch them off to match only against your own.</p>
      <div class="corpus-buttons">
        <button type="button" onClick={() => void exportNow()} disabled={exporting || corpus.userArticles === 0}>
          {exporting ? 'Exporting…' : 'Export my articles (JSONL)'}
        </button>
        {corpus.userArticles > 0 && (
          <ConfirmButton
            label="Clear my articles"
            question={`Remove all ${count(corpus.userArticles, 'article')} you added? Export them first to keep a copy.`}
            confirmLabel="Remove all"
            onConfirm={() => actions.clearUserCorpus().then(onResult)}
          />
        )}
      </div>
    </div>
  );
}
