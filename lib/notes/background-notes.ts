import type { browser } from 'wxt/browser';
import { type DigestLensDB, ensurePaper, findPaper, readSettings, restoreNoteVersion, saveNote, watchNote } from '../db';
import { sayingDiskFull } from '../db/disk-full';
import type { SeenPaper } from '../identity/seen-paper';
import { SerialQueue, type ServedPort, servePort } from '../messaging/channel';
import {
  NOTE_PORT,
  type NoteEvent,
  type NoteRequest,
  NoteRequestSchema,
  type NoteResponses,
} from '../messaging/protocol/page-to-background';
import { fromExtensionPages } from '../messaging/sender';
import { NOTE_NOT_SAVED } from './editor/autosave';
import { SaveChain } from './editor/save-chain';

/**
 * Serves note editors (see NOTE_PORT): one port per editor, bound to one paper. Only the
 * extension's own pages may connect. Each port's requests run in the order they arrive: an editor
 * sends every change at once, without waiting for answers, and each save lands after the one before
 * it, based on what that one wrote (save-chain.ts). Every request is answered, a save over the
 * length limit included (`failed`, with the reason).
 */
export function serveNoteEditors(runtime: typeof browser.runtime, db: DigestLensDB): void {
  servePort<NoteRequest, NoteResponses, NoteEvent>(runtime.onConnect, {
    name: NOTE_PORT,
    schema: NoteRequestSchema,
    allow: fromExtensionPages(runtime),
    queue: () => new SerialQueue(),
    open: (editor) => noteSession(db, editor),
  });
}

/** One editor's connection: the paper it opened, and the live query that follows its note. */
function noteSession(db: DigestLensDB, editor: ServedPort<NoteEvent>) {
  let paperId: string | null = null;
  /** The paper the editor opened on, for creating its record on the first save. */
  let seen: SeenPaper | null = null;
  let unwatch: (() => void) | null = null;
  /** The editor sends saves without waiting for answers, each based on the one before it. */
  const chain = new SaveChain();
  editor.signal.addEventListener('abort', () => unwatch?.());

  const watch = (id: string) => {
    unwatch?.();
    unwatch = watchNote(
      db,
      id,
      (snapshot) => editor.post({ type: 'note', ...snapshot }),
      (error) => editor.post({ type: 'watch-failed', error: String(error) }),
    );
  };

  return {
    open: async ({ paper }: Extract<NoteRequest, { type: 'open' }>) => {
      // Opening reads only: a paper gets a record when a note is first saved on it, not
      // whenever its page is visited.
      seen = paper;
      const found = await findPaper(db, paper);
      paperId = found?.id ?? null;
      if (found) watch(found.id);
      else editor.post({ type: 'note', note: null, versions: [] });
      const { noteSpellcheck } = await readSettings(db);
      return { paperId: found?.id ?? '', title: found?.title ?? paper.title, spellcheck: noteSpellcheck };
    },
    save: async ({ text, baseVersion }: Extract<NoteRequest, { type: 'save' }>) => {
      if (!paperId) {
        if (!seen) throw new Error('no paper opened');
        paperId = (await ensurePaper(db, seen)).id;
        watch(paperId);
      }
      const id = paperId;
      const { note, concurrent } = await sayingDiskFull(NOTE_NOT_SAVED, () => saveNote(db, id, text, chain.rebase(baseVersion)));
      chain.wrote(baseVersion, note.version);
      return { note: { text: note.text, version: note.version, updatedAt: note.updatedAt }, concurrent };
    },
    // The message itself is the point: it keeps the worker awake while the editor has the focus.
    ping: () => null,
    restore: async ({ versionId }: Extract<NoteRequest, { type: 'restore' }>) => {
      await restoreNoteVersion(db, versionId);
      return null;
    },
  };
}
