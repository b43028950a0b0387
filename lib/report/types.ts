import type { DiffOp, MatchKind, ReuseClass } from '../match/types';

/** The page being checked. `text` is the text the sentences are split from; when it was
 *  cleaned from a raw file, `sourceOffsets[i]` is the raw offset of text[i] (length
 *  text.length + 1) and report offsets are given in the raw file's text. */
export interface PageInput {
  source: string;
  text: string;
  blockStarts?: number[];
  sourceOffsets?: number[];
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** The page's own corpus article id, if it has one: never reported. */
  articleId?: string | null;
  /** What the page says of its own publication (YYYY-MM-DD; the stated value with a time of
   *  day), who it credits and the addresses it names as its source: lib/corpus
   *  readArticleMeta / creditsInText. Missing = the page says nothing. */
  published?: string | null;
  publishedAt?: string | null;
  credits?: string[];
  sourceLinks?: string[];
}

/** Who ran a sentence first, the wire it traces to, and whether the page credits it
 *  (lib/report/provenance sentenceProvenance has the rules). */
export interface Provenance {
  /** The earliest dated version; articleId null = this page; null when nothing is dated. */
  first: { articleId: string | null; outlet: string; published: string } | null;
  /** The agency a version credits ("AFP"), or null. */
  origin: string | null;
  /** Whether this page credits the origin (no origin: the first outlet). */
  credited: boolean;
}

/** One other outlet's sentence echoing a page sentence, with its article's metadata. */
export interface ReportMatch {
  articleId: string;
  outlet: string;
  url: string | null;
  published: string | null;
  credit: string | null;
  text: string;
  kind: MatchKind;
  score: number;
  /** From the page sentence's words to the other outlet's. */
  diff: DiffOp[];
  change: string;
  /** "copy" (prose reused) or "quote" (only a direct quotation is shared). */
  reuse: ReuseClass;
}

/** A page sentence; start/end are offsets into the page's (raw, when mapped) text. */
export interface ReportSentence {
  index: number;
  text: string;
  start: number;
  end: number;
  /** Best first; at most one per article; empty when nothing echoes it. */
  matches: ReportMatch[];
  /** Set by buildReport on every sentence: null when nothing echoes it. */
  provenance?: Provenance | null;
}

/** The report both the CLI and the extension show. JSON-safe. */
export interface Report {
  /** `credits`: everyone the page credits (byline, dateline, credit lines, metadata), set by buildReport. */
  page: { source: string; title: string | null; outlet: string | null; url: string | null; credits?: string[] };
  sentences: ReportSentence[];
  summary: {
    sentences: number;
    /** Sentences with at least one match. */
    echoed: number;
    /** Distinct outlet names, most shared sentences first (ties by name). */
    outlets: string[];
    /** Echoed sentences whose provenance says the page does not credit it (set by buildReport). */
    uncredited?: number;
  };
  /** Set when a newsroom server is configured: the outlets whose matches came from it (most
   *  shared first, as in summary.outlets), and a note when it could not be used for this page. */
  newsroom?: { outlets: string[]; note: string | null };
}
