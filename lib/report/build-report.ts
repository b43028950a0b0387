import type { Article } from '../corpus/article';
import { proseOnly } from '../corpus/clean/furniture';
import { MIN_SENTENCE_WORDS, type CorpusIndex } from '../match/index/corpus-index';
import type { MatchOptions, SentenceMatch } from '../match/types';
import { runSteps } from '../match/index/steps';
import { sentenceSpans, splitSentences, type SentenceSpan } from '../text/sentences';
import { MAX_MATCH_SENTENCE_CHARS, PAGE_LIMITS, tooManySentencesError } from './limits';
import { countWords } from '../text/tokenize';
import { isSameSource, isSameText, type OverlapCounts } from './own-article';
import { addProvenance, pageFactsOf } from './report-provenance';
import type { PageInput, Report, ReportMatch, ReportSentence } from './types';

/** The part of a corpus index a report reads. `matchableSentences`: the article's count of
 *  matchable sentences (articleSentenceCount), for an index whose articles come without their
 *  text (the newsroom server's); without it the count is taken from the article's text. */
export type ReportIndex = Pick<CorpusIndex, 'matchSentence' | 'getArticle'> & { matchableSentences?(id: string): number | undefined };

/** The report of one page against a corpus index: every page sentence (split with the
 *  page's block starts), each with the other outlets' sentences that echo it. The page's
 *  own article (same id, URL, host, or the same text) is never among the matches. Offsets
 *  are mapped through `page.sourceOffsets` when given. Each sentence carries its provenance
 *  (lib/report/provenance) and the summary the number left uncredited. A sentence over
 *  MAX_MATCH_SENTENCE_CHARS is listed without matches. Pure: the index is only read. */
export function buildReport(page: PageInput, index: ReportIndex, opts: MatchOptions = {}): Report {
  const built = runSteps(reportSteps(page, index, opts, Infinity));
  if (!built.ok) throw new Error(built.error); // cannot happen without a sentence limit
  return built.report;
}

/** The report, or why the page was not matched. */
export type ReportOutcome = { ok: true; report: Report } | { ok: false; error: string };

/** buildReport as steps: yields after each sentence split and each sentence matched, so the
 *  background can match a long page in slices (runStepsTimed) while others are answered.
 *  A page of more than `maxSentences` (default PAGE_LIMITS.sentences) stops at the split
 *  with the refusal, before any matching. */
export function* reportSteps(
  page: PageInput, index: ReportIndex, opts: MatchOptions = {}, maxSentences: number = PAGE_LIMITS.sentences,
): Generator<void, ReportOutcome> {
  const spans: SentenceSpan[] = [];
  for (const span of sentenceSpans(page.text, page.blockStarts)) {
    if (spans.push(span) > maxSentences) return { ok: false, error: tooManySentencesError(maxSentences) };
    yield;
  }
  const isOwnById = memoize((id: string) => {
    const article = index.getArticle(id);
    return article ? isSameSource(page, article) : false;
  });
  const excludeArticle = (id: string) => isOwnById(id) || (opts.excludeArticle?.(id) ?? false);
  const found: SentenceMatch[][] = [];
  // Captions, credits, bylines, link lists and the like are listed but never matched: the corpus
  // leaves the same blocks out (lib/corpus/clean/furniture.ts).
  const isProse = proseOnly(page.text, page.blockStarts ?? [0]);
  for (const span of spans) {
    const matchable = span.text.length <= MAX_MATCH_SENTENCE_CHARS && isProse(span.start);
    found.push(matchable ? index.matchSentence(span.text, { ...opts, excludeArticle }) : []);
    yield;
  }
  const sameText = sameTextArticles(found, countMatchable(spans), index);
  const matched = spans.map((span, i): ReportSentence => ({
    index: span.index,
    text: span.text,
    ...mapSpan(span, page.sourceOffsets),
    matches: (found[i] ?? [])
      .filter((m) => !sameText.has(m.articleId))
      .flatMap((m) => toReportMatch(m, index.getArticle(m.articleId))),
  }));
  const own = page.articleId ? index.getArticle(page.articleId) : undefined;
  const facts = pageFactsOf(page, own && isSameSource(page, own) ? own : undefined);
  const { sentences, uncredited } = addProvenance(matched, facts, (id) => index.getArticle(id));
  const report = {
    page: { source: page.source, title: page.title, outlet: page.outlet, url: page.url, credits: [...facts.credits] },
    sentences,
    summary: { ...summarize(sentences), uncredited },
  };
  return { ok: true, report };
}

function memoize(fn: (id: string) => boolean): (id: string) => boolean {
  const seen = new Map<string, boolean>();
  return (id) => {
    let value = seen.get(id);
    if (value === undefined) seen.set(id, (value = fn(id)));
    return value;
  };
}

/** Ids of articles whose text is the page's own (see isSameText). */
function sameTextArticles(found: SentenceMatch[][], pageSentences: number, index: ReportIndex): Set<string> {
  const verbatim = new Map<string, number>();
  const covered = new Map<string, Set<number>>();
  for (const matches of found) {
    for (const m of matches) {
      if (m.kind === 'verbatim') verbatim.set(m.articleId, (verbatim.get(m.articleId) ?? 0) + 1);
      const set = covered.get(m.articleId) ?? new Set<number>();
      covered.set(m.articleId, set.add(m.sentenceIndex));
    }
  }
  const same = new Set<string>();
  for (const [id, pageVerbatim] of verbatim) {
    const article = index.getArticle(id);
    // Cheap side first: splitting the article is only worth it when the page side already holds.
    if (!article || !isSameText({ pageVerbatim, pageSentences, articleCovered: 1, articleSentences: 1 })) continue;
    const counts: OverlapCounts = {
      pageVerbatim, pageSentences,
      articleCovered: covered.get(id)?.size ?? 0,
      articleSentences: index.matchableSentences?.(id) ?? articleSentenceCount(article),
    };
    if (isSameText(counts)) same.add(id);
  }
  return same;
}

/** Sentences long enough for the index to match: shares are taken over these, so short
 *  headings and datelines ("Coup attempt?") don't dilute them. */
function countMatchable(spans: readonly SentenceSpan[]): number {
  return spans.filter((span) => countWords(span.text, MIN_SENTENCE_WORDS) >= MIN_SENTENCE_WORDS).length;
}

/** Sentences of the article a report counts when judging whether it is the page's own text. */
export function articleSentenceCount(article: Article): number {
  return countMatchable(splitSentences(article.text, article.blocks.map((b) => b.start)));
}

/** Offsets into the raw text: the raw offset of the first character and one past the last. */
function mapSpan(span: SentenceSpan, sourceOffsets?: readonly number[]): { start: number; end: number } {
  if (!sourceOffsets) return { start: span.start, end: span.end };
  const start = sourceOffsets[span.start] ?? span.start;
  const last = span.end > span.start ? sourceOffsets[span.end - 1] : undefined;
  return { start, end: last === undefined ? start : last + 1 };
}

function toReportMatch(m: SentenceMatch, article: Article | undefined): ReportMatch[] {
  if (!article) return [];
  return [{
    articleId: m.articleId, outlet: article.outlet, url: article.url,
    published: article.published, credit: article.credit,
    text: m.text, kind: m.kind, score: m.score, diff: m.diff, change: m.change, reuse: m.reuse,
  }];
}

/** Counts echoed sentences; outlets by shared sentences, descending, then by name. */
function summarize(sentences: readonly ReportSentence[]): Report['summary'] {
  const shared = new Map<string, number>();
  let echoed = 0;
  for (const sentence of sentences) {
    if (sentence.matches.length > 0) echoed += 1;
    for (const outlet of new Set(sentence.matches.map((m) => m.outlet))) {
      shared.set(outlet, (shared.get(outlet) ?? 0) + 1);
    }
  }
  const outlets = [...shared.keys()].sort((a, b) => (shared.get(b) ?? 0) - (shared.get(a) ?? 0) || a.localeCompare(b));
  return { sentences: sentences.length, echoed, outlets };
}
