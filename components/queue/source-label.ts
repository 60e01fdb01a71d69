/** Where a queue item came from, in words: a page, a digest, the Library (components/library/PaperControls.tsx). */
export function queueSourceLabel(source: string): string {
  if (source === 'library') return 'from the Library';
  if (source.startsWith('digest:')) return 'from a digest';
  try {
    const url = new URL(source);
    return `from ${url.hostname}${url.pathname}`;
  } catch {
    return source;
  }
}
