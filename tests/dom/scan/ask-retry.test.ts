import { describe, expect, it } from 'vitest';
import { askWithRetry } from '../../../lib/page/scan/ask-retry';

type Answer = { ok: true; value: string } | { ok: false; error: string };

/** An ask() answering the given answers in turn, counting its calls. */
function answers(...list: Answer[]): { ask: () => Promise<Answer>; calls: () => number } {
  let calls = 0;
  return { ask: async () => list[Math.min(calls++, list.length - 1)]!, calls: () => calls };
}

const unreachable: Answer = { ok: false, error: 'could not reach the background: Could not establish connection. Receiving end does not exist.' };
const silent: Answer = { ok: false, error: 'no answer from the background' };
const refused: Answer = { ok: false, error: 'Echoes is switched off for example.com' };
const report: Answer = { ok: true, value: 'report' };

describe('askWithRetry', () => {
  it.each([
    ['answers at once', [report], report, 1],
    ['asks again while the background cannot be reached', [unreachable, silent, report], report, 3],
    ['does not ask again after a refusal', [refused, report], refused, 1],
    ['gives up after the last delay', [unreachable], unreachable, 3],
  ] as const)('%s', async (_name, list, expected, calls) => {
    const lines: string[] = [];
    const { ask, calls: count } = answers(...list);
    expect(await askWithRetry(ask, () => false, (l) => lines.push(l), [0, 0])).toEqual(expected);
    expect(count()).toBe(calls);
    expect(lines).toHaveLength(calls - 1);
  });

  it('stops asking once the scan is stale', async () => {
    const { ask, calls } = answers(unreachable, report);
    expect(await askWithRetry(ask, () => true, () => {}, [0, 0])).toEqual(unreachable);
    expect(calls()).toBe(1);
  });
});
