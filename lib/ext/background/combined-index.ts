/** The built-in corpus, the user's corpus and a newsroom server's candidates matched as one:
 *  what buildReport reads. */
import type { MatchKind, SentenceMatch } from '../../match/types';
import type { ReportIndex } from '../../report/build-report';

const KIND_RANK: Record<MatchKind, number> = { verbatim: 0, reworded: 1, paraphrase: 2 };

/** One index over `parts` (nulls skipped): each part answers its best match per article, and
 *  the answers are merged in CorpusIndex.matchSentence's order (kind, score descending, then
 *  article id). Article ids are unique across the local parts (imports rename a clash); an id
 *  two parts share (a newsroom server holding an article this browser also has) is the first
 *  part's: its matches and metadata win, the later part's are dropped. */
export function combineIndexes(parts: ReadonlyArray<ReportIndex | null>): ReportIndex {
  const live = parts.filter((p): p is ReportIndex => p !== null);
  if (live.length === 1) return live[0] as ReportIndex;
  const owner = (id: string) => live.find((part) => part.getArticle(id) !== undefined);
  return {
    getArticle: (id) => owner(id)?.getArticle(id),
    matchableSentences: (id) => owner(id)?.matchableSentences?.(id),
    matchSentence(sentence, opts) {
      const seen = new Set<string>();
      const found: SentenceMatch[] = [];
      for (const part of live) {
        for (const m of part.matchSentence(sentence, opts)) if (!seen.has(m.articleId)) found.push(m);
        for (const m of found) seen.add(m.articleId);
      }
      return found.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.score - a.score || a.articleId.localeCompare(b.articleId));
    },
  };
}
