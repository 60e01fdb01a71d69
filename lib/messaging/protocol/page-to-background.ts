import * as z from 'zod/mini';
import { SeenPaperSchema } from './shared';

/**
 * The extension's own pages → background, over ports: the import (popup, Library) and the note
 * editor (framed in a paper page, or in a tab). Requests are answered in the envelope; the note
 * port also pushes events. Served by lib/import/background-port.ts and lib/notes/background-notes.ts.
 */

// ─── Import ────────────────────────────────────────────────────────────────────────────────────

/** Port an extension page opens to import digest files. Files are imported one at a time, in order, across ports. */
export const IMPORT_PORT = 'digestlens:import';

export const ImportRequestSchema = z.discriminatedUnion('type', [
  /** Import one file's text; answered with what it added, or failed with the reason nothing was. */
  z.object({ type: z.literal('import-file'), name: z.string().check(z.minLength(1), z.maxLength(1000)), text: z.string() }),
]);
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

export interface ImportedFile {
  digestId: string;
  status: 'imported' | 'already-imported';
  date: string;
  newPapers: number;
  knownPapers: number;
  entries: number;
}

/** The outcome of one file: what it added, or why nothing was added (the envelope of its answer). */
export type FileOutcome = { ok: true; value: ImportedFile } | { ok: false; error: string };

export interface ImportResponses {
  'import-file': ImportedFile;
}

// ─── Notes ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Port the note editor opens. A frame in a web page may be denied IndexedDB (third-party storage
 * rules), so it reads and writes the note through the background, which holds the database. The
 * note's text travels only between extension contexts, never through the host page.
 */
export const NOTE_PORT = 'digestlens:note';

/** The most a note may hold; a longer save is answered `failed` with this reason. */
export const MAX_NOTE_LENGTH = 5_000_000;

const NoteRecordSchema = z.object({ text: z.string(), version: z.number(), updatedAt: z.string() });
export type NoteRecord = z.infer<typeof NoteRecordSchema>;

export const NoteRequestSchema = z.discriminatedUnion('type', [
  /** Find the paper (stored only at the first save); answered with it, then its note is pushed now and on every change. */
  z.object({ type: z.literal('open'), paper: SeenPaperSchema }),
  /** Save with the rules of lib/db/notes.ts; answered with the stored note. Saves are applied in the order sent. */
  z.object({ type: z.literal('save'), text: z.string().check(z.maxLength(MAX_NOTE_LENGTH)), baseVersion: z.number() }),
  /** Bring back an earlier version; answered once it is the note. */
  z.object({ type: z.literal('restore'), versionId: z.number() }),
  /** Nothing to do: sent while the editor has the focus, so the worker stays awake for its next keystroke. */
  z.object({ type: z.literal('ping') }),
]);
export type NoteRequest = z.infer<typeof NoteRequestSchema>;

export interface NoteResponses {
  /** `spellcheck`: the user's `noteSpellcheck` setting, for the editor's textarea. */
  open: { paperId: string; title: string; spellcheck: boolean };
  save: { note: NoteRecord; concurrent: boolean };
  restore: null;
  ping: null;
}

export const NoteEventSchema = z.discriminatedUnion('type', [
  /** The note and its versions, now and whenever they change (from any tab). */
  z.object({
    type: z.literal('note'),
    note: z.nullable(NoteRecordSchema),
    versions: z.array(z.object({ id: z.number(), text: z.string(), savedAt: z.string(), version: z.number() })),
  }),
  /** The note could no longer be followed. */
  z.object({ type: z.literal('watch-failed'), error: z.string() }),
]);
export type NoteEvent = z.infer<typeof NoteEventSchema>;
