/** Saving text as a file from an extension page: a Blob URL on a temporary <a download>. */

/** Starts the download of `text` as `fileName` in `doc`'s window; the URL is revoked after. */
export function downloadText(fileName: string, text: string, type = 'application/x-ndjson', doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
