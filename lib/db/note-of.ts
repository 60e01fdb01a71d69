import type { Note } from './entities';
import type { DigestLensDB } from './schema';

/** The note on a paper, or null when it has none. */
export async function noteOf(db: DigestLensDB, paperId: string): Promise<Note | null> {
  return (await db.notes.get(paperId)) ?? null;
}
