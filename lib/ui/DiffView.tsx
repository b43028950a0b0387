/** A word diff from this page's sentence to another outlet's. Changes are marked by more than
 *  colour: added words are underlined with a "+", removed words struck through with a "−",
 *  and each carries a hidden "added"/"removed" label for screen readers. */
import type { DiffOp } from '../match/types';

/** Props: the diff ops, page sentence -> other outlet's sentence. */
export interface DiffViewProps { diff: readonly DiffOp[] }

/** Renders the ops in order; text is shown as text only. */
export function DiffView({ diff }: DiffViewProps) {
  return (
    <p class="diff">
      {diff.map((op, i) => {
        if (op.op === 'equal') return <span key={i}>{op.text}</span>;
        if (op.op === 'insert') {
          return (
            <ins key={i} class="diff-ins">
              <span class="sr-only">added: </span>
              <span class="diff-sign" aria-hidden="true">+</span>
              {op.text}
            </ins>
          );
        }
        return (
          <del key={i} class="diff-del">
            <span class="sr-only">removed: </span>
            <span class="diff-sign" aria-hidden="true">−</span>
            {op.text}
          </del>
        );
      })}
    </p>
  );
}

/** The key to the marks, shown once above the diffs. */
export function DiffLegend() {
  return (
    <p class="diff-legend">
      <ins class="diff-ins"><span class="diff-sign" aria-hidden="true">+</span>underlined</ins> only in their version ·{' '}
      <del class="diff-del"><span class="diff-sign" aria-hidden="true">−</span>struck through</del> only on this page
    </p>
  );
}
