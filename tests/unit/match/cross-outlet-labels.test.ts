import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../../lib/match/verify/analyze';
import { reuseOf } from '../../../lib/match/verify/reuse';
import { compareSentences } from '../../../lib/match/verify/verify';

// The labelled shared sentences of the real cross-outlet pages (tests/fixtures/cross-outlet),
// sentence against sentence: what the verifier must say without the pages around them. The
// page-level figures (raw HTML, article finding included) are `npm run eval -- --cross-outlet`.
interface Pair { story: string; label: string; furniture?: boolean; a: { text: string }; b: { text: string } }
const pairs = (JSON.parse(readFileSync(join(__dirname, '../../fixtures/cross-outlet/labels.json'), 'utf8')) as { pairs: Pair[] }).pairs;
const of = (label: string) => pairs.filter((p) => p.label === label).map((p) => [p.story, p] as const);

describe('real cross-outlet pairs', () => {
  it.each([...of('copy'), ...of('quote')])('%s: a copied sentence or shared quote is reworded, with its reuse class', (_, p) => {
    for (const [x, y] of [[p.a.text, p.b.text], [p.b.text, p.a.text]] as const) {
      expect(compareSentences(x, y)?.kind).toMatch(/verbatim|reworded/);
      expect(reuseOf(analyzeSentence(x), analyzeSentence(y))).toBe(p.label);
    }
  });

  it.each(of('different').filter(([, p]) => !p.furniture))('%s: a look-alike with other facts is never reworded', (_, p) => {
    expect(compareSentences(p.a.text, p.b.text)?.kind ?? 'none').not.toMatch(/verbatim|reworded/);
    expect(compareSentences(p.b.text, p.a.text)?.kind ?? 'none').not.toMatch(/verbatim|reworded/);
  });

  it('the paraphrase tier finds at least half of the labelled paraphrases', () => {
    const paraphrases = of('paraphrase').map(([, p]) => p);
    const found = paraphrases.filter((p) => compareSentences(p.a.text, p.b.text) !== null).length;
    expect(found / paraphrases.length).toBeGreaterThanOrEqual(0.5);
  });
});
