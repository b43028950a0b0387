/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A whole HTML document: UTF-8, viewport meta, the given head extras, inline style and body. */
export function htmlDocument(parts: { title: string; head?: string; style: string; bodyClass?: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(parts.title)}</title>
${parts.head ?? ''}
<style>${parts.style}</style>
</head>
<body${parts.bodyClass ? ` class="${esc(parts.bodyClass)}"` : ''}>
${parts.body}
</body>
</html>
`;
}

/** "2022-01-11" -> "January 11, 2022"; other input is returned as it is. */
export function longDate(isoDate: string | null): string {
  if (!isoDate) return '';
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}
