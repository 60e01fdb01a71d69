import type { Note, Paper, QueueItem } from './entities';
import { type PaperAppearance, paperAppearances } from './paper-history';
import type { DigestLensDB } from './schema';

/** Everything the Library's paper view tells of one paper. */
export interface PaperRecord {
  paper: Paper;
  /** Every digest that lists it, oldest first, with its upvotes then. */
  history: PaperAppearance[];
  queueItem: QueueItem | null;
  note: Note | null;
}

/** The paper view's data, or null when no paper has this id. */
export async function paperRecord(db: DigestLensDB, paperId: string): Promise<PaperRecord | null> {
  const paper = await db.papers.get(paperId);
  if (!paper) return null;
  const [appearances, queueItem, note] = await Promise.all([paperAppearances(db, [paperId]), db.queue.get(paperId), db.notes.get(paperId)]);
  return { paper, history: appearances.get(paperId) ?? [], queueItem: queueItem ?? null, note: note ?? null };
}
