import { diffArrays } from 'diff';
import { tokenize } from '../text/tokenize';
import type { DiffOp } from './types';

const NOT_WORD_CHARS = /[^\p{L}\p{N}]/gu;

/** `key` is the word as written, lower-cased, without punctuation or digit separators (not canonical), so spelling changes show in the diff. */
interface Piece { key: string; text: string }

/** Cuts a sentence into pieces, one per word, each carrying the spacing and punctuation before it;
 *  trailing punctuation goes with the last piece, so joining the pieces gives the sentence back. */
function piecesOf(sentence: string): Piece[] {
  const tokens = tokenize(sentence);
  return tokens.map((t, i) => ({
    key: sentence.slice(t.start, t.end).toLowerCase().replace(NOT_WORD_CHARS, ''),
    text: sentence.slice(i === 0 ? 0 : t.start, i === tokens.length - 1 ? sentence.length : (tokens[i + 1]?.start ?? t.end)),
  }));
}

// One query is diffed against all its matches: keep its pieces for the next call.
let lastQuery = '';
let lastPieces: Piece[] = [];
function queryPieces(sentence: string): Piece[] {
  if (sentence !== lastQuery) [lastQuery, lastPieces] = [sentence, piecesOf(sentence)];
  return lastPieces;
}

function push(ops: DiffOp[], op: DiffOp['op'], text: string): void {
  if (text === '') return;
  const last = ops[ops.length - 1];
  if (last && last.op === op) last.text += text;
  else ops.push({ op, text });
}

/** Word-level diff from `from` (the query sentence) to `to` (the corpus sentence), compared on
 *  words as written (case, apostrophes and digit separators ignored; spelling variants such as
 *  despatched/dispatched show as delete + insert, for describeChange to call "spelling"). Equal runs carry `to`'s text; consecutive ops of one kind are merged. Joining equal+delete texts gives back `from`'s
 *  words, equal+insert gives `to`. */
export function wordDiff(from: string, to: string): DiffOp[] {
  const a = queryPieces(from);
  const b = piecesOf(to);
  if (a.length === 0 && b.length === 0) return [];
  if (a.length === b.length && a.every((p, i) => p.key === b[i]?.key)) return [{ op: 'equal', text: to }];
  const parts = diffArrays(a, b, { comparator: (x, y) => x.key === y.key });
  const ops: DiffOp[] = [];
  for (const part of parts) {
    const op: DiffOp['op'] = part.added ? 'insert' : part.removed ? 'delete' : 'equal';
    push(ops, op, part.value.map((p) => p.text).join(''));
  }
  return ops;
}

const isNumber = (w: string) => /^\d/.test(w);
const isName = (text: string) => /^\p{Lu}/u.test(text.trim().replace(/^\W+/u, ''));

/** Label of one replaced run (deleted words followed by inserted ones). */
function replacementLabel(removed: string, added: string): string {
  const from = tokenize(removed).map((t) => t.word);
  const to = tokenize(added).map((t) => t.word);
  if (from.join(' ') === to.join(' ')) return 'spelling';
  if (from.some(isNumber) || to.some(isNumber)) return 'numbers';
  if (isName(removed) && isName(added)) return 'names';
  return 'words swapped';
}

/** Short label of what changed in a wordDiff: "same words" when nothing did, else the distinct
 *  labels among "spelling", "numbers", "names", "words swapped", "words added", "words removed",
 *  "reordered" (same words deleted in one place and inserted in another), joined with ", ". */
export function describeChange(diff: readonly DiffOp[]): string {
  const labels: string[] = [];
  const removedWords: string[] = [];
  const addedWords: string[] = [];
  for (let i = 0; i < diff.length; i++) {
    const op = diff[i];
    const next = diff[i + 1];
    if (!op || op.op === 'equal') continue;
    if (op.op === 'delete' && next?.op === 'insert') {
      labels.push(replacementLabel(op.text, next.text));
      i++;
      continue;
    }
    const words = tokenize(op.text).map((t) => t.word);
    (op.op === 'insert' ? addedWords : removedWords).push(...words);
    labels.push(op.op === 'insert' ? 'words added' : 'words removed');
  }
  if (labels.length === 0) return 'same words';
  const moved = removedWords.length > 0 && [...removedWords].sort().join(' ') === [...addedWords].sort().join(' ');
  const distinct = [...new Set(moved ? ['reordered', ...labels.filter((l) => !l.startsWith('words '))] : labels)];
  return distinct.join(', ');
}
