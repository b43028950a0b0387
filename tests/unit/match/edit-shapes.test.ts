import { describe, expect, it } from 'vitest';
import { compareSentences } from '../../../lib/match/verify/verify';

// The edit shapes real outlets make when they reuse a sentence, and the look-alikes that share a
// frame but not a statement. Our own examples, in the shapes met on real cross-outlet pages.
describe('copies edited on one side are reworded', () => {
  it.each([
    ['a large clause added (home town, maximum penalty)',
      'Daniel Ortega pleaded guilty on Monday to one count of wire fraud, prosecutors said.',
      'Daniel Ortega, 41, of Springfield, pleaded guilty on Monday to one count of wire fraud, which carries a maximum penalty of 20 years in federal prison, prosecutors said.'],
    ['trimmed and lightly reworded wire sentence',
      'Tickets for the Midnight Harbor tour go on sale at 10 a.m. Friday through Ticketmaster.',
      'Tickets go on sale Friday at 10 a.m. through Ticketmaster, with presales starting Wednesday, Nov. 20.'],
    ['a short statement with its attribution',
      '"We are reviewing the decision," the company said.',
      '"We are reviewing the decision," the company said in a statement on Thursday.'],
    ['an appositive inserted into a lead',
      'Tokayev said the contingent of troops he had requested would begin leaving the country in two days.',
      'Tokayev said the contingent of troops he had requested from the Collective Security Treaty Organization (CSTO), a military alliance of former Soviet states, would begin leaving the country in two days.'],
    ['clauses reordered with a figure kept',
      'According to the agency, there were 3,120 cases reported nationwide between 2014 and 2018, with 412 deaths.',
      'From 2014 to 2018 there were 3120 cases reported nationwide, including 412 deaths.'],
    ['reworded opening, the long tail copied',
      "The EU wants Britain to hand over Morales, 52, over his alleged role in the theft of classified naval and diplomatic cables in 2012.",
      "Separately, the EU is seeking Morales's transfer from Britain over his alleged role in the theft of classified naval and diplomatic cables by hackers in 2012."],
  ])('%s', (_, a, b) => {
    expect(compareSentences(a, b)?.kind).toBe('reworded');
    expect(compareSentences(b, a)?.kind).toBe('reworded');
  });
});

describe('sentences that share only a frame are not matches', () => {
  it.each([
    ['two quotations with the same long attribution',
      '"Our customers asked for faster checkout and this delivers it," said Maria Lopez, vice president of payments at Northwind Systems.',
      '"Security has always been the first thing we design for," said Maria Lopez, vice president of payments at Northwind Systems.'],
    ['short different quotations, same attribution',
      '"This is a great day," said Tom Baker, senior vice president of global sales at Contoso Group.',
      '"We never saw it coming," said Tom Baker, senior vice president of global sales at Contoso Group.'],
    ['the same credit line under two different photos',
      'Firefighters tackle the blaze on the hillside above the town. Image credit: Reuters',
      'Residents watch as smoke rises over the valley. Image credit: Reuters'],
  ])('%s', (_, a, b) => {
    expect(compareSentences(a, b, 0)).toBeNull();
    expect(compareSentences(b, a, 0)).toBeNull();
  });

  it.each([
    ['a different figure in the same frame',
      'The storm killed at least 25 million chickens across the region, officials said.',
      'The storm killed at least 50 million chickens across the region, officials said.'],
    ['a different person in the same frame',
      'Prime Minister Anna Berg met the families of the victims on Tuesday.',
      'Interior Minister Lars Holm met the families of the victims on Tuesday.'],
  ])('%s is never reworded', (_, a, b) => {
    expect(compareSentences(a, b)?.kind ?? 'none').not.toMatch(/verbatim|reworded/);
  });
});
