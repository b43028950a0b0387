/** Text from files, databases and requests printed to a terminal: control characters (escape
 *  sequences could rewrite the screen) become U+FFFD. */

/** `text` with C0/C1 control characters other than tab replaced. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '\ufffd');
}
