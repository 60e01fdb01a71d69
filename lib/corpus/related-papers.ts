import { type DigestLensDB, digestMemberships, papersById } from '../db';
import type { SeenPaper } from '../identity/seen-paper';
import type { RelatedPaper } from '../messaging/protocol/content-to-background';
import type { CorpusIndexes } from './corpus-indexes';

/**
 * The digest papers most related to a paper (which need not be in the corpus itself), using its
 * title and abstract as the query. `excludeId` is the paper itself when it is stored (the page
 * learned it from its lookup answer, so it is not looked up again here).
 */
export async function relatedPapers(
  db: DigestLensDB,
  indexes: CorpusIndexes,
  paper: Pick<SeenPaper, 'title' | 'abstract'>,
  excludeId: string | null,
  limit: number,
): Promise<RelatedPaper[]> {
  const { related } = await indexes.fresh();
  const hits = related.query(
    { title: paper.title, abstract: paper.abstract ?? null },
    { k: limit, excludeIds: excludeId ? [excludeId] : [] },
  );
  const ids = hits.map((h) => h.id);
  const [papers, memberships] = await Promise.all([papersById(db, ids), digestMemberships(db, ids)]);
  indexes.prefetchFuzzy();
  return hits.flatMap((hit, i) => {
    const stored = papers[i];
    if (!stored) return [];
    return [
      {
        paperId: hit.id,
        title: stored.title,
        arxivId: stored.arxivId,
        score: hit.score,
        strength: hit.strength,
        terms: hit.terms,
        digests: memberships.get(hit.id) ?? [],
      },
    ];
  });
}

/** How strongly each paper relates to the digests: the strength of its best related paper. */
export async function relatedStrengths(indexes: CorpusIndexes, papers: Array<Pick<SeenPaper, 'title' | 'abstract'>>): Promise<number[]> {
  const { related } = await indexes.fresh();
  indexes.prefetchFuzzy();
  return papers.map((p) => related.query({ title: p.title, abstract: p.abstract ?? null }, { k: 1 })[0]?.strength ?? 0);
}
