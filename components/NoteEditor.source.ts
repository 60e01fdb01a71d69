import { liveQuery } from 'dexie';
import { noteVersions, restoreNoteVersion, saveNote } from '@/lib/db/notes';
import type { DigestLensDB } from '@/lib/db/schema';
import type { SaveFunction, StoredNote } from './NoteEditor.logic';

/** An earlier text of the note, as History lists it. */
export interface NoteVersionRow {
  id: number;
  text: string;
  savedAt: string;
  version: number;
}

/** The stored note and its earlier texts (newest first), as one read. */
export interface NoteSnapshot {
  note: StoredNote | null;
  versions: NoteVersionRow[];
}

/**
 * Where the note editor reads and writes one paper's note. In a tab of its own the editor uses
 * the database directly (`dexieNoteSource`); framed in a web page, where the browser may deny it
 * IndexedDB, it goes through the background (`portNoteSource`, NoteEditor.port.ts). Both apply
 * the rules of lib/db/notes.ts.
 */
export interface NoteSource {
  /** Calls `listener` with the stored note now and after every change, from any tab; returns the unsubscribe. */
  watch(listener: (snapshot: NoteSnapshot) => void, onError: (error: Error) => void): () => void;
  save: SaveFunction;
  /** Brings back an earlier text; resolves once the stored note has it. */
  restore(versionId: number): Promise<void>;
  /** The page is shown again after a while: make sure changes from elsewhere still reach `watch`. */
  refresh(): void;
}

/** The note read and written with Dexie, for an extension page that has the database (not framed). */
export function dexieNoteSource(db: DigestLensDB, paperId: string): NoteSource {
  return {
    watch(listener, onError) {
      const subscription = liveQuery(async (): Promise<NoteSnapshot> => {
        const note = await db.notes.get(paperId);
        const versions = await noteVersions(db, paperId);
        return {
          note: note ? { text: note.text, version: note.version, updatedAt: note.updatedAt } : null,
          versions: versions.map((v) => ({ id: v.id ?? 0, text: v.text, savedAt: v.savedAt, version: v.version })),
        };
      }).subscribe({ next: listener, error: (error) => onError(error instanceof Error ? error : new Error(String(error))) });
      return () => subscription.unsubscribe();
    },

    async save(text, baseVersion) {
      const { note, concurrent } = await saveNote(db, paperId, text, baseVersion);
      return { note: { text: note.text, version: note.version, updatedAt: note.updatedAt }, concurrent };
    },

    async restore(versionId) {
      await restoreNoteVersion(db, versionId);
    },

    refresh() {
      // Live queries follow every change made through Dexie, in any tab: nothing to do.
    },
  };
}
