import { normalizeArxivId } from '@/lib/identity/arxiv-id';
import { type SeenPaper, seenPaper } from '@/lib/identity/seen-paper';
import { isSupportedPage } from '@/lib/sites/hosts';

/**
 * The note editor's query: which paper, and the page's theme. The content script that builds it
 * (lib/content/features/note-frame.ts) is ours, but a page the iframe is allowed on could load the editor
 * with any query, so every parameter is checked here as untrusted data. It only ever names a
 * paper: note text never travels in a URL.
 */

export const MAX_TITLE_LENGTH = 2000;
export const MAX_ABSTRACT_LENGTH = 4000;
const MAX_URL_LENGTH = 2048;

export interface NoteEditorParams {
  /** Never with authors: the query does not carry them. */
  paper: SeenPaper;
  /** The page's light or dark look, when the content script could tell. */
  theme: 'light' | 'dark' | null;
}

/** Whitespace (control characters included) collapsed to single spaces. */
function cleanText(value: string | null): string {
  return (value ?? '').replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

/** An https page on arXiv or Hugging Face, without its fragment; else null. */
function pageUrl(value: string | null): string | null {
  if (!value || value.length > MAX_URL_LENGTH) return null;
  try {
    const url = new URL(value);
    // The sites whose pages show the editor (lib/sites/hosts.ts, the content scripts' matches).
    if (!isSupportedPage(url)) return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** The paper named by the query, or null when there is none (no title, or one too long to be a title). */
export function readNoteEditorParams(search: string): NoteEditorParams | null {
  const query = new URLSearchParams(search);
  const title = cleanText(query.get('title'));
  if (title === '' || title.length > MAX_TITLE_LENGTH) return null;
  const rawId = cleanText(query.get('arxivId'));
  const abstract = cleanText(query.get('abstract'));
  const theme = query.get('theme');
  return {
    paper: seenPaper({
      title,
      // An id that is not an arXiv id is dropped: the paper is then known by its title.
      arxivId: rawId ? normalizeArxivId(rawId) : null,
      abstract: abstract !== '' && abstract.length <= MAX_ABSTRACT_LENGTH ? abstract : null,
      url: pageUrl(query.get('url')),
    }),
    theme: theme === 'light' || theme === 'dark' ? theme : null,
  };
}
