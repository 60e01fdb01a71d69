/**
 * A short excerpt of a text around the words a search matched, with those words marked, for
 * the Library's results. Words are compared as the search compares them (accents dropped,
 * lowercase, a query word matches the start of a word), but the excerpt keeps the text as written.
 */

export interface SnippetPart {
  text: string;
  /** True for a word the query matched. */
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

function folded(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The excerpt of `text` (at most about `length` characters, cut between words, "…" where cut)
 * that starts a little before the first matched word; the beginning of the text when no word
 * matches. `queryWords` are already folded (lib/db/search.ts searchWords).
 */
export function snippet(text: string, queryWords: readonly string[], length = 220): SnippetPart[] {
  const matches: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(WORD)) {
    const word = folded(m[0]);
    if (queryWords.some((q) => word.startsWith(q))) matches.push({ start: m.index, end: m.index + m[0].length });
  }
  const first = matches[0]?.start ?? 0;
  // A few words of context before the first match, cut at a space.
  let start = Math.max(0, first - 60);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space >= first ? first : space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', match: false });
  let at = start;
  for (const m of matches) {
    if (m.start < start || m.end > end) continue;
    if (m.start > at) parts.push({ text: text.slice(at, m.start), match: false });
    parts.push({ text: text.slice(m.start, m.end), match: true });
    at = m.end;
  }
  if (end > at) parts.push({ text: text.slice(at, end), match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}
