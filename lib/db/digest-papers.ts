import type { DigestLensDB } from './schema';

/** The ids of every paper that is in at least one digest (what the corpus indexes hold). */
export async function paperIdsInDigests(db: DigestLensDB): Promise<string[]> {
  return (await db.entries.orderBy('paperId').uniqueKeys()) as string[];
}
