import { describe, expect, it } from 'vitest';
import { editDistance, isNameVariant } from '../../../lib/match/verify/fuzzy';

describe('isNameVariant', () => {
  it.each([['tokayev', 'toqaev'], ['tokayev', 'tokhaev'], ['nazarbayev', 'nazarvaev'], ['kassym', 'qasym'], ['jomart', 'zhomart']])(
    '%s ~ %s', (a, b) => expect(isNameVariant(a, b)).toBe(true),
  );
  it.each([['tuesday', 'thursday'], ['austria', 'australia'], ['almaty', 'astana'], ['iran', 'iraq'], ['2000', '2001'], ['tokayev', 'masimov']])(
    '%s is not %s', (a, b) => expect(isNameVariant(a, b)).toBe(false),
  );
});

describe('editDistance', () => {
  it('counts edits and stops past the limit', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});
