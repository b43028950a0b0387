/** The host permission an address needs, as a match pattern ("https://host/*"): without the
 *  port, which Firefox's patterns may not hold and Chrome's then match on any port. Shared by
 *  the options page (which asks for it) and the background (which checks it). */
export function hostPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
