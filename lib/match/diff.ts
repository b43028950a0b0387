import { diffArrays } from 'diff';
import { tokenize, type Token } from '../text/tokenize';
import type { DiffOp } from './types';

const NOT_WORD_CHARS = /[^\p{L}\p{N}]/gu;

/** A sentence cut into pieces, one per word. `keys[i]` is the word as written, lower-cased, without
 *  punctuation or digit separators (not canonical), so spelling changes show in the diff; texts[i]
 *  (textsOf) carries the spacing and punctuation before the word (trailing punctuation goes with the
 *  last piece), so joining the texts gives the sentence back. Texts are cut only when a diff needs
 *  them: a verbatim copy is answered from the keys alone. */
interface Pieces { keys: string[]; sentence: string; tokens: readonly Token[]; texts: string[] | null }

/** True when text[start, end) is ASCII letters and digits only (its key is just lower-cased). */
function isPlainAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

function piecesOf(sentence: string, tokens: readonly Token[] = tokenize(sentence)): Pieces {
  const keys: string[] = [];
  for (const t of tokens) {
    const raw = sentence.slice(t.start, t.end);
    keys.push(isPlainAscii(sentence, t.start, t.end) ? raw.toLowerCase() : raw.toLowerCase().replace(NOT_WORD_CHARS, ''));
  }
  return { keys, sentence, tokens, texts: null };
}

function textsOf(pieces: Pieces): string[] {
  if (pieces.texts) return pieces.texts;
  const { sentence, tokens } = pieces;
  pieces.texts = tokens.map((t, i) =>
    sentence.slice(i === 0 ? 0 : t.start, i === tokens.length - 1 ? sentence.length : (tokens[i + 1]?.start ?? t.end)));
  return pieces.texts;
}

// One query is diffed against all its matches: keep its pieces for the next call.
let lastQuery = '';
let lastPieces: Pieces = { keys: [], sentence: '', tokens: [], texts: [] };
function queryPieces(sentence: string): Pieces {
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
  return diffPieces(queryPieces(from), piecesOf(to), to);
}

/** A sentence already tokenised (e.g. a SentenceInfo): its text and tokens. */
export interface TokenizedSentence { text: string; tokens: readonly Token[] }
const tokenizedPieces = new WeakMap<TokenizedSentence, Pieces>();

function piecesOfTokenized(sentence: TokenizedSentence): Pieces {
  let pieces = tokenizedPieces.get(sentence);
  if (!pieces) tokenizedPieces.set(sentence, (pieces = piecesOf(sentence.text, sentence.tokens)));
  return pieces;
}

/** wordDiff(from.text, to.text) on sentences already tokenised; their pieces are kept with them. */
export function wordDiffTokenized(from: TokenizedSentence, to: TokenizedSentence): DiffOp[] {
  return diffPieces(piecesOfTokenized(from), piecesOfTokenized(to), to.text);
}

// jsdiff's diffArrays finds the edit script over the word keys (compared with ===); we only turn
// its runs of keys back into the words as written on each side.
function diffPieces(a: Pieces, b: Pieces, to: string): DiffOp[] {
  if (a.keys.length === 0 && b.keys.length === 0) return [];
  if (a.keys.length === b.keys.length && a.keys.every((k, i) => k === b.keys[i])) return [{ op: 'equal', text: to }];
  const ops: DiffOp[] = [];
  const aTexts = textsOf(a);
  const bTexts = textsOf(b);
  let ai = 0, bi = 0;
  for (const change of diffArrays(a.keys, b.keys)) {
    const count = change.value.length;
    if (change.removed) {
      push(ops, 'delete', aTexts.slice(ai, (ai += count)).join(''));
    } else {
      push(ops, change.added ? 'insert' : 'equal', bTexts.slice(bi, (bi += count)).join(''));
      if (!change.added) ai += count;
    }
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
