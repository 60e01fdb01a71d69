import type { Note, Paper } from './entities';
import type { DigestLensDB } from './schema';

/**
 * Every note with text, newest first, with its paper (undefined when the paper is gone): what
 * the Notes view lists and what the Markdown export writes. Emptied notes are left out.
 */
export async function writtenNotes(db: DigestLensDB): Promise<Array<{ note: Note; paper: Paper | undefined }>> {
  return db.transaction('r', db.notes, db.papers, async () => {
    const notes = (await db.notes.orderBy('updatedAt').reverse().toArray()).filter((n) => n.text.trim() !== '');
    const papers = await db.papers.bulkGet(notes.map((n) => n.paperId));
    return notes.map((note, i) => ({ note, paper: papers[i] }));
  });
}
