/** The options page's newsroom server: add one (address and token), see which is set, remove
 *  it; and, plainly, what it receives. Pure view: saving and removing are actions. */
import { useState } from 'preact/hooks';

/** What the form can do: `add` answers an error to show, or null once saved. */
export interface NewsroomActions {
  add(url: string, token: string): Promise<string | null>;
  remove(): Promise<void>;
}

/** Props: the configured server's address (null when none) and the actions. */
export function NewsroomServerForm({ current, actions }: { current: string | null; actions: NewsroomActions }) {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const failed = await actions.add(url, token);
    setBusy(false);
    setError(failed);
    if (!failed) setToken('');
  };
  return (
    <section class="newsroom-form" aria-labelledby="newsroom-heading">
      <h2 id="newsroom-heading">Newsroom server</h2>
      <p>
        Match pages against your newsroom's shared corpus as well as this browser's. For each page, Echoes sends the
        server the page's word-pair hashes only: no text, no address. The server answers with its candidate sentences,
        which Echoes checks here. The hashes are not encrypted: an operator who holds an article can tell whether your
        page shares sentences with it, and with a list of likely word pairs could guess words of the page. Add only a
        server you trust with what you read.
      </p>
      {current && (
        <p>
          Using <strong>{current}</strong>{' '}
          <button type="button" onClick={() => void actions.remove()}>Remove</button>
        </p>
      )}
      <form onSubmit={add}>
        <label>Address <input type="url" value={url} placeholder="https://echoes.newsroom.example" onInput={(e) => setUrl((e.target as HTMLInputElement).value)} /></label>
        <label>Token <input type="password" value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} /></label>
        <button type="submit" disabled={busy}>{current ? 'Replace server' : 'Add server'}</button>
        <small> Echoes asks your permission to reach that address only.</small>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
