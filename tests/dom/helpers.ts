import type { MatchKind } from '../../lib/match/types';
import type { ReportSentence } from '../../lib/report/types';
import type { TextModel } from '../../lib/page/model/text-model';

/** A report sentence over model.text[start, end) with one match of `kind`. */
export function sentenceAt(model: TextModel, index: number, start: number, end: number,
  kind: MatchKind = 'verbatim'): ReportSentence {
  return {
    index, start, end, text: model.text.slice(start, end),
    matches: [{
      articleId: `a${index}`, outlet: `Outlet ${index}`, url: null, published: null, credit: null,
      text: model.text.slice(start, end), kind, score: 0.9,
      diff: [{ op: 'equal', text: model.text.slice(start, end) }], change: 'same words', reuse: 'copy',
    }],
  };
}

/** Sentences of a model cut at ". " and block starts: simple, deterministic, enough for tests. */
export function simpleSentences(model: TextModel, kind: MatchKind = 'verbatim'): ReportSentence[] {
  const cuts = new Set<number>([...model.blockStarts, model.text.length]);
  for (const m of model.text.matchAll(/[.!?]["”’)]?\s+/g)) cuts.add((m.index ?? 0) + m[0].length);
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: ReportSentence[] = [];
  let start = 0;
  for (const cut of sorted) {
    const raw = model.text.slice(start, cut);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text.length > 0) out.push(sentenceAt(model, out.length, start + lead, start + lead + text.length, kind));
    start = cut;
  }
  return out;
}

/** Runs scheduled work at once (tests don't wait for animation frames). */
export const immediate = (run: () => void): void => run();
