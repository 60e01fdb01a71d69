import type { SeenPaper } from '../identity/seen-paper';

/**
 * The note editor's address, written once for every place that shows it: the frame a content
 * script puts under a paper (lib/annotate/note-frame.ts) and the popup's This page view. It names
 * the paper and the look to match, nothing else: the note itself is read and written by the editor
 * page in the extension's origin, so no note text passes through a URL, a content script or the
 * host page's DOM. The editor checks every parameter (entrypoints/note-editor/paper-params.ts).
 * Imports only lib/identity types: content scripts bundle it.
 */

/** Abstracts longer than this stay out of the URL (the editor stores the paper without one). */
export const MAX_ABSTRACT_IN_URL = 4000;

export function noteEditorPath(
  paper: Pick<SeenPaper, 'title' | 'arxivId' | 'url'> & { abstract?: string | null },
  theme: 'light' | 'dark' | null,
): `/note-editor.html?${string}` {
  const query = new URLSearchParams({ title: paper.title });
  if (paper.arxivId) query.set('arxivId', paper.arxivId);
  if (paper.url) query.set('url', paper.url);
  if (paper.abstract && paper.abstract.length <= MAX_ABSTRACT_IN_URL) query.set('abstract', paper.abstract);
  if (theme) query.set('theme', theme);
  return `/note-editor.html?${query}`;
}
