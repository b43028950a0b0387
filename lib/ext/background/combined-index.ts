/** The built-in and the user corpus matched as one: what buildReport reads. */
import type { CorpusIndex } from '../../match/corpus-index';
import type { MatchKind, SentenceMatch } from '../../match/types';
import type { ReportIndex } from '../../report/build-report';

const KIND_RANK: Record<MatchKind, number> = { verbatim: 0, reworded: 1, paraphrase: 2 };

/** One index over `parts` (empty ones and nulls skipped): each part answers its best match per
 *  article, and the answers are merged in CorpusIndex.matchSentence's order (kind, score
 *  descending, then article id). Article ids are unique across the parts (imports rename a
 *  clash); should two parts still share one, getArticle answers the first part's. */
export function combineIndexes(parts: ReadonlyArray<CorpusIndex | null>): ReportIndex {
  const live = parts.filter((p): p is CorpusIndex => p !== null);
  if (live.length === 1) return live[0] as CorpusIndex;
  return {
    getArticle(id) {
      for (const part of live) {
        const article = part.getArticle(id);
        if (article) return article;
      }
      return undefined;
    },
    matchSentence(sentence, opts) {
      const found: SentenceMatch[] = live.flatMap((part) => part.matchSentence(sentence, opts));
      return found.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.score - a.score || a.articleId.localeCompare(b.articleId));
    },
  };
}
