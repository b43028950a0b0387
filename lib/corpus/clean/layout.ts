import { classifyLine, repairUrl, type ArticleClues } from './boilerplate';

/** A kept piece of one raw line: raw[start, end), trimmed. `gapBefore` is true when a blank
 *  or dropped line separates it from the previous unit. */
export interface Unit {
  start: number;
  end: number;
  text: string;
  gapBefore: boolean;
  caption: boolean;
}

/** Raw lines -> kept units plus the clues read from the dropped ones. A unit that repeats
 *  the previous one (a caption printed twice) is dropped. */
export function readUnits(raw: string): { units: Unit[]; clues: ArticleClues } {
  const units: Unit[] = [];
  const clues: ArticleClues = {};
  let gap = false;
  let expectUrl = false;
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = lineRe.exec(raw); m && m[0] !== ''; m = lineRe.exec(raw)) {
    const lead = /^\s*/.exec(m[0])![0].length;
    const body = m[0].slice(lead).trimEnd();
    if (body === '') {
      gap = true;
      continue;
    }
    if (expectUrl) {
      expectUrl = false;
      const url = repairUrl(body);
      if (url) {
        clues.url ??= url;
        gap = true;
        continue;
      }
    }
    const verdict = classifyLine(body);
    if (verdict.action === 'drop') {
      for (const [k, v] of Object.entries(verdict.clues ?? {})) clues[k as keyof ArticleClues] ??= v;
      expectUrl = verdict.expectUrl ?? false;
      gap = true;
      continue;
    }
    const piece = body.slice(verdict.from, verdict.to);
    const trimmedLead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text === '') continue;
    const start = m.index + lead + verdict.from + trimmedLead;
    if (units.at(-1)?.text === text) continue;
    units.push({ start, end: start + text.length, text, gapBefore: gap || units.length === 0, caption: verdict.caption });
    gap = false;
  }
  return { units, clues };
}

const TERMINAL = /[.!?…:]["'”’)\]]*$/;
const CONTINUES = /[,;–—-]$/;
// Words a sentence cannot end on: when a line ends on one, the sentence goes on below.
const NON_FINAL = new Set(
  ('a an the to of in on at for with by from into onto over under about after before between through during ' +
    'against and or but nor that which who whose whom than as its their his her our your my is are was were be ' +
    'been being has have had will would shall should can could may might must do does did not very also if ' +
    'when while because although though where whether this these those such per via among amid')
    .split(' '),
);

/** Whether `next` continues the sentence `prev` leaves open: prev has no final punctuation and
 *  next starts lower-case, prev ends on a comma/dash or on a word that cannot end a sentence,
 *  or the lines are hard-wrapped. Captions never join. */
export function continuesSentence(prev: Unit, next: Unit, hardWrapped: boolean): boolean {
  if (prev.caption || next.caption || TERMINAL.test(prev.text)) return false;
  if (/^\p{Ll}/u.test(next.text) || CONTINUES.test(prev.text)) return true;
  const lastWord = /[\p{L}']+$/u.exec(prev.text)?.[0].toLowerCase() ?? '';
  if (NON_FINAL.has(lastWord)) return true;
  return hardWrapped && !next.gapBefore;
}

/** Whether a run of lines with no blank line between them looks hard-wrapped: at least three
 *  lines, and most of them (but the last) end without final punctuation. */
export function isHardWrapped(run: readonly Unit[]): boolean {
  if (run.length < 3) return false;
  const open = run.slice(0, -1).filter((u) => !TERMINAL.test(u.text)).length;
  return open * 3 >= (run.length - 1) * 2;
}

/** Whether a one-line block reads as a heading: short, no final period/comma/colon, not
 *  starting lower-case. "Coup attempt?" and "Turkish Airlines to restart flights" qualify. */
export function isHeadingLike(text: string): boolean {
  if (text.length > 120 || /[.,;:"”’]$/.test(text) || !/^["“‘'(\p{Lu}\p{N}]/u.test(text)) return false;
  return text.split(/\s+/).length <= 14 && /\p{L}/u.test(text);
}

/** Groups units into blocks (each a list of units to join with a space). */
export function groupBlocks(units: readonly Unit[]): Unit[][] {
  const blocks: Unit[][] = [];
  let wrapped = false;
  units.forEach((unit, i) => {
    if (unit.gapBefore) {
      let runEnd = i + 1;
      while (runEnd < units.length && !units[runEnd]!.gapBefore) runEnd++;
      wrapped = isHardWrapped(units.slice(i, runEnd));
    }
    const current = blocks.at(-1);
    const prev = current?.at(-1);
    if (current && prev && continuesSentence(prev, unit, wrapped)) current.push(unit);
    else blocks.push([unit]);
  });
  return blocks;
}
