import { normalizeArxivId } from '../identity/arxiv-id';
import { DigestLineError, quote } from './errors';
import { isoDayOfTimestamp } from './formats';
import type { DigestContent, DigestDate, ParsedPaper } from './types';
import { childText, findElements } from './xml';

/**
 * Parser for arXiv API Atom feeds (`export.arxiv.org/api/query`), both the pre-2026 layout
 * (`http://` ids, `<title type="html">ArXiv Query:`, namespaced opensearch) and the 2026 one
 * (`<title>` before `<updated>`, alternate/related links). Read with a small regex-based reader
 * (xml.ts, whose header says why it is hand-written): the service worker has no DOMParser.
 */

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** The `<feed …>` start tag when the document (after the XML declaration, comments) is an Atom feed. */
export function atomFeedTag(text: string): string | null {
  const match = /^(?:\s*(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->))*\s*(<feed[\s>][^>]*>?)/.exec(text);
  return match?.[1] ?? null;
}

export function isAtomFeed(text: string): boolean {
  const tag = atomFeedTag(text);
  return tag?.includes(ATOM_NAMESPACE) ?? false;
}

/** Line numbers of offsets, by binary search over the newline positions (a feed may hold thousands of entries). */
function lineFinder(text: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((newlines[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

function oneLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function timestamp(raw: string | null): DigestDate | null {
  if (raw === null) return null;
  const trimmed = raw.trim();
  const iso = isoDayOfTimestamp(trimmed);
  return iso ? { raw: trimmed, iso } : null;
}

export function parseArxivAtom(text: string): DigestContent {
  const lineAt = lineFinder(text);
  const feedStart = text.search(/<feed[\s>]/);
  const feedLine = lineAt(Math.max(feedStart, 0));
  const entries = findElements(text, 'entry');
  if (entries.length === 0) {
    throw new DigestLineError(feedLine, 'this arXiv Atom feed has no entries (did the query match no papers?): nothing to import');
  }
  const header = text.slice(0, entries[0]?.start ?? text.length);

  const papers: ParsedPaper[] = [];
  const updates: DigestDate[] = [];
  entries.forEach((entry, index) => {
    const line = lineAt(entry.start);
    const where = `entry ${index + 1}`;
    if (!entry.closed) throw new DigestLineError(line, `${where} has no </entry>: the file looks truncated`);
    const id = oneLine(childText(entry.inner, 'id') ?? '');
    if (/arxiv\.org\/api\/errors/i.test(id)) {
      const message = oneLine(childText(entry.inner, 'summary') ?? '');
      throw new DigestLineError(line, `the arXiv API answered with an error, not papers: ${quote(message, 120)}`);
    }
    const idMatch = /arxiv\.org\/abs\/(.+)$/i.exec(id);
    const arxivId = idMatch ? normalizeArxivId(idMatch[1] as string) : null;
    if (!arxivId) {
      throw new DigestLineError(line, `${where}: expected an <id> like http://arxiv.org/abs/2501.11120v1, found ${quote(id || '(none)')}`);
    }
    const title = oneLine(childText(entry.inner, 'title') ?? '');
    if (title === '') throw new DigestLineError(line, `${where} (${arxivId}) has no <title>`);
    const titleOffset = findElements(entry.inner, 'title')[0]?.start ?? -1;
    // The start tag <entry> is on one line, so the title's line counts from the entry's.
    const titleLine = titleOffset === -1 ? line : line + entry.inner.slice(0, titleOffset).split('\n').length - 1;
    const published = timestamp(childText(entry.inner, 'published'));
    const updated = timestamp(childText(entry.inner, 'updated'));
    if (updated) updates.push(updated);
    const authors = findElements(entry.inner, 'author');
    const authorNames = authors.map((author) => oneLine(childText(author.inner, 'name') ?? '')).filter((name) => name !== '');
    papers.push({
      title,
      abstract: oneLine(childText(entry.inner, 'summary') ?? ''),
      authors: authors.length || null,
      authorNames: authorNames.length ? authorNames.slice(0, 2000) : null,
      organization: null,
      published,
      upvotes: 0,
      arxivId,
      line: titleLine,
    });
  });

  // The feed's own <updated> (the query's day); a feed saved without its header: its latest entry.
  let digestDate = timestamp(childText(header, 'updated'));
  if (!digestDate) {
    for (const candidate of updates) if (!digestDate || candidate.raw > digestDate.raw) digestDate = candidate;
  }
  if (!digestDate) {
    throw new DigestLineError(feedLine, 'the feed carries no date: neither the feed nor its entries have an <updated> timestamp');
  }
  return { format: 'arxiv-atom', digestDate, papers };
}
