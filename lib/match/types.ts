/** How closely a corpus sentence echoes the query sentence.
 *  verbatim: the same words in the same order once normalised;
 *  reworded: the same sentence edited (words swapped, clauses cut/added/moved, spelling, transliteration);
 *  paraphrase: the same statement largely in other words (lower confidence). */
export type MatchKind = 'verbatim' | 'reworded' | 'paraphrase';

/** What a match shares: "copy" = one outlet's prose reused in another's (verbatim or edited);
 *  "quote" = the same direct quotation, with each outlet's own prose around it. */
export type ReuseClass = 'copy' | 'quote';

/** One step of a word diff; `text` keeps the original spacing and punctuation. */
export interface DiffOp { op: 'equal' | 'insert' | 'delete'; text: string }

/** One corpus sentence that echoes a query sentence. */
export interface SentenceMatch {
  /** Article the corpus sentence belongs to. */
  articleId: string;
  /** Index of the sentence among the article's indexed sentences (splitSentences order). */
  sentenceIndex: number;
  /** The corpus sentence, as it appears in the article text. */
  text: string;
  kind: MatchKind;
  /** Confidence 0..1 (1 = verbatim). */
  score: number;
  /** From the query sentence's words to the corpus sentence's. */
  diff: DiffOp[];
  /** Short label of what changed, e.g. "spelling, words removed" (see describeChange). */
  change: string;
  /** Whether prose was reused or only a quotation is shared (see reuseOf). */
  reuse: ReuseClass;
}

/** Options of CorpusIndex.matchSentence. */
export interface MatchOptions {
  /** Kinds to report; default ['verbatim', 'reworded']. */
  kinds?: readonly MatchKind[];
  /** Articles to leave out (e.g. the page's own article). */
  excludeArticle?: (articleId: string) => boolean;
  /** 0..1, default 0.5 (the tuned thresholds); higher reports fewer, surer matches. */
  strictness?: number;
  /** Leave out matches that only share a direct quotation (reuse "quote"); default false. */
  hideQuotes?: boolean;
}

/** Pairwise verdict: the kind and a 0..1 score; null from compareSentences means "not a match". */
export interface MatchVerdict { kind: MatchKind; score: number }
