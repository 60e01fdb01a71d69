import type { Digest, Note, NoteVersion, Paper, QueueItem } from './entities';
import type { EntryWithDigest } from './listings';
import { SETTING_PREFIX } from './meta-keys';
import type { DigestLensDB } from './schema';

export { SETTING_PREFIX };

/**
 * Everything the user made or imported, as rows: what a backup holds (lib/backup is its file
 * format). Derived data (the corpus revision, the persisted indexes) is not part of it.
 */
export interface ProfileRows {
  papers: Paper[];
  digests: Digest[];
  /** Each digest's entries, one row each with its digest's id (the backup format since version 1). */
  entries: EntryWithDigest[];
  notes: Note[];
  /** With their local ids when read here; a backup's have none. */
  noteVersions: NoteVersion[];
  queue: QueueItem[];
  /** User settings by name: the `meta` rows `setting:<name>`, in key order. */
  settings: Record<string, unknown>;
}

/** Reads the whole profile in one transaction, so that it is consistent. */
export async function readProfile(db: DigestLensDB): Promise<ProfileRows> {
  const tables = [db.papers, db.digests, db.listings, db.notes, db.noteVersions, db.queue, db.meta];
  const [papers, digests, listings, notes, noteVersions, queue, meta] = await db.transaction('r', tables, () =>
    Promise.all([
      db.papers.toArray(),
      db.digests.toArray(),
      db.listings.toArray(),
      db.notes.toArray(),
      db.noteVersions.toArray(),
      db.queue.toArray(),
      db.meta.where('key').startsWith(SETTING_PREFIX).toArray(),
    ]),
  );
  const settings: Record<string, unknown> = {};
  for (const row of meta) settings[row.key.slice(SETTING_PREFIX.length)] = row.value;
  const entries = listings.flatMap((listing) => listing.entries.map((entry) => ({ digestId: listing.digestId, ...entry })));
  return { papers, digests, entries, notes, noteVersions, queue, settings };
}
