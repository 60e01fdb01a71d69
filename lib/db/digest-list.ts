import type { Digest } from './entities';
import type { DigestLensDB } from './schema';

/** The imported digests, newest first (the Library's list). */
export async function digestsNewestFirst(db: DigestLensDB): Promise<Digest[]> {
  return db.digests.orderBy('date').reverse().toArray();
}
