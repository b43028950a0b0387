import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createOptionsActions, loadOptionsData } from '@/lib/ext/options-controller';
import type { CorpusListing } from '@/lib/ext/messages';
import type { Settings } from '@/lib/ext/settings';
import { watchSettings } from '@/lib/ext/storage';
import { OptionsView } from '@/lib/ui/OptionsView';
import '@/lib/ui/popup.css';

// Wiring: load settings and corpus once, then keep the settings each change answers.
function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [corpus, setCorpus] = useState<CorpusListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadOptionsData().then((data) => {
      setSettings(data.settings);
      setCorpus(data.corpus);
      setError(data.error);
    });
    // Changes made elsewhere (the popup's switches) show here at once.
    return watchSettings(setSettings);
  }, []);
  const actions = useMemo(() => createOptionsActions((next) => { setSettings(next); setError(null); }, setError), []);
  return <OptionsView settings={settings} corpus={corpus} error={error} actions={actions} />;
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
