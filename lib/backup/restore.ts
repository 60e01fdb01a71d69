import { type DigestLensDB, mergeProfile, type RestoreSummary } from '../db';
import { DiskFullError, isQuotaError } from '../db/disk-full';
import { type BackupDocument, BackupError, validateBackup } from './schema';

export type { RestoreSummary };

/** True when nothing was added or changed. */
export function restoredNothing(summary: RestoreSummary): boolean {
  return Object.values(summary).every((n) => n === 0);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The summary in words for the user, leaving out what is zero. */
export function describeRestore(s: RestoreSummary): string {
  if (restoredNothing(s)) return 'Restored: nothing new, everything in this backup is already here.';
  const parts = [
    s.papersAdded && `${count(s.papersAdded, 'paper')} added`,
    s.papersEnriched && `${count(s.papersEnriched, 'paper')} completed`,
    s.digestsAdded && count(s.digestsAdded, 'digest'),
    s.entriesAdded && count(s.entriesAdded, 'digest entry', 'digest entries'),
    s.notesAdded && `${count(s.notesAdded, 'note')} added`,
    s.notesMerged && `${count(s.notesMerged, 'note')} merged (both texts kept)`,
    s.noteVersionsAdded && count(s.noteVersionsAdded, 'earlier note text'),
    s.queueAdded && count(s.queueAdded, 'queue item'),
    s.settingsAdded && count(s.settingsAdded, 'setting'),
  ].filter(Boolean);
  return `Restored: ${parts.join(', ')}.`;
}

/**
 * Restores a backup into this profile, empty or not: all of it or, when anything fails, nothing.
 * Validates first (see validateBackup for the messages); how the rows merge with what is here is
 * lib/db/merge-profile.ts. Restoring the same backup again adds nothing.
 */
export async function restoreBackup(db: DigestLensDB, doc: unknown): Promise<RestoreSummary> {
  const backup = validateBackup(doc);
  await refuseDanglingPapers(db, backup);
  try {
    return await mergeProfile(db, backup);
  } catch (error) {
    if (isQuotaError(error)) throw new BackupError(new DiskFullError('nothing was restored').message, { cause: error });
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new BackupError(`the restore failed and nothing was changed (${reason})`, { cause: error });
  }
}

/**
 * Notes, earlier texts and queue items must name a paper the backup carries or this profile has:
 * otherwise they would be restored and shown as raw ids. Refused with the path of the first one.
 */
async function refuseDanglingPapers(db: DigestLensDB, backup: BackupDocument): Promise<void> {
  const inBackup = new Set(backup.papers.map((p) => p.id));
  const named: Array<[string, Array<{ paperId: string }>]> = [
    ['notes', backup.notes],
    ['noteVersions', backup.noteVersions],
    ['queue', backup.queue],
  ];
  const elsewhere = [...new Set(named.flatMap(([, rows]) => rows.map((r) => r.paperId)).filter((id) => !inBackup.has(id)))];
  const here = new Set((await db.papers.bulkGet(elsewhere)).flatMap((p) => (p ? [p.id] : [])));
  for (const [table, rows] of named) {
    const index = rows.findIndex((r) => !inBackup.has(r.paperId) && !here.has(r.paperId));
    if (index !== -1) throw new BackupError(`invalid backup: ${table}[${index}].paperId: no such paper`);
  }
}
