/** The options page's view of the corpus: outlets, articles and a search over titles and sentences. */
import { useEffect, useState } from 'preact/hooks';
import type { CorpusArticleInfo, CorpusListing, CorpusSearchHit } from '../ext/messages';

/** Props: the listing (null while loading) and the search function. */
export interface CorpusBrowserProps {
  corpus: CorpusListing | null;
  search: (query: string) => Promise<CorpusSearchHit[]>;
}

const SEARCH_DELAY_MS = 150;

function ArticleLine({ article }: { article: CorpusArticleInfo }) {
  return (
    <span class="article-line">
      <strong>{article.outlet}</strong>
      {article.credit && <span class="credit"> ({article.credit})</span>}
      {' · '}
      {article.url ? (
        <a href={article.url} target="_blank" rel="noreferrer">{article.title ?? article.url}</a>
      ) : (
        <span title={article.id}>{article.title ?? <em class="muted">untitled ({article.id})</em>}</span>
      )}
      <span class="muted"> · {article.published ?? 'undated'} · {article.sentences} sentences</span>
    </span>
  );
}

/** Lists the corpus; typing in the search box (debounced) shows the hits instead. */
export function CorpusBrowser({ corpus, search }: CorpusBrowserProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CorpusSearchHit[] | null>(null);
  useEffect(() => {
    if (query.trim() === '') return setHits(null);
    let live = true;
    const timer = setTimeout(() => void search(query).then((found) => live && setHits(found)), SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, search]);
  if (!corpus) return <section aria-busy="true"><h2>Corpus</h2><p class="muted">Loading the corpus…</p></section>;
  return (
    <section aria-labelledby="corpus-heading">
      <h2 id="corpus-heading">Corpus</h2>
      <p class="muted">{corpus.articles.length} articles from {corpus.outlets.length} outlets: {corpus.outlets.map((o) => `${o.outlet} (${o.articles})`).join(', ')}</p>
      <label for="corpus-search">Search titles and sentences</label>
      <input id="corpus-search" type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      {hits === null ? (
        <ul class="article-list">{corpus.articles.map((a) => <li key={a.id}><ArticleLine article={a} /></li>)}</ul>
      ) : (
        <ul class="article-list" aria-live="polite">
          {hits.length === 0 && <li class="muted">Nothing found for “{query}”.</li>}
          {hits.map((hit, i) => (
            <li key={`${hit.article.id}-${i}`}>
              <ArticleLine article={hit.article} />
              {hit.sentence && <blockquote class="hit">{hit.sentence}</blockquote>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
