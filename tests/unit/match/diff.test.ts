import { describe, expect, it } from 'vitest';
import { describeChange, wordDiff } from '../../../lib/match/diff';
import type { DiffOp } from '../../../lib/match/types';

const side = (ops: DiffOp[], keep: 'insert' | 'delete') => ops.filter((o) => o.op === 'equal' || o.op === keep).map((o) => o.text).join('');
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('wordDiff', () => {
  it('gives back both sentences\' words and merges consecutive ops', () => {
    const from = 'The CSTO mission of more than 2,000 troops was despatched at the peak of the crisis last week.';
    const to = 'The CSTO mission of more than 2,000 troops was dispatched last week at the height of the crisis.';
    const ops = wordDiff(from, to);
    expect(words(side(ops, 'delete'))).toEqual(words(from));
    expect(side(ops, 'insert')).toBe(to);
    ops.slice(1).forEach((op, i) => expect(op.op).not.toBe(ops[i]?.op));
  });

  it('is one equal op for the same words, whatever the quotes and case', () => {
    expect(wordDiff('“We will leave,” he said.', '"We will leave," He said.')).toEqual([{ op: 'equal', text: '"We will leave," He said.' }]);
  });
});

describe('describeChange', () => {
  it.each([
    ['In two days the withdrawal will begin.', 'In two days the withdrawal will begin.', 'same words'],
    ['The troops were despatched last week.', 'The troops were dispatched last week.', 'spelling'],
    ['The pullout will take no more than 10 days.', 'The pullout will take no more than 12 days.', 'numbers'],
    ['President Kassym-Jomart Tokayev spoke on Tuesday.', 'President Qasym-Zhomart Tokhaev spoke on Tuesday.', 'names'],
    ['The forces would begin leaving the country.', 'The troops would begin leaving the country.', 'words swapped'],
    ['The forces would begin leaving.', 'The forces would begin leaving the troubled country.', 'words added'],
    ['The forces would begin leaving the troubled country.', 'The forces would begin leaving.', 'words removed'],
    ['Last week the troops arrived in Almaty.', 'The troops arrived in Almaty last week.', 'reordered'],
  ])('%s -> %s', (from, to, label) => {
    expect(describeChange(wordDiff(from, to))).toBe(label);
  });

  it('joins several labels', () => {
    expect(describeChange(wordDiff('The troops were despatched in 2 days.', 'The troops were dispatched in 3 days to Almaty.')))
      .toBe('spelling, numbers, words added');
  });
});
