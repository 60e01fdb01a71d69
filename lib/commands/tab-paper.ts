import { placeholderTitle } from '../db/page-paper';
import { type SeenPaper, seenPaper } from '../identity/seen-paper';
import { askTab } from '../messaging/clients';
import { arxivIdFromUrl, isSupportedPage } from '../sites';

/** The content script answers from the page it has read: a popup or a command should not wait long for it. */
export const PAGE_PAPER_TIMEOUT_MS = 3000;

/**
 * The paper a tab shows: asked of the tab's content script (it has read the page), else read from
 * the URL alone, which is all there is for an arXiv PDF (the viewer runs no content script and
 * shows no title). Null for a tab that shows no paper.
 */
export async function paperOfTab(tab: { id?: number; url?: string }): Promise<SeenPaper | null> {
  const { id, url } = tab;
  if (!url || id === undefined || !isSupportedPage(url)) return null;
  let answer: SeenPaper | null = null;
  try {
    answer = await askTab(id, PAGE_PAPER_TIMEOUT_MS)({ type: 'page-paper' });
  } catch {
    // No content script there (a PDF, or a tab opened before DigestLens was installed).
  }
  const arxivId = arxivIdFromUrl(new URL(url));
  return answer ?? (arxivId ? seenPaper({ title: placeholderTitle(arxivId), arxivId, url }) : null);
}
