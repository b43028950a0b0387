/** Kind of a block of article text. `headline` is kept for consumers that show the title as
 *  a block; Article.blocks itself only holds body, heading and caption blocks. */
export type BlockKind = 'headline' | 'heading' | 'body' | 'caption';

/** A block of an article; start/end are offsets into Article.text (end exclusive). */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

/** One corpus article, cleaned and with its metadata resolved. */
export interface Article {
  /** File name without extension, JSON id, or a stable hash of url/text. */
  id: string;
  /** Display name, e.g. "The Moscow Times". */
  outlet: string;
  /** Host without "www.", e.g. "themoscowtimes.com"; null when unknown. */
  site: string | null;
  url: string | null;
  /** YYYY-MM-DD; null when unknown. */
  published: string | null;
  /** The stated publication time with its time of day ("2019-11-18T19:09:22+00:00"), when the
   *  source gave one on the `published` date; absent otherwise. Only the provenance of
   *  same-day versions reads it. */
  publishedAt?: string | null;
  title: string | null;
  /** Wire or byline credit: "AFP", "TRTWorld and agencies"; null when unknown. */
  credit: string | null;
  /** Cleaned article text: blocks joined with "\n\n" (headline not included). */
  text: string;
  /** Body/heading/caption blocks of `text`, in order, not overlapping. */
  blocks: Block[];
}
