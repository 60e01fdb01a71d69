import { normalizeArxivId } from '../identity/arxiv-id';
import { titleKey } from '../identity/title-key';
import type { DigestLensDB } from './schema';

/** "This stored paper is shown with this arXiv id by the site's own record of it." */
export interface ArxivIdClaim {
  paperId: string;
  /** The title that record shows. */
  title: string;
  arxivId: string;
}

/**
 * Stores the arXiv id of papers known only by title. Only the site's own record of a paper (its
 * abstract page, its listing entry, Hugging Face's page data; lib/sites marks them `role: 'own'`)
 * may make a claim, never a reference: one citation under a wrong id would otherwise re-point a
 * paper for good (issue 9). The claim is also refused unless its title has exactly the stored
 * paper's title key (a fuzzy match never teaches an id), the paper has no id yet, and no other
 * paper has this one. Returns how many ids were stored.
 */
export async function learnArxivIds(db: DigestLensDB, claims: ArxivIdClaim[]): Promise<number> {
  if (claims.length === 0) return 0;
  return db.transaction('rw', db.papers, async () => {
    let learned = 0;
    for (const claim of claims) {
      const arxivId = normalizeArxivId(claim.arxivId);
      if (!arxivId) continue;
      const paper = await db.papers.get(claim.paperId);
      if (!paper || paper.arxivId || paper.titleKey !== titleKey(claim.title)) continue;
      if ((await db.papers.where('arxivId').equals(arxivId).count()) > 0) continue;
      await db.papers.update(paper.id, { arxivId });
      learned++;
    }
    return learned;
  });
}

/**
 * Takes a learned arXiv id off a paper the user says it does not belong to (the Library's paper
 * view). Only a paper stored by its title can have learned one: a paper whose record is keyed by
 * its id (`arxiv:<id>`) came with it and keeps it. Returns whether an id was removed.
 */
export async function forgetArxivId(db: DigestLensDB, paperId: string): Promise<boolean> {
  return db.transaction('rw', db.papers, async () => {
    const paper = await db.papers.get(paperId);
    if (!paper?.arxivId || paper.id === `arxiv:${paper.arxivId}`) return false;
    await db.papers.update(paper.id, { arxivId: null });
    return true;
  });
}
