import type { Digest, DigestEntry, Note, NoteVersion, Paper, QueueItem } from './entities';
import type { DigestLensDB } from './schema';

/** Meta rows named so are user settings; every other meta row is a cache derived from the rest. */
export const SETTING_PREFIX = 'setting:';

/**
 * Everything the user made or imported, as rows: what a backup holds (lib/backup is its file
 * format). Derived data (the corpus revision, the persisted indexes) is not part of it.
 */
export interface ProfileRows {
  papers: Paper[];
  digests: Digest[];
  entries: DigestEntry[];
  notes: Note[];
  /** With their local ids when read here; a backup's have none. */
  noteVersions: NoteVersion[];
  queue: QueueItem[];
  /** User settings by name: the `meta` rows `setting:<name>`, in key order. */
  settings: Record<string, unknown>;
}

/** Reads the whole profile in one transaction, so that it is consistent. */
export async function readProfile(db: DigestLensDB): Promise<ProfileRows> {
  const tables = [db.papers, db.digests, db.entries, db.notes, db.noteVersions, db.queue, db.meta];
  const [papers, digests, entries, notes, noteVersions, queue, meta] = await db.transaction('r', tables, () =>
    Promise.all([
      db.papers.toArray(),
      db.digests.toArray(),
      db.entries.toArray(),
      db.notes.toArray(),
      db.noteVersions.toArray(),
      db.queue.toArray(),
      db.meta.where('key').startsWith(SETTING_PREFIX).toArray(),
    ]),
  );
  const settings: Record<string, unknown> = {};
  for (const row of meta) settings[row.key.slice(SETTING_PREFIX.length)] = row.value;
  return { papers, digests, entries, notes, noteVersions, queue, settings };
}
