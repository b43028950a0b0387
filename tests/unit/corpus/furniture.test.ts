import { describe, expect, it } from 'vitest';
import { blockRole, proseOnly } from '../../../lib/corpus/clean/furniture';

// Shapes of page furniture and captions met on real news pages, in our own words.
describe('blockRole', () => {
  it.each([
    'You may also like',
    'Sign up to our newsletter for the best of the week, every Friday',
    'Get the latest headlines right in your inbox.',
    'Follow her on Twitter @jdoe or on Facebook.',
    'Jane Doe may be reached at jdoe@example.com.',
    'Staff writers Ann Lee and Bo Chan contributed to this report.',
    '(Reporting by Ann Lee; editing by Bo Chan)',
    'Copyright © 2024 Example Media.',
    'Order Reprints | Print Article | Text size',
    'FLOOD fears: Towns brace for the wettest week in years [INSIGHT]',
    'Read more: Ten things we learned from the budget',
    'Published November 20th, 2024 - 07:50 GMT',
    '| UPDATED: 10:43, Tue, Nov 19, 2024',
    'Updated on: March 3, 2024 / 10:07 AM / Example News',
    'March 3, 2024 / 1:07 AM / Example News',
    'By Newsroom Staff | March 3, 2024 at 2:26 PM',
    'Media playback is unsupported on your device',
  ])('furniture: %s', (text) => expect(blockRole(text)).toBe('furniture'));

  it.each([
    'Image caption The minister leaves the talks on Monday',
    'Image credit: Reuters',
    'Image copyright Getty Images',
    'Rescue teams search the rubble (Image: GETTY)',
    'The harbour at dawnCredit: Alamy',
    '( JOHN SMITH/SCIENCE PHOTO LIBRARY)',
    'Alex Brown | Getty Images',
  ])('caption: %s', (text) => expect(blockRole(text)).toBe('caption'));

  it.each([
    'The minister said the talks would resume on Monday.',
    'Published figures show the economy grew 2% in 2023, the agency said.',
    '"We will rebuild," she said.',
    'By the end of the day, 40 people had been rescued.',
  ])('prose: %s', (text) => expect(blockRole(text)).toBe('prose'));
});

describe('proseOnly', () => {
  it('answers per offset, for offsets in ascending order', () => {
    const text = 'First paragraph here.\n\nImage credit: Reuters\n\nLast paragraph.';
    const test = proseOnly(text, [0, 23, 46]);
    expect([0, 10, 23, 30, 46].map(test)).toEqual([true, true, false, false, true]);
  });
});
