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
}

/** The report both the CLI and the extension show. JSON-safe. */
export interface Report {
  page: { source: string; title: string | null; outlet: string | null; url: string | null };
  sentences: ReportSentence[];
  summary: {
    sentences: number;
    /** Sentences with at least one match. */
    echoed: number;
    /** Distinct outlet names, most shared sentences first (ties by name). */
    outlets: string[];
  };
}
