import { describe, expect, it } from 'vitest';
import { matchDateAt, toIsoDate } from '../../../lib/corpus/meta/dates';

describe('dates', () => {
  it.each([
    ['2022-01-11', '2022-01-11'],
    ['2022-01-11T09:30:00Z', '2022-01-11'],
    ['January 11, 2022', '2022-01-11'],
    ['Jan. 11, 2022', '2022-01-11'],
    ['Fri. Jan 21st, 2022', '2022-01-21'],
    ['Tuesday, 11 January 2022', '2022-01-11'],
    ['Sept 3 2021', '2021-09-03'],
    ['Feb 30, 2022', null],
    ['2022-13-01', null],
    ['yesterday', null],
    ['11/01/2022', null],
  ])('toIsoDate(%j) = %j', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it('matchDateAt reports how much of the text the date used', () => {
    expect(matchDateAt('January 11, 2022 Fast News')).toEqual({ date: '2022-01-11', length: 16 });
    expect(matchDateAt('The January 11, 2022 vote')).toBeNull();
  });
});
