import { describe, expect, it } from 'vitest';
import { checkMatchRequest, checkMatchResponse, matchRequestFor } from '../../../lib/report/newsroom-protocol';

describe('newsroom match request', () => {
  const page = { text: 'The minister resigned on Tuesday after the vote. Nobody expected it.', blockStarts: [0] };

  it.each([
    [undefined, undefined],
    [['verbatim', 'reworded'] as const, false],
    [['verbatim', 'reworded', 'paraphrase'] as const, undefined],
    [['paraphrase'] as const, undefined],
  ])('kinds %j give paraphrase %j', (kinds, paraphrase) => {
    const request = matchRequestFor(page, kinds);
    expect(request.paraphrase).toBe(paraphrase);
    expect(request.queries).toHaveLength(2);
  });

  it.each([
    [{ queries: [[1, 2]] }, { queries: [[1, 2]] }],
    [{ queries: [[1, 2]], paraphrase: false }, { queries: [[1, 2]], paraphrase: false }],
    [{ queries: [[1, 2]], paraphrase: true }, { queries: [[1, 2]] }],
    [{ queries: [[1, 2]], paraphrase: 'no' }, { error: '"paraphrase" is true or false when given' }],
    [{ queries: [[-1]] }, { error: 'queries[0] is not a list of at most 2000 unsigned 32-bit keys' }],
    [{}, { error: 'expected {"queries": [[key, ...], ...]}' }],
  ])('checks %j', (raw, expected) => {
    expect(checkMatchRequest(raw)).toEqual(expected);
  });
});

describe('newsroom match answer', () => {
  const empty = { sentences: [], articles: [], stopped: [7] };

  it.each([
    [{ ...empty, listLengths: [[1, 3], [4294967295, 0]] }, { ...empty, listLengths: [[1, 3], [4294967295, 0]] }],
    [empty, { ...empty, listLengths: [] }],
    [{ ...empty, listLengths: [[1, 3, 4]] }, { error: 'the server\'s answer has malformed list lengths' }],
    [{ ...empty, listLengths: [[1, -3]] }, { error: 'the server\'s answer has malformed list lengths' }],
    [{ ...empty, listLengths: { 1: 3 } }, { error: 'the server\'s answer has malformed list lengths' }],
  ])('checks list lengths in %j (an older server sends none)', (raw, expected) => {
    expect(checkMatchResponse(raw)).toEqual(expected);
  });
});
