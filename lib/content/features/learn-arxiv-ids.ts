import { askBackground } from '../../messaging/clients';
import type { PaperMatch } from '../../messaging/protocol/content-to-background';
import type { FoundPaper } from '../../sites/types';
import { type ContentPage, warnUnlessOrphaned } from '../page';

/**
 * The arXiv ids a page may teach: for each paper shown by the site's own record of it (role `own`,
 * never a reference) with an arXiv id, matched to a stored paper by its exact title key (never by a
 * fuzzy match; a match by id already has one). The background checks the title key again before
 * storing (lib/db/learn-arxiv-ids.ts).
 */
export function arxivIdClaims(papers: FoundPaper[], matches: Array<PaperMatch | null>) {
  return papers.flatMap((found, i) => {
    const match = matches[i];
    if (found.role !== 'own' || !found.arxivId || match?.matchedBy !== 'title') return [];
    return [{ paperId: match.paperId, title: found.title, arxivId: found.arxivId }];
  });
}

/** Teaches the corpus the ids this page's own records show for papers it knows only by title: one request, after the lookup. */
export async function init(signal: AbortSignal, page: ContentPage): Promise<void> {
  const claims = arxivIdClaims(page.papers, await page.matches);
  if (claims.length === 0 || signal.aborted) return;
  await askBackground({ type: 'learn-arxiv-ids', papers: claims }).catch((error: unknown) => warnUnlessOrphaned(page.ctx, error));
}
