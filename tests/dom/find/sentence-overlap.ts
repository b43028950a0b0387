import type { TextModel } from '../../../lib/page/model/text-model';

/** Comparison form for measuring extraction: lower case, letters and digits only, single spaces. */
export function squashSentence(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Sentences of a text model (cut at block starts and at . ! ? followed by space), normalised,
 *  keeping those of at least `minWords` words (one-word labels say little about extraction). */
export function modelSentences(model: TextModel, minWords = 4): string[] {
  const out: string[] = [];
  const starts = [...model.blockStarts, model.text.length];
  for (let b = 0; b + 1 < starts.length; b++) {
    const block = model.text.slice(starts[b], starts[b + 1]);
    for (const piece of block.split(/(?<=[.!?]["”’)]?)\s+/u)) {
      const s = squashSentence(piece);
      if (s.split(' ').length >= minWords) out.push(s);
    }
  }
  return out;
}

/** recall: share of `expected` sentences found in `ours` (as text); precision: share of `ours`
 *  found in `expected`'s text. Both 1 when the side measured is empty. */
export function overlap(expected: readonly string[], ours: readonly string[]): { recall: number; precision: number } {
  const ourText = ` ${ours.join(' | ')} `;
  const expectedText = ` ${expected.join(' | ')} `;
  const found = expected.filter((s) => ourText.includes(` ${s} `)).length;
  const kept = ours.filter((s) => expectedText.includes(` ${s} `)).length;
  return {
    recall: expected.length ? found / expected.length : 1,
    precision: ours.length ? kept / ours.length : 1,
  };
}
