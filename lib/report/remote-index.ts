/** A report index over a newsroom server's answer: the candidate sentences it sent are matched
 *  and verified here with lib/match's findMatches, exactly as an in-memory index would match
 *  the same corpus (the server only narrows the corpus down to candidates). */
import type { Article } from '../corpus/article';
import type { SentenceInfo } from '../match/verify/analyze';
import { analyzeSentence } from '../match/verify/analyze';
import { findMatches, type MatchSource } from '../match/find-matches';
import { keyWeight } from '../match/index/rarity';
import { shingleKeys } from '../match/index/shingles';
import type { MatchOptions, SentenceMatch } from '../match/types';
import { wordsOf } from '../text/tokenize';
import type { ReportIndex } from './build-report';
import type { MatchResponse, RemoteArticle, RemoteSentence } from './newsroom-protocol';

/** A ReportIndex over a checked MatchResponse (see checkMatchResponse). Sentences whose article
 *  is missing from the answer are never matched. */
export function remoteIndex(response: MatchResponse): ReportIndex & { articleIds(): string[] } {
  const source = new RemoteSource(response);
  return {
    matchSentence: (sentence: string, opts?: MatchOptions): SentenceMatch[] => findMatches(source, sentence, opts),
    getArticle: (id: string) => source.article(id),
    matchableSentences: (id: string) => source.meta.get(id)?.sentences,
    articleIds: () => [...source.meta.keys()],
  };
}

/** The answer's sentences as a MatchSource: local ids 0..n-1 in the server's id order (the
 *  order they were stored in, as an in-memory index over the same imports would number them). */
class RemoteSource implements MatchSource {
  readonly meta = new Map<string, RemoteArticle>();
  private readonly rows: RemoteSentence[];
  private readonly byKey = new Map<number, number[]>();
  private readonly infos = new Map<number, SentenceInfo>();
  private readonly articles = new Map<string, Article>();
  private readonly words: number[] = [];
  private readonly hits: Uint16Array;
  private readonly weights: Uint32Array;
  private readonly stopped: ReadonlySet<number>;
  /** keyWeight of each key some row holds, by the list length the server gave. */
  private readonly keyWeights = new Map<number, number>();

  constructor(response: MatchResponse) {
    for (const a of response.articles) this.meta.set(a.id, a);
    this.rows = response.sentences.filter((s) => this.meta.has(s.article)).sort((a, b) => a.id - b.id);
    this.hits = new Uint16Array(Math.max(1, this.rows.length));
    this.weights = new Uint32Array(this.hits.length);
    const stopped = new Set(response.stopped);
    this.stopped = stopped;
    // Keys from the sentence text as the client reads it: what the server says about keys is not trusted.
    this.rows.forEach((row, id) => {
      const words = wordsOf(row.text);
      this.words.push(words.length);
      for (const key of shingleKeys(words)) {
        if (stopped.has(key)) continue;
        const list = this.byKey.get(key);
        if (list) list.push(id);
        else this.byKey.set(key, [id]);
      }
    });
    // A key the server gave no length for is listed by at least the rows sent with it.
    const lengths = new Map(response.listLengths);
    for (const [key, list] of this.byKey) this.keyWeights.set(key, keyWeight(Math.max(list.length, lengths.get(key) ?? 0)));
  }

  /** The article's metadata as an Article without text (a report reads only metadata). */
  article(id: string): Article | undefined {
    const held = this.articles.get(id);
    if (held) return held;
    const meta = this.meta.get(id);
    if (!meta) return undefined;
    const { sentences: _count, ...rest } = meta;
    const article: Article = { ...rest, text: '', blocks: [] };
    this.articles.set(id, article);
    return article;
  }

  countHits(keys: readonly number[], hits: Uint16Array, weights: Uint32Array, touched: number[]): number {
    let stoppedKeys = 0;
    for (const key of new Set(keys)) {
      if (this.stopped.has(key)) stoppedKeys++;
      const weight = this.keyWeights.get(key) ?? 0;
      for (const id of this.byKey.get(key) ?? []) {
        if (hits[id] === 0) touched.push(id);
        hits[id] = Math.min(65535, (hits[id] as number) + 1);
        weights[id] = (weights[id] as number) + weight;
      }
    }
    return stoppedKeys;
  }

  hitBuffers(): { hits: Uint16Array; weights: Uint32Array } {
    return { hits: this.hits, weights: this.weights };
  }

  wordCount(id: number): number {
    return this.words[id] ?? 0;
  }

  articleIdOf(id: number): string | null {
    return this.rows[id]?.article ?? null;
  }

  sentenceIndexOf(id: number): number {
    return this.rows[id]?.index ?? -1;
  }

  sentenceText(id: number): string {
    return this.rows[id]?.text ?? '';
  }

  sentenceInfo(id: number): SentenceInfo {
    let info = this.infos.get(id);
    if (!info) this.infos.set(id, (info = analyzeSentence(this.sentenceText(id))));
    return info;
  }
}
