/** The options page's view of the corpus: tools (built-in on/off, export, clear), outlets,
 *  articles and a search over titles and sentences; the user's own articles can be removed,
 *  and those from feeds or reading pinned against retention. */
import { useEffect, useState } from 'preact/hooks';
import type { CorpusArticleInfo, CorpusListing, CorpusSearchHit } from '../../ext/messaging/messages';
import { ConfirmButton } from '../ConfirmButton';
import { ArticleLine } from './ArticleLine';
import { CorpusTools } from './CorpusTools';

/** What the corpus section can do; each change answers an error message or null. */
export interface CorpusActions {
  search(query: string): Promise<CorpusSearchHit[]>;
  removeArticle(id: string): Promise<string | null>;
  /** Pins a feed or read article (retention keeps it) or unpins it. */
  setPinned(id: string, pinned: boolean): Promise<string | null>;
  removeOutlet(outlet: string): Promise<string | null>;
  clearUserCorpus(): Promise<string | null>;
  setBuiltinHidden(hidden: boolean): Promise<string | null>;
  exportCorpus(): Promise<string | null>;
}

/** Props: the listing (null while loading) and the actions. */
export interface CorpusBrowserProps { corpus: CorpusListing | null; actions: CorpusActions }

const SEARCH_DELAY_MS = 150;
/** Articles listed at first (and added per "Show more"): a 10,000-article list stays quick. */
export const LIST_PAGE = 100;

/** Lists the corpus; typing in the search box (debounced) shows the hits instead. */
export function CorpusBrowser({ corpus, actions }: CorpusBrowserProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CorpusSearchHit[] | null>(null);
  const [shown, setShown] = useState(LIST_PAGE);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (query.trim() === '') return setHits(null);
    let live = true;
    const timer = setTimeout(() => void actions.search(query).then((found) => live && setHits(found)), SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, actions, corpus]);
  if (!corpus) return <section aria-busy="true"><h2>Corpus</h2><p class="muted">Loading the corpus…</p></section>;
  const run = (change: Promise<string | null>) => change.then(setError);
  const remove = (id: string) => void run(actions.removeArticle(id));
  const pin = (id: string, pinned: boolean) => void run(actions.setPinned(id, pinned));
  const userOutlets = countUserOutlets(corpus.articles);
  return (
    <section aria-labelledby="corpus-heading">
      <h2 id="corpus-heading">Corpus</h2>
      <CorpusTools corpus={corpus} actions={actions} onResult={setError} />
      {error && <p class="error" role="alert">{error}</p>}
      <h3>Outlets</h3>
      <ul class="outlet-list">
        {corpus.outlets.map((o) => (
          <li key={o.outlet}>
            <span><span class="outlet-name">{o.outlet}</span> <span class="muted">({o.articles})</span></span>
            {(userOutlets.get(o.outlet) ?? 0) > 0 && (
              <ConfirmButton
                label={`Remove my ${o.outlet} articles`}
                question={`Remove your ${userOutlets.get(o.outlet)} ${o.outlet} article(s)?`}
                confirmLabel="Remove them"
                onConfirm={() => run(actions.removeOutlet(o.outlet))}
              />
            )}
          </li>
        ))}
      </ul>
      <label for="corpus-search">Search titles and sentences</label>
      <input id="corpus-search" type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      {hits === null ? (
        <>
          <ul class="article-list">
            {corpus.articles.slice(0, shown).map((a) => (
              <li key={a.id}><ArticleLine article={a} hidden={corpus.builtinHidden} onRemove={remove} onPin={pin} /></li>
            ))}
          </ul>
          {corpus.articles.length > shown && (
            <button type="button" class="show-more" onClick={() => setShown((n) => n + LIST_PAGE * 5)}>
              Show more ({(corpus.articles.length - shown).toLocaleString('en')} not shown)
            </button>
          )}
        </>
      ) : (
        <ul class="article-list" aria-live="polite">
          {hits.length === 0 && <li class="muted">Nothing found for “{query}”.</li>}
          {hits.map((hit, i) => (
            <li key={`${hit.article.id}-${i}`}>
              <ArticleLine article={hit.article} hidden={corpus.builtinHidden} onRemove={remove} onPin={pin} />
              {hit.sentence && <blockquote class="hit">{hit.sentence}</blockquote>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** How many of the user's own articles each outlet has. */
function countUserOutlets(articles: readonly CorpusArticleInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of articles) if (a.origin === 'user') counts.set(a.outlet, (counts.get(a.outlet) ?? 0) + 1);
  return counts;
}
