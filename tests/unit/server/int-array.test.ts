import { describe, expect, it } from 'vitest';
import { intArrayLiteral } from '../../../lib/server/int-array';

describe('intArrayLiteral', () => {
  it.each([
    [[], '{}'],
    [[7], '{7}'],
    [[1, -2, 2147483647, -2147483648], '{1,-2,2147483647,-2147483648}'],
    [Int32Array.from([0, -1]), '{0,-1}'],
  ])('%j -> %s', (values, literal) => expect(intArrayLiteral(values)).toBe(literal));
});
