import type { Paper } from './entities';
import type { DigestLensDB } from './schema';

/** The stored paper with this id, or null. */
export async function paperById(db: DigestLensDB, paperId: string): Promise<Paper | null> {
  return (await db.papers.get(paperId)) ?? null;
}
