import { describe, expect, it } from 'vitest';
import { compareSentences } from '../../../lib/match/verify/verify';

// Pinned from the seed articles (000 TRT World, 001 The Moscow Times/AFP, 003) and from articles
// of the same story: what must and must not count as an echo.
const CSTO_000 = 'The CSTO mission of more than 2,000 troops was despatched at the peak of the crisis last week, after armed clashes between government opponents and security forces and a looting spree rendered parts of the largest city Almaty almost unrecognisable.';
const CSTO_003 = 'The CSTO mission of more than 2,000 troops was dispatched last week at the height of the crisis, following armed clashes between government opponents and security forces and a looting that made parts of the largest city, Almaty, almost unrecognizable.';
const QUOTE_000 = '"The main mission of the CSTO peacekeeping forces has been successfully completed," Tokayev said on Tuesday, referring to troops of the Collective Security Treaty Organization.';
const QUOTE_003 = 'Addressing the government and parliament in a video conference call broadcast live on Tuesday, Tokayev said: “The main mission of the CSTO peacekeepers has been successfully completed.”';
const CAPTION_001 = 'The CSTO mission of more than 2,000 troops was despatched at the peak of the crisis last week.';

describe('compareSentences: same sentence, edited', () => {
  it.each([
    ['clauses moved, spelling and words swapped (000 vs 003)', CSTO_000, CSTO_003],
    ['a shared quote in different framing (000 vs 003)', QUOTE_000, QUOTE_003],
    ['a truncated copy (001 caption vs 000)', CAPTION_001, CSTO_000],
    ['names transliterated differently', "Kazakhstan's President Kassym-Jomart Tokayev said the troops would begin leaving in two days.", "Kazakhstan's President Qasym-Zhomart Tokhaev said the troops would begin leaving in two days."],
  ])('%s -> reworded', (_, a, b) => {
    expect(compareSentences(a, b)?.kind).toBe('reworded');
    expect(compareSentences(b, a)?.kind).toBe('reworded');
  });

  it('identical words after normalisation are verbatim with score 1', () => {
    const curly = 'Former national security committee chief Karim Masimov — a key Nazarbayev ally — was arrested.';
    const plain = 'Former National Security Committee chief Karim Masimov - a key Nazarbayev ally - was arrested';
    expect(compareSentences(curly, plain)).toEqual({ kind: 'verbatim', score: 1 });
  });
});

describe('compareSentences: different facts in a similar frame', () => {
  it.each([
    ['different detention figures', 'Authorities in Almaty on Thursday reported detaining nearly 2,000 more people over their alleged involvement in the unrest and looting.', "Kazakh security forces detained nearly 10,000 people over the unrest, Kazakhstan's Interior Ministry said on Tuesday."],
    ['different flights', "Turkiye's flag-carrier Turkish Airlines will restart flights to Kazakhstan from January 13, the airline said in a statement.", "Meanwhile, the first international flight arrived at Almaty airport from Turkey's Antalya on Thursday, the airport said."],
  ])('%s -> no match at any kind', (_, a, b) => {
    expect(compareSentences(a, b, 0)).toBeNull();
  });
});

describe('compareSentences: figures', () => {
  const days10 = 'The withdrawal process of the contingent will take no more than 10 days, he said.';
  it('a copy with another figure is never verbatim or reworded (at most a low-confidence paraphrase)', () => {
    const verdict = compareSentences(days10, days10.replace('10', '30'), 0);
    expect(verdict?.kind ?? 'none').not.toMatch(/verbatim|reworded/);
  });
  it('a weekday is a figure: Tuesday is not Thursday', () => {
    const tuesday = 'Tokayev met the families of the security officers killed in the violence on Tuesday.';
    const verdict = compareSentences(tuesday, tuesday.replace('Tuesday', 'Thursday'), 0);
    expect(verdict?.kind ?? 'none').not.toMatch(/verbatim|reworded/);
  });
  it('a rounded figure is the same figure', () => {
    const exact = 'The bulk of the funds, some $64.7 billion, will go for military operations in Iraq and Afghanistan.';
    expect(compareSentences(exact, exact.replace('64.7', '65'))?.kind).toBe('reworded');
  });
});

describe('compareSentences: scores and strictness', () => {
  it('scores lie in 0..1 and a stricter setting never reports more', () => {
    const pairs: Array<[string, string]> = [[CSTO_000, CSTO_003], [QUOTE_000, QUOTE_003], [CAPTION_001, CSTO_000],
      ['Troops of a Russia-led alliance began leaving Kazakhstan on Thursday.', 'The Russia-led troops started to leave Kazakhstan on Thursday, officials said.']];
    for (const [a, b] of pairs) {
      const verdicts = [0, 0.5, 1].map((s) => compareSentences(a, b, s));
      for (const v of verdicts) if (v) expect(v.score).toBeGreaterThanOrEqual(0), expect(v.score).toBeLessThanOrEqual(1);
      const reported = verdicts.map((v) => (v ? 1 : 0));
      expect(reported).toEqual([...reported].sort((x, y) => y - x));
    }
  });

  it('empty or wordless input is never a match', () => {
    expect(compareSentences('', CSTO_000)).toBeNull();
    expect(compareSentences('— …', '— …')).toBeNull();
  });
});
