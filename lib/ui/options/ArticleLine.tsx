/** One corpus article on the options page: outlet, credit, title (a link only for web
 *  addresses), date and size; a built-in tag, or for the user's own articles "Remove" and, for
 *  those that came from a feed or were read, "Pin" (retention then keeps it) or "Unpin". */
import type { CorpusArticleInfo } from '../../ext/messaging/messages';

/** Props: the article, whether the built-in corpus is hidden, and the actions. */
export interface ArticleLineProps {
  article: CorpusArticleInfo;
  hidden: boolean;
  onRemove(id: string): void;
  onPin(id: string, pinned: boolean): void;
}

/** Only web addresses become links; anything else an imported file claims is shown as text. */
export function webUrl(url: string | null): string | null {
  return url !== null && /^https?:\/\//i.test(url) ? url : null;
}

/** The line. */
export function ArticleLine({ article, hidden, onRemove, onPin }: ArticleLineProps) {
  const link = webUrl(article.url);
  const title = article.title ?? article.url ?? `untitled (${article.id})`;
  return (
    <span class="article-line" data-article-id={article.id}>
      <strong>{article.outlet}</strong>
      {article.credit && <span class="credit"> ({article.credit})</span>}
      {' · '}
      {link ? <a href={link} target="_blank" rel="noreferrer">{title}</a> : <span title={article.id}>{title}</span>}
      <span class="muted"> · {article.published ?? 'undated'} · {article.sentences} sentences</span>
      {article.origin === 'builtin' ? (
        <span class="origin-tag">{hidden ? 'built-in, hidden' : 'built-in'}</span>
      ) : (
        <>
          {article.retention === 'pinned' && <span class="origin-tag pinned-tag" title="Kept however old, until you unpin it">pinned</span>}
          {article.retention && (
            <button type="button" class="link pin" aria-pressed={article.retention === 'pinned'}
              title={article.retention === 'pinned' ? 'Let retention remove it again once it is old' : 'Keep it however old: retention never removes it'}
              onClick={() => onPin(article.id, article.retention !== 'pinned')}>
              {article.retention === 'pinned' ? 'Unpin' : 'Pin'}<span class="sr-only"> {title}</span>
            </button>
          )}
          <button type="button" class="link remove" onClick={() => onRemove(article.id)}>
            Remove<span class="sr-only"> {title}</span>
          </button>
        </>
      )}
    </span>
  );
}
