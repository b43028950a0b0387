/** The options page's list of sites switched off, with a field to add one by hand. */
import { useState } from 'preact/hooks';
import { parseSiteInput } from '../../ext/settings/site-rules';

/** Props: the sites off, and the change to make (answers an error message or null). */
export interface SiteListProps {
  sites: readonly string[];
  setSiteEnabled: (site: string, enabled: boolean) => Promise<string | null>;
}

/** Each site with a "Switch back on" button; the form validates a host name before saving. */
export function SiteList({ sites, setSiteEnabled }: SiteListProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseSiteInput(input);
    if (!parsed.ok) return setError(parsed.error);
    const failure = await setSiteEnabled(parsed.site, false);
    setError(failure);
    if (failure === null) setInput('');
  };
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites switched off</h2>
      {sites.length === 0 ? (
        <p class="muted">Echoes is on for every site.</p>
      ) : (
        <ul class="site-list">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" onClick={() => void setSiteEnabled(site, true).then(setError)}>
                Switch back on<span class="sr-only"> for {site}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={(e) => void add(e)} noValidate>
        <label for="add-site-input">Switch off a site</label>
        <input
          id="add-site-input"
          type="text"
          placeholder="example.com"
          value={input}
          aria-invalid={error !== null}
          aria-describedby={error ? 'add-site-error' : undefined}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">Switch off</button>
        {error && <p id="add-site-error" class="field-error" role="alert">{error}</p>}
      </form>
    </section>
  );
}
