import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../lib/corpus/files/json-error';

describe('findJsonSyntaxError', () => {
  it.each([
    ['[\n{"a": 1}}\n]', 2, 9, 'unexpected "}"'],
    ['[\n{"a": x}\n]', 2, 7, 'unexpected "x"'],
    ['[1,\n2\n', 3, 1, 'the text ends too early'],
    ['{"a":"b\nc"}', 1, 8, 'unexpected "\\n"'],
    ['[1]\n[2]', 2, 1, 'unexpected "["'],
    ['{"a" 1}', 1, 6, 'unexpected "1"'],
    ['[1,]', 1, 4, 'unexpected "]"'],
    ['"\\x"', 1, 3, 'unexpected "x"'],
    ['', 1, 1, 'the text ends too early'],
  ])('%j fails at line %i column %i', (text, line, column, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, reason });
  });

  it.each([['[]'], ['{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}'], [' "x" ']])('%j is valid', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeNull();
  });
});
