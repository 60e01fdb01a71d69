import * as z from 'zod/mini';
import { ParsedDigestSchema } from '../../digest/types';
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
  /**
   * Import a saved page's digests, read by the page that chose the file (the worker has no DOM to
   * read HTML with); checked again here with the digest schema. Answered like `import-file`.
   */
  z.object({
    type: z.literal('import-page-digests'),
    name: z.string().check(z.minLength(1), z.maxLength(1000)),
    digests: z.array(ParsedDigestSchema).check(z.minLength(1), z.maxLength(400)),
  }),
]);
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

/** What one digest of a file added (a file featured on several days has one per day). */
export interface ImportedFile {
  digestId: string;
  status: 'imported' | 'already-imported';
  date: string;
  newPapers: number;
  knownPapers: number;
  entries: number;
}

/** The outcome of one file: what each of its digests added, or why nothing was added (the envelope of its answer). */
export type FileOutcome = { ok: true; value: ImportedFile[] } | { ok: false; error: string };

export interface ImportResponses {
  'import-file': ImportedFile[];
  'import-page-digests': ImportedFile[];
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
    versions: z.array(
      z.object({ id: z.number(), text: z.string(), savedAt: z.string(), version: z.number(), fromAnotherDevice: z.boolean() }),
    ),
  }),
  /** The note could no longer be followed. */
  z.object({ type: z.literal('watch-failed'), error: z.string() }),
]);
export type NoteEvent = z.infer<typeof NoteEventSchema>;

// ─── Sync ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Port the Settings → Sync panel opens (extension pages only; content scripts are refused). The
 * password goes one way, page → background, in `connect`; nothing the background sends back
 * carries it. Served by lib/sync/serve-sync-panel.ts.
 */
export const SYNC_PORT = 'digestlens:sync';

const DatabaseName = z.string().check(z.minLength(1), z.maxLength(238));

export const SyncRequestSchema = z.discriminatedUnion('type', [
  /**
   * Connect (or fix the credentials of the connection in place) and sync at once. The page has
   * asked for the host permission of the server's origin first; answered once the connection is
   * stored, before the first sync ends (its outcome arrives as a status event).
   */
  z.object({
    type: z.literal('connect'),
    serverUrl: z.string().check(z.minLength(1), z.maxLength(2000)),
    user: z.string().check(z.minLength(1), z.maxLength(200)),
    password: z.string().check(z.minLength(1), z.maxLength(1000)),
    privateDatabase: DatabaseName,
    labDatabase: z.nullable(DatabaseName),
  }),
  /** Sync now; answered when the run ends (failed with the reason in plain words). */
  z.object({ type: z.literal('sync-now') }),
  /** Forget the connection and its credentials, and give the host permission back. */
  z.object({ type: z.literal('disconnect') }),
]);
export type SyncRequest = z.infer<typeof SyncRequestSchema>;

export interface SyncResponses {
  connect: null;
  'sync-now': null;
  disconnect: null;
}

export const SyncPanelStateSchema = z.object({
  /** What the panel shows of the connection: never the password. */
  connection: z.nullable(
    z.object({ serverUrl: z.string(), user: z.string(), privateDatabase: z.string(), labDatabase: z.nullable(z.string()) }),
  ),
  status: z.object({
    running: z.boolean(),
    lastSyncAt: z.nullable(z.string()),
    pending: z.number(),
    lastError: z.nullable(z.string()),
    nextRetryAt: z.nullable(z.string()),
  }),
});
export type SyncPanelState = z.infer<typeof SyncPanelStateSchema>;

/** Pushed on connecting and whenever the connection or the status changes. */
export const SyncEventSchema = z.object({ type: z.literal('sync-state'), state: SyncPanelStateSchema });
export type SyncEvent = z.infer<typeof SyncEventSchema>;
