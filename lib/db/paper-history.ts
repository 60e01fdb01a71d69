import type { DigestLensDB } from './schema';

/** One appearance of a paper in one digest, as the paper view and the exports tell it. */
export interface PaperAppearance {
  digestId: string;
  /** The digest's date (ISO day) and file. */
  date: string;
  fileName: string;
  /** The paper's upvotes in that digest, and its place on the page (0-based). */
  upvotes: number;
  position: number;
  /** The publication day the digest gave the paper (ISO), when it gave one. */
  published: string | null;
}

/**
 * For each paper, every digest that lists it, oldest first (a history reads forwards); papers in
 * no digest are left out. Unlike digestMemberships (badges: newest first, only what a badge
 * shows), this keeps the entry's position and publication day.
 */
export async function paperAppearances(db: DigestLensDB, paperIds: string[]): Promise<Map<string, PaperAppearance[]>> {
  const result = new Map<string, PaperAppearance[]>();
  if (paperIds.length === 0) return result;
  const wanted = new Set(paperIds);
  const listings = await db.listings.where('paperIds').anyOf(paperIds).distinct().toArray();
  const digests = await db.digests.bulkGet(listings.map((l) => l.digestId));
  listings.forEach((listing, i) => {
    const digest = digests[i];
    if (!digest) return;
    for (const entry of listing.entries) {
      if (!wanted.has(entry.paperId)) continue;
      const list = result.get(entry.paperId) ?? [];
      list.push({
        digestId: digest.id,
        date: digest.date,
        fileName: digest.fileName,
        upvotes: entry.upvotes,
        position: entry.position,
        published: entry.published,
      });
      result.set(entry.paperId, list);
    }
  });
  for (const list of result.values()) list.sort((a, b) => a.date.localeCompare(b.date) || (a.digestId < b.digestId ? -1 : 1));
  return result;
}

/**
 * The year to cite a paper by when its arXiv id (which dates it) is unknown: the earliest
 * publication day a digest gave it, else the earliest digest that listed it.
 */
export function yearFromAppearances(appearances: readonly PaperAppearance[]): number | null {
  const published = appearances.flatMap((a) => (a.published ? [a.published] : [])).sort();
  const day = published[0] ?? appearances.map((a) => a.date).sort()[0];
  return day ? Number(day.slice(0, 4)) : null;
}
