/** "Remember what I read" on the options page: the switch (off by default) and the sites whose
 *  article pages are added to the corpus as they are read. */
import { useRef, useState } from 'preact/hooks';
import type { ReadingMemory } from '../../ext/settings/settings';
import { parseSiteInput } from '../../ext/settings/site-rules';
import { Switch } from '../Switch';

/** Props: the stored setting (null while loading) and the save (answers an error or null). */
export interface ReadingMemoryFormProps {
  memory: ReadingMemory | null;
  save(memory: ReadingMemory): Promise<string | null>;
}

/** The form. */
export function ReadingMemoryForm({ memory, save }: ReadingMemoryFormProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Each change starts from the last one made here, not from the props, which follow the
  // stored value a moment later: a site added then the switch flipped at once keeps both.
  const latest = useRef<{ from: ReadingMemory | null; value: ReadingMemory | null }>({ from: null, value: null });
  if (latest.current.from !== memory) latest.current = { from: memory, value: memory };
  if (!memory) return null;
  const store = (change: (current: ReadingMemory) => ReadingMemory) => {
    const next = change(latest.current.value ?? memory);
    latest.current.value = next;
    return save(next).then((failure) => (setError(failure), failure));
  };
  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseSiteInput(input);
    if (!parsed.ok) return setError(parsed.error);
    if ((await store((m) => ({ ...m, sites: [...m.sites, parsed.site] }))) === null) setInput('');
  };
  return (
    <section aria-labelledby="reading-heading" class="reading-memory">
      <h3 id="reading-heading">Remember what I read</h3>
      <Switch label="Add the articles I read on these sites to my corpus" checked={memory.enabled} onChange={(enabled) => void store((m) => ({ ...m, enabled }))} />
      <p class="muted">Each article page you open on a site listed here is added to your corpus, on this computer only, so the next outlet's version of the story lights up. Nothing is sent anywhere. These articles are kept like feed articles: the oldest leave first.</p>
      {memory.sites.length === 0 ? <p class="muted">No site yet.</p> : (
        <ul class="reading-sites">{memory.sites.map((site) => (
          <li key={site}>
            <span>{site}</span>{' '}
            <button type="button" onClick={() => void store((m) => ({ ...m, sites: m.sites.filter((s) => s !== site) }))}>
              Remove<span class="sr-only"> {site}</span>
            </button>
          </li>
        ))}</ul>
      )}
      <form class="add-reading-site" onSubmit={(e) => void add(e)} noValidate>
        <label for="reading-site-input">Add a site</label>
        <input id="reading-site-input" type="text" placeholder="example.com" value={input} aria-invalid={error !== null}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit">Add</button>
      </form>
      {error && <p class="field-error" role="alert">{error}</p>}
    </section>
  );
}
