// Myers' O(ND) diff over integer sequences in flat arrays. It makes exactly the choices jsdiff's
// diffArrays makes (same diagonal order, same tie-break between insertion and deletion, same
// pruning at the graph's edges), so diffs read as before; it just allocates no object per step,
// which made jsdiff the larger half of the cost of a reported match.

/** A run of the edit script: `count` items kept (EQUAL), inserted from b (INSERT) or deleted from a (DELETE). */
export interface Run { kind: number; count: number }
export const EQUAL = 0;
export const INSERT = 1;
export const DELETE = 2;

/** Edit script from `a` to `b` (items compared with ===), runs in order, neighbours of one kind merged. */
export function diffRuns(a: ArrayLike<number>, b: ArrayLike<number>): Run[] {
  const oldLen = a.length, newLen = b.length;
  // Run nodes: a path is its last node; nodes are never changed once made (paths share them).
  const count: number[] = [], kind: number[] = [], prev: number[] = [];
  const node = (k: number, c: number, p: number) => (count.push(c), kind.push(k), prev.push(p) - 1);
  const offset = oldLen + newLen + 1;
  const pathOld = new Int32Array(2 * offset + 1);
  const pathLast = new Int32Array(2 * offset + 1);
  const live = new Uint8Array(2 * offset + 1);
  // Where snake() ended: its old and new positions and the path's last node (no tuple per call).
  let snakeOld = 0, snakeNew = 0, snakeLast = 0;
  /** Follows the diagonal from (oldPos, diagonal) while items agree. */
  const snake = (oldPos: number, diagonal: number, last: number): void => {
    let newPos = oldPos - diagonal, common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && a[oldPos + 1] === b[newPos + 1]) { newPos++; oldPos++; common++; }
    snakeOld = oldPos; snakeNew = newPos; snakeLast = common > 0 ? node(EQUAL, common, last) : last;
  };
  snake(-1, 0, -1);
  if (snakeOld + 1 >= oldLen && snakeNew + 1 >= newLen) return runsOf(snakeLast, count, kind, prev);
  pathOld[offset] = snakeOld; pathLast[offset] = snakeLast; live[offset] = 1;
  let minDiagonal = -Infinity, maxDiagonal = Infinity;
  for (let edit = 1; edit <= oldLen + newLen; edit++) {
    for (let d = Math.max(minDiagonal, -edit); d <= Math.min(maxDiagonal, edit); d += 2) {
      const r = d - 1 + offset, ad = d + 1 + offset;
      const hasRemove = live[r] === 1, hasAdd = live[ad] === 1;
      const removeOld = pathOld[r] as number, addOld = pathOld[ad] as number;
      if (hasRemove) live[r] = 0;
      const canAdd = hasAdd && addOld - d >= 0 && addOld - d < newLen;
      const canRemove = hasRemove && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) { live[d + offset] = 0; continue; }
      const add = !canRemove || (canAdd && removeOld < addOld);
      const fromLast = pathLast[add ? ad : r] as number;
      const k = add ? INSERT : DELETE;
      const step = fromLast >= 0 && kind[fromLast] === k
        ? node(k, (count[fromLast] as number) + 1, prev[fromLast] as number)
        : node(k, 1, fromLast);
      snake(add ? addOld : removeOld + 1, d, step);
      const oldPos = snakeOld, newPos = snakeNew, last = snakeLast;
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return runsOf(last, count, kind, prev);
      pathOld[d + offset] = oldPos; pathLast[d + offset] = last; live[d + offset] = 1;
      if (oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, d - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, d + 1);
    }
  }
  return [];
}

function runsOf(last: number, count: number[], kind: number[], prev: number[]): Run[] {
  const runs: Run[] = [];
  for (let n = last; n >= 0; n = prev[n] as number) runs.push({ kind: kind[n] as number, count: count[n] as number });
  return runs.reverse();
}
