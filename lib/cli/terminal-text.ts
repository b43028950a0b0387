/** Text from pages, corpora and file names, made safe to print: terminal control sequences
 *  (ESC [2J clears the screen, ESC ] 0;title BEL retitles the window, C1 controls such as
 *  U+009B are a one-character ESC [) must not reach the terminal, piped or not, since a pipe
 *  often ends in one (less -R, a CI log viewer). Only the CLI's own colours are escapes. */

/** C0 controls but tab and line feed, DEL, and C1 controls. */
const CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** The same, line feed and tab included: for one-line fields (a title, a file name). */
const CONTROL_OR_BREAK_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` with every control character shown as U+FFFD (visible, and clearly not the text's);
 *  tabs and line breaks are kept. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_RE, '\uFFFD');
}

/** terminalSafe for a one-line field: line breaks and tabs become spaces as well. */
export function terminalSafeLine(text: string): string {
  return text.replace(CONTROL_OR_BREAK_RE, (c) => (c === '\t' || c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' ? ' ' : '\uFFFD'));
}

/** JSON for a terminal: JSON.stringify already escapes C0 controls; DEL and C1 controls are
 *  escaped here too (\u009b), so the JSON means the same and prints no control character. */
export function terminalSafeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A copy of `value` with every string in it made terminalSafeLine (numbers, booleans and
 *  null as they are): a report is printed from such a copy, so no field can be forgotten. */
export function terminalSafeCopy<T>(value: T): T {
  if (typeof value === 'string') return terminalSafeLine(value) as T;
  if (Array.isArray(value)) return value.map((item) => terminalSafeCopy(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, terminalSafeCopy(item)])) as T;
  }
  return value;
}
