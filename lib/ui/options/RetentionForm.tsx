/** How long and how many feed articles the corpus keeps, and the storage Echoes uses. */
import { useEffect, useState } from 'preact/hooks';

/** The bounds (days, articles). */
export interface Retention { maxAgeDays: number; maxArticles: number }

/** Props: the stored bounds (null while loading), the storage in use in bytes (null: the
 *  browser does not say), and the save (answers how many articles left, or an error). */
export interface RetentionFormProps {
  retention: Retention | null;
  storageBytes: number | null;
  save(rule: Retention): Promise<{ removed: number } | { error: string }>;
}

/** "12.3 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The form. */
export function RetentionForm({ retention, storageBytes, save }: RetentionFormProps) {
  const [days, setDays] = useState('');
  const [count, setCount] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (retention) setDays(String(retention.maxAgeDays)), setCount(String(retention.maxArticles));
  }, [retention]);
  const submit = (event: Event) => {
    event.preventDefault();
    const rule = { maxAgeDays: Number(days), maxArticles: Number(count) };
    if (!Number.isFinite(rule.maxAgeDays) || !Number.isFinite(rule.maxArticles) || rule.maxAgeDays < 1 || rule.maxArticles < 100) {
      return setMessage('Give at least 1 day and at least 100 articles.');
    }
    void save(rule).then((r) => setMessage('error' in r ? r.error : `Saved. ${r.removed} older feed article${r.removed === 1 ? '' : 's'} removed.`));
  };
  return (
    <form class="retention" onSubmit={submit} noValidate>
      <h3>Keep feed and read articles</h3>
      <label for="retention-days">for (days)</label>
      <input id="retention-days" type="number" min="1" value={days} onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)} />
      <label for="retention-count">at most (articles in the corpus)</label>
      <input id="retention-count" type="number" min="100" value={count} onInput={(e) => setCount((e.currentTarget as HTMLInputElement).value)} />
      <button type="submit">Save</button>
      <p class="muted">The oldest feed articles and articles remembered from your reading go first; articles you imported or added yourself always stay, and so do those you pin in the corpus list.</p>
      {storageBytes !== null && <p class="storage-used">Storage used by Echoes: {megabytes(storageBytes)}</p>}
      {message && <p role="status">{message}</p>}
    </form>
  );
}
