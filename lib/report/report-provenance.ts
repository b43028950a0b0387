/** Provenance for a whole report: the page's facts gathered once, then every echoed
 *  sentence's provenance and the count the page leaves uncredited. */
import type { Article } from '../corpus/article';
import { sentenceProvenance, type OtherVersion, type PageFacts } from './provenance';
import type { PageInput, ReportSentence } from './types';

/** The page's provenance facts: what the page input states, completed from the page's own
 *  corpus article (`own`, e.g. a seed with its sources.json entry) where the page is silent. */
export function pageFactsOf(page: PageInput, own: Article | undefined): PageFacts {
  const credits = page.credits?.filter((c) => typeof c === 'string') ?? [];
  if (own?.credit && !credits.includes(own.credit)) credits.push(own.credit);
  return {
    outlet: own?.outlet ?? page.outlet ?? null, // the corpus' name for it is the curated one
    url: page.url,
    published: page.published ?? own?.published ?? null,
    publishedAt: page.publishedAt ?? null,
    credits,
    sourceLinks: page.sourceLinks?.filter((u) => typeof u === 'string') ?? [],
  };
}

/** `sentences` with `provenance` set (null on those nothing echoes), and how many echoed
 *  ones the page does not credit. A sentence that only shares a direct quotation (every
 *  match's reuse is "quote") counts as credited: it owes nobody. `articleOf` gives each
 *  match's article (its site). */
export function addProvenance(
  sentences: readonly ReportSentence[], facts: PageFacts, articleOf: (id: string) => Article | undefined,
): { sentences: ReportSentence[]; uncredited: number } {
  let uncredited = 0;
  const out = sentences.map((s): ReportSentence => {
    if (s.matches.length === 0) return { ...s, provenance: null };
    const others = s.matches.map((m): OtherVersion => {
      const article = articleOf(m.articleId);
      return {
        articleId: m.articleId, outlet: m.outlet, url: m.url, published: m.published, credit: m.credit,
        site: article?.site ?? null, publishedAt: article?.publishedAt ?? null,
      };
    });
    // A quotation two outlets share is the speaker's words, not one outlet's prose: it owes no credit.
    const quoteOnly = s.matches.every((m) => m.reuse === 'quote');
    const found = sentenceProvenance(facts, others);
    const provenance = quoteOnly ? { ...found, credited: true } : found;
    if (!provenance.credited) uncredited += 1;
    return { ...s, provenance };
  });
  return { sentences: out, uncredited };
}
