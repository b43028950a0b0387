import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../../lib/match/verify/analyze';
import { reuseOf } from '../../../lib/match/verify/reuse';

const reuse = (a: string, b: string) => reuseOf(analyzeSentence(a), analyzeSentence(b));

describe('reuseOf', () => {
  it.each([
    ['plain prose, edited', 'The council approved the budget on Monday after a long debate.', 'The council approved the budget Monday after a lengthy debate.'],
    ['quote and its attribution copied', '"We will rebuild every school that was damaged," the mayor said on Friday, speaking at the town hall.', '"We will rebuild every school that was damaged," the mayor said, speaking at the town hall.'],
    ['the same quoted sentence word for word', '"We will rebuild every school that was damaged," he said.', '"We will rebuild every school that was damaged," he said.'],
  ])('%s is a copy', (_, a, b) => {
    expect(reuse(a, b)).toBe('copy');
    expect(reuse(b, a)).toBe('copy');
  });

  it.each([
    ['two reporters, one statement', 'Speaking to reporters outside the court, Ms Lane said: "We will appeal this verdict with everything we have."', '"We will appeal this verdict with everything we have," the defendant\'s lawyer told the BBC.'],
    ['quote with a bare attribution on one side', '"We will appeal this verdict with everything we have," she said.', 'Her lawyer vowed outside the courthouse on Tuesday: "We will appeal this verdict with everything we have."'],
    ['one side prints the words without marks', '"The bridge will reopen to traffic before the end of the month," a ministry spokesman told reporters in the capital.', 'Officials said at a briefing that the bridge will reopen to traffic before the end of the month.'],
  ])('%s is a quote', (_, a, b) => {
    expect(reuse(a, b)).toBe('quote');
    expect(reuse(b, a)).toBe('quote');
  });
});
