import { type PaperIdentity, paperIdentity, sameByTitle } from '../identity/same-paper';
import type { SeenPaper } from '../identity/seen-paper';
import type { Paper } from './entities';
import { papersByArxivId, papersByTitleKey } from './find-papers';
import type { DigestLensDB } from './schema';

/**
 * The stored paper each seen paper is, or null, by the identity rule (lib/identity/same-paper.ts):
 * the paper with its arXiv id, else the paper with its title key unless their arXiv ids disagree.
 * Reads only. Two batched lookups whatever the number of papers (find-papers.ts), so a page of
 * 200 papers or a digest of thousands costs the same two queries.
 */
export async function resolvePapers(db: DigestLensDB, seen: Array<Pick<SeenPaper, 'title' | 'arxivId'>>): Promise<Array<Paper | null>> {
  return resolveIdentities(db, seen.map(paperIdentity));
}

/** resolvePapers for identities already worked out (import needs the title keys anyway). */
export async function resolveIdentities(db: DigestLensDB, identities: PaperIdentity[]): Promise<Array<Paper | null>> {
  const [byArxivId, byTitleKey] = await Promise.all([
    papersByArxivId(
      db,
      identities.flatMap((i) => (i.arxivId ? [i.arxivId] : [])),
    ),
    papersByTitleKey(
      db,
      identities.map((i) => i.titleKey),
    ),
  ]);
  return identities.map(({ arxivId, titleKey }) => {
    const exact = arxivId ? byArxivId.get(arxivId) : undefined;
    if (exact) return exact;
    const byTitle = byTitleKey.get(titleKey);
    return byTitle && sameByTitle(byTitle, arxivId) ? byTitle : null;
  });
}
