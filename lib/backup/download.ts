/**
 * Saves a file the extension made, in the page's own document: a Blob behind an object URL,
 * clicked through an `<a download>`. Nothing leaves the machine; no `downloads` permission needed.
 */
export function downloadFile(fileName: string, content: BlobPart, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
