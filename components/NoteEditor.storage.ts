import type { Transaction } from 'dexie';
import type { Note, NoteVersion } from '@/lib/db/entities';
import { saveNote } from '@/lib/db/notes';
import type { DigestLensDB } from '@/lib/db/schema';
import type { ClosingWrite, SaveFunction } from './NoteEditor.logic';

/**
 * The note editor's two ways of writing a note.
 *
 * While the page lives, `saveNote` (lib/db/notes.ts) in a Dexie transaction: it reads the stored
 * note and decides what to keep, which takes IndexedDB callbacks.
 *
 * While the page closes, a blind write started synchronously in `pagehide` and committed at once
 * (`IDBTransaction.commit()`): an extension page in an iframe gets no more callbacks once its tab
 * closes, and its transactions that still wait for one are dropped. Measured on Chromium 156
 * (2026-11) with the editor in an iframe on an arXiv page, tab closed 100 ms after typing: a Dexie
 * save started in `pagehide` was lost every time; a put + commit() issued synchronously was kept,
 * provided it was not queued behind an unfinished transaction, which is why running saves are
 * aborted first (their text is older than the text written). A top-level page keeps both.
 */
export interface NoteStorage {
  save: SaveFunction;
  /** Aborts the running saves and writes `write` without waiting; false if it could not be started. */
  writeWhileClosing(write: ClosingWrite): boolean;
}

export function noteStorage(db: DigestLensDB, paperId: string): NoteStorage {
  const running = new Set<Transaction>();
  return {
    save: (text, baseVersion) =>
      db.transaction('rw', db.notes, db.noteVersions, async (tx) => {
        running.add(tx);
        try {
          const { note, concurrent } = await saveNote(db, paperId, text, baseVersion);
          return { note: { text: note.text, version: note.version, updatedAt: note.updatedAt }, concurrent };
        } finally {
          running.delete(tx);
        }
      }),

    writeWhileClosing(write) {
      for (const tx of running) {
        try {
          tx.abort();
        } catch {
          // Already finished: nothing to make way for.
        }
      }
      try {
        const idb = db.backendDB();
        const tx = idb.transaction(['notes', 'noteVersions'], 'readwrite');
        if (write.keep) {
          const kept: NoteVersion = { paperId, text: write.keep.text, savedAt: write.keep.updatedAt, version: write.keep.version };
          tx.objectStore('noteVersions').add(kept);
        }
        const note: Note = { paperId, text: write.text, updatedAt: write.updatedAt, version: write.version };
        tx.objectStore('notes').put(note);
        tx.commit?.();
        return true;
      } catch (error) {
        console.warn('DigestLens: the note could not be saved while closing', error);
        return false;
      }
    },
  };
}
