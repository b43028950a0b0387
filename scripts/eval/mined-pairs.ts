// Same-topic non-paraphrases mined from MSRP train, as the index would hand them to verification:
// for each sentence, one sentence of ANOTHER pair that passes findMatches' candidate bars (shares
// at least minHitsFor shingle keys and LOOSEST_CANDIDATES.minShare of them). MSRP's own negatives
// were picked for high overlap, so a model fitted on them alone never sees the sentences a real
// page meets most: same story, another statement. Some mined pairs are in fact paraphrases (MSRP
// holds several pairs of one news cluster): fit-matcher weighs them as a share of a pair.
import { LOOSEST_CANDIDATES, minHitsFor, plainShare } from '../../lib/match/find-matches';
import { shingleKeys } from '../../lib/match/index/shingles';
import type { SentenceInfo } from '../../lib/match/verify/analyze';
import { createRng } from '../bench/prng';

/** A mined pair: sentences `a` and `b` of MSRP pairs `pairA` and `pairB` (never the same pair). */
export interface MinedPair { a: SentenceInfo; b: SentenceInfo; pairA: number; pairB: number }

/** One mined pair per sentence that has a candidate of another pair (picked at random, seeded). */
export function minePairs(pairs: ReadonlyArray<readonly [SentenceInfo, SentenceInfo]>, seed = 5): MinedPair[] {
  const sentences = pairs.flatMap(([a, b], pair) => [{ info: a, pair }, { info: b, pair }]);
  const keys = sentences.map((s) => shingleKeys(s.info.words));
  const lists = new Map<number, number[]>();
  keys.forEach((ks, id) => {
    for (const k of ks) {
      const list = lists.get(k);
      if (list) list.push(id);
      else lists.set(k, [id]);
    }
  });
  const rng = createRng(seed);
  const mined: MinedPair[] = [];
  sentences.forEach((s, id) => {
    const hits = new Map<number, number>();
    for (const k of keys[id] ?? []) for (const other of lists.get(k) ?? []) if (other !== id) hits.set(other, (hits.get(other) ?? 0) + 1);
    const keyCount = keys[id]?.length ?? 0;
    const candidates = [...hits].filter(([other, h]) => {
      const o = sentences[other] as (typeof sentences)[number];
      return o.pair !== s.pair && o.info.text !== s.info.text && h >= minHitsFor(keyCount) &&
        plainShare(h, keyCount, o.info.words.length) >= LOOSEST_CANDIDATES.minShare;
    });
    if (candidates.length === 0) return;
    const other = sentences[(candidates[rng.int(0, candidates.length - 1)] as [number, number])[0]] as (typeof sentences)[number];
    mined.push({ a: s.info, b: other.info, pairA: s.pair, pairB: other.pair });
  });
  return mined;
}
