import { type DigestLensDB, readProfile } from '../db';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupDocument, BackupError, BackupSchema } from './schema';

export { SETTING_PREFIX } from '../db';

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Everything the user made or imported, as one versioned document: papers, digests and their
 * entries, notes with their earlier texts, the queue and the settings. Derived data (the corpus
 * revision, the persisted indexes) is left out and rebuilt after a restore.
 *
 * Every array is sorted by its key (note versions by paper, then oldest first), so exporting a
 * restored backup gives the same document again, `exportedAt` aside. The document is checked
 * against the schema the restore uses: a backup that could not be restored is never written.
 */
export async function exportBackup(db: DigestLensDB, now = new Date()): Promise<BackupDocument> {
  const { papers, digests, entries, notes, noteVersions, queue, settings: unsorted } = await readProfile(db);
  const settings: Record<string, unknown> = {};
  for (const name of Object.keys(unsorted).sort(compare)) settings[name] = unsorted[name];

  const document = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    papers: papers.sort((a, b) => compare(a.id, b.id)),
    digests: digests.sort((a, b) => compare(a.id, b.id)),
    // Each entry on its own with its digest's id: the document's format since version 1.
    entries: entries.sort((a, b) => compare(a.digestId, b.digestId) || a.position - b.position),
    notes: notes.sort((a, b) => compare(a.paperId, b.paperId)),
    // The id says which text came first (lib/db/notes.ts lists versions by it); it is local, so
    // it is not written, but the order it gives is kept.
    noteVersions: noteVersions
      .sort((a, b) => compare(a.paperId, b.paperId) || (a.id ?? 0) - (b.id ?? 0))
      .map(({ id: _id, ...version }) => version),
    queue: queue.sort((a, b) => a.order - b.order || compare(a.paperId, b.paperId)),
    settings,
  };
  const checked = BackupSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new BackupError(`cannot export: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid data'}`);
  }
  // Parsed rows have their fields in one order, so the JSON text is as stable as the data.
  return checked.data;
}

/** The backup as the text of a `.json` file. */
export function backupJson(document: BackupDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
