import { liveQuery } from 'dexie';
import type { Note } from './entities';
import { noteVersions } from './notes';
import type { DigestLensDB } from './schema';

/** A paper's note and its earlier texts (newest first), as an editor shows them. */
export interface NoteSnapshot {
  note: Pick<Note, 'text' | 'version' | 'updatedAt'> | null;
  /** `fromAnotherDevice`: the text sync kept when another device's edit became current (lib/db/apply-incoming.ts). */
  versions: Array<{ id: number; text: string; savedAt: string; version: number; fromAnotherDevice: boolean }>;
}

/** The note of `paperId` and its earlier texts, read together. */
export async function noteSnapshot(db: DigestLensDB, paperId: string): Promise<NoteSnapshot> {
  const note = await db.notes.get(paperId);
  const versions = await noteVersions(db, paperId);
  return {
    note: note ? { text: note.text, version: note.version, updatedAt: note.updatedAt } : null,
    versions: versions.map((v) => ({
      id: v.id ?? 0,
      text: v.text,
      savedAt: v.savedAt,
      version: v.version,
      fromAnotherDevice: v.fromAnotherDevice === true,
    })),
  };
}

/**
 * Calls `listener` with the note's snapshot now and after every change, from any tab or the
 * background (a Dexie live query); returns the unsubscribe. The one note live query: the editor
 * in a tab of its own and the background serving framed editors both watch a note through it.
 */
export function watchNote(
  db: DigestLensDB,
  paperId: string,
  listener: (snapshot: NoteSnapshot) => void,
  onError: (error: Error) => void,
): () => void {
  const subscription = liveQuery(() => noteSnapshot(db, paperId)).subscribe({
    next: listener,
    error: (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))),
  });
  return () => subscription.unsubscribe();
}
