/**
 * The local rows sync reads and writes: lib/db's row types (lib/db/entities.ts, zod schemas), so
 * the typecheck ties lib/sync/mapping.ts to the stored fields. Type imports only: lib/sync never
 * touches Dexie.
 */
import type { Digest, DigestEntry, Note, NoteVersion, Paper, QueueItem } from '../db/entities';

export type PaperRow = Paper;
export type NoteRow = Note;
/** An earlier text; `id` is a local key that means nothing on another device. */
export type NoteVersionRow = Omit<NoteVersion, 'id'>;
export type QueueItemRow = QueueItem;
export type DigestFormat = Digest['format'];
export type DigestEntryRow = DigestEntry;

/** A digest with its entries inside it (locally they sit in its `listings` row). */
export type DigestRow = Digest & { entries: DigestEntryRow[] };

/** A user setting that travels (a `setting:<name>` meta row; never credentials, never caches). */
export interface SettingRow {
  key: string;
  value: unknown;
}
