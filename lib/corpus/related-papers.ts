import { type DigestLensDB, digestMemberships, papersById } from '../db';
import type { SeenPaper } from '../identity/seen-paper';
import type { RelatedPaper } from '../messaging/protocol/content-to-background';
import type { RelatedHit } from '../related';
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
  indexes.prefetchFuzzy();
  return describeHits(db, hits);
}

/** Hits as the pages show them: with the stored paper's title, arXiv id and digests (hits whose paper is gone are dropped). */
async function describeHits(db: DigestLensDB, hits: RelatedHit[]): Promise<RelatedPaper[]> {
  return (await describeEachHit(db, hits)).flatMap((r) => r ?? []);
}

/** describeHits, one answer per hit in order (null where the paper is gone). */
async function describeEachHit(db: DigestLensDB, hits: RelatedHit[]): Promise<Array<RelatedPaper | null>> {
  const ids = hits.map((h) => h.id);
  const [papers, memberships] = await Promise.all([papersById(db, ids), digestMemberships(db, ids)]);
  return hits.map((hit, i) => {
    const stored = papers[i];
    if (!stored) return null;
    return {
      paperId: hit.id,
      title: stored.title,
      arxivId: stored.arxivId,
      score: hit.score,
      strength: hit.strength,
      terms: hit.terms,
      digests: memberships.get(hit.id) ?? [],
    };
  });
}

/** How strongly each paper relates to the digests: the strength of its best related paper. */
export async function relatedStrengths(indexes: CorpusIndexes, papers: Array<Pick<SeenPaper, 'title' | 'abstract'>>): Promise<number[]> {
  const { related } = await indexes.fresh();
  indexes.prefetchFuzzy();
  return papers.map((p) => related.query({ title: p.title, abstract: p.abstract ?? null }, { k: 1 })[0]?.strength ?? 0);
}

/**
 * For each paper, the digest papers it relates to at `minStrength` or more (at most `limit`, best
 * first): one index query per paper, and the stored papers read once for all of them.
 */
export async function relatedToDigests(
  db: DigestLensDB,
  indexes: CorpusIndexes,
  papers: Array<Pick<SeenPaper, 'title' | 'abstract'>>,
  minStrength: number,
  limit: number,
): Promise<RelatedPaper[][]> {
  const { related } = await indexes.fresh();
  indexes.prefetchFuzzy();
  const hitsPerPaper = papers.map((p) =>
    related.query({ title: p.title, abstract: p.abstract ?? null }, { k: limit }).filter((hit) => hit.strength >= minStrength),
  );
  // One answer per hit, in order, so each keeps its own strength and terms.
  const described = await describeEachHit(db, hitsPerPaper.flat());
  let next = 0;
  return hitsPerPaper.map((hits) => hits.flatMap(() => described[next++] ?? []));
}
