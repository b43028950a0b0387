import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createPopupActions, loadPopupModel, resolveTabId } from '@/lib/ext/pages/popup-controller';
import { PopupView, type PopupModel } from '@/lib/ui/popup/PopupView';
import '@/lib/ui/popup.css';

const POLL_MS = 400;
/** After this many polls of a page still scanning, the popup suggests a reload. */
const SLOW_AFTER_POLLS = 20;

// Wiring: find the tab, load its model, poll while the page is still being scanned.
function Popup({ tabId }: { tabId: number | null }) {
  const [model, setModel] = useState<PopupModel>({ state: null, site: null, siteEnabled: true, globalEnabled: true, error: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const load = () =>
      void loadPopupModel(tabId).then((next) => {
        if (!live) return;
        setModel({ ...next, slow: polls >= SLOW_AFTER_POLLS });
        polls += 1;
        if (next.state === null || next.state.state === 'pending') timer = setTimeout(load, POLL_MS);
      });
    load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tabId, version]);
  const actions = useMemo(
    () => createPopupActions(tabId, () => model.site, () => setVersion((v) => v + 1), (error) => setModel((m) => ({ ...m, error }))),
    [tabId, model.site],
  );
  return <PopupView model={model} actions={actions} />;
}

void resolveTabId(location.search).then((tabId) => {
  const root = document.getElementById('app');
  if (root) render(<Popup tabId={tabId} />, root);
});
