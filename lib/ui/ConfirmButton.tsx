/** A button for a change that cannot be undone: the first press asks, in place, to confirm
 *  (no window.confirm, so it is keyboard- and test-friendly). */
import { useState } from 'preact/hooks';

/** Props: the button's label, the question asked, and the action (answers an error or null). */
export interface ConfirmButtonProps { label: string; question: string; confirmLabel: string; onConfirm: () => Promise<unknown> | void }

/** The button, or the question with its confirm and keep buttons. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) return <button type="button" onClick={() => setAsking(true)}>{label}</button>;
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <span class="confirm" role="group" aria-label={question}>
      <span class="confirm-question">{question}</span>
      <button type="button" class="danger" disabled={busy} onClick={() => void confirm()}>{confirmLabel}</button>
      <button type="button" disabled={busy} onClick={() => setAsking(false)}>Keep</button>
    </span>
  );
}
