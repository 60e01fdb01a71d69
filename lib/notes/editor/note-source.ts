import { sayingDiskFull } from '../../db/disk-full';
import { type NoteSnapshot, watchNote } from '../../db/note-watch';
import { restoreNoteVersion, saveNote } from '../../db/notes';
import { ensurePaper, findPaper } from '../../db/page-paper';
import type { DigestLensDB } from '../../db/schema';
import type { SeenPaper } from '../../identity/seen-paper';
import { SerialQueue } from '../../messaging/channel';
import { NOTE_NOT_SAVED, type SaveFunction } from './autosave';
import { SaveChain } from './save-chain';

/** The stored note and its earlier texts (newest first), as one read. */
export type { NoteSnapshot };

/** An earlier text of the note, as History lists it. */
export type NoteVersionRow = NoteSnapshot['versions'][number];

/**
 * Where the note editor reads and writes one paper's note. In a tab of its own the editor uses
 * the database directly (`dexieNoteSource`); framed in a web page, where the browser may deny it
 * IndexedDB, it goes through the background (`portNoteSource`, port-note-source.ts). Both apply
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
  /** The editor has the focus (true) or lost it: keep whatever stores the note awake meanwhile. */
  keepAwake(focused: boolean): void;
}

const NO_NOTE: NoteSnapshot = { note: null, versions: [] };

/**
 * The note read and written with Dexie, for an extension page that has the database (not framed).
 * `paper` is a stored paper's id, or a paper as a page shows it: that one is only looked up until
 * the first save, which stores it if it is new, as the framed editor does (issue 9: opening the
 * editor creates nothing).
 */
export function dexieNoteSource(db: DigestLensDB, paper: string | SeenPaper): NoteSource {
  // Saves are sent without waiting for each other: applied one after another, in the order sent.
  const queue = new SerialQueue();
  const chain = new SaveChain();
  let paperId: string | null = typeof paper === 'string' ? paper : null;
  const found: Promise<string | null> =
    typeof paper === 'string' ? Promise.resolve(paper) : findPaper(db, paper).then((stored) => stored?.id ?? null);
  const watchers = new Set<{ listener: (snapshot: NoteSnapshot) => void; onError: (error: Error) => void; stop: () => void }>();
  const follow = (
    watcher: { listener: (snapshot: NoteSnapshot) => void; onError: (error: Error) => void; stop: () => void },
    id: string,
  ) => {
    watcher.stop();
    watcher.stop = watchNote(db, id, watcher.listener, watcher.onError);
  };

  return {
    watch(listener, onError) {
      const watcher = { listener, onError, stop: () => {} };
      watchers.add(watcher);
      found.then(
        (id) => {
          if (!watchers.has(watcher)) return;
          paperId ??= id;
          if (paperId) follow(watcher, paperId);
          else listener(NO_NOTE);
        },
        (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))),
      );
      return () => {
        watchers.delete(watcher);
        watcher.stop();
      };
    },

    save(text, baseVersion) {
      return queue.run(async () => {
        if (!paperId) {
          paperId = (await found) ?? (typeof paper === 'string' ? paper : (await ensurePaper(db, paper)).id);
          for (const watcher of watchers) follow(watcher, paperId);
        }
        const id = paperId;
        const { note, concurrent } = await sayingDiskFull(NOTE_NOT_SAVED, () => saveNote(db, id, text, chain.rebase(baseVersion)));
        chain.wrote(baseVersion, note.version);
        return { note: { text: note.text, version: note.version, updatedAt: note.updatedAt }, concurrent };
      });
    },

    async restore(versionId) {
      await restoreNoteVersion(db, versionId);
    },

    refresh() {
      // Live queries follow every change made through Dexie, in any tab: nothing to do.
    },

    keepAwake() {
      // The database is this page's own: nothing to keep awake.
    },
  };
}
