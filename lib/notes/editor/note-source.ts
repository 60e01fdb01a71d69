import { type NoteSnapshot, watchNote } from '../../db/note-watch';
import { restoreNoteVersion, saveNote } from '../../db/notes';
import type { DigestLensDB } from '../../db/schema';
import type { SaveFunction } from './autosave';

/** The stored note and its earlier texts (newest first), as one read. */
export type { NoteSnapshot };

/** An earlier text of the note, as History lists it. */
export type NoteVersionRow = NoteSnapshot['versions'][number];

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
      return watchNote(db, paperId, listener, onError);
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
