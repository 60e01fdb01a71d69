import { noteDoc, paperDoc } from '../sync/mapping';
import type { KeptBecause, Note, NoteVersion } from './entities';
import { type OutboxChange, outboxTables, recordChanges } from './outbox';
import type { DigestLensDB } from './schema';

/**
 * How many earlier texts a note keeps. Texts the user was told are kept (from another device,
 * merged by a restore, replaced by a restore or by another tab's save: `keptBecause`) are never
 * trimmed and not counted.
 */
export const KEPT_VERSIONS = 50;
/**
 * Two tabs typing into one note at once replace each other's text on every save. Within this time,
 * a text kept that way replaces the ones kept before it that it merely extends (its own earlier
 * keystrokes), so the interleaving leaves one version per tab, not one per keystroke.
 */
export const COALESCE_MS = 30 * 1000;
/** A pause longer than this starts a new editing session: the text before it is kept as a version. */
export const SESSION_GAP_MS = 2 * 60 * 1000;

export interface SaveResult {
  note: Note;
  /** The save was based on an older version (another tab saved meanwhile); that text was kept. */
  concurrent: boolean;
}

/**
 * Saves a note's text. `baseVersion` is the version the editor started from (0 for a new note).
 * The replaced text is kept in `noteVersions` when another tab saved in between (so the last
 * write never silently destroys the other) or when it dates from an earlier editing session;
 * autosaves within one session replace each other. Saving an unchanged text does nothing.
 */
export async function saveNote(
  db: DigestLensDB,
  paperId: string,
  text: string,
  baseVersion: number,
  now = new Date(),
): Promise<SaveResult> {
  return db.transaction('rw', [db.notes, db.noteVersions, db.papers, ...outboxTables(db)], async () => {
    const current = await db.notes.get(paperId);
    const concurrent = (current?.version ?? 0) !== baseVersion;
    if (current && current.text === text) return { note: current, concurrent: false };
    const changes: OutboxChange[] = [];
    if (current && current.text !== '') {
      const stale = now.getTime() - Date.parse(current.updatedAt) > SESSION_GAP_MS;
      if (concurrent) changes.push(...(await keepVersion(db, current, 'concurrent', now)));
      else if (stale) changes.push(...(await keepVersion(db, current)));
    }
    const note: Note = { paperId, text, updatedAt: now.toISOString(), version: (current?.version ?? 0) + 1 };
    await db.notes.put(note);
    changes.push({ database: 'private', doc: noteDoc(note) });
    // A note's first save takes its paper into the private database (other devices show its title).
    const paper = current ? undefined : await db.papers.get(paperId);
    if (paper) changes.push({ database: 'private', doc: paperDoc(paper) });
    await recordChanges(db, changes);
    return { note, concurrent };
  });
}

/**
 * Keeps a replaced text as a version (exempt from the cap when `keptBecause` says the user was
 * told it is kept), trimming the oldest others beyond KEPT_VERSIONS; returns its outbox changes:
 * the version, and the removal of each one dropped, so other devices drop them too.
 */
async function keepVersion(db: DigestLensDB, note: Note, keptBecause?: KeptBecause, now = new Date()): Promise<OutboxChange[]> {
  const version: NoteVersion = {
    paperId: note.paperId,
    text: note.text,
    savedAt: note.updatedAt,
    version: note.version,
    ...(keptBecause && { keptBecause }),
  };
  const earlier = await noteVersions(db, note.paperId);
  const dropped: NoteVersion[] = [];
  if (keptBecause === 'concurrent') {
    // Rapid interleaving: texts kept moments ago that this one only extends are in it already.
    const since = now.getTime() - COALESCE_MS;
    dropped.push(
      ...earlier.filter((v) => v.keptBecause === 'concurrent' && Date.parse(v.savedAt) >= since && note.text.startsWith(v.text)),
    );
  }
  await db.noteVersions.add({ ...version });
  const trimmable = (await noteVersions(db, note.paperId)).filter((v) => !v.fromAnotherDevice && !v.keptBecause);
  dropped.push(...trimmable.slice(KEPT_VERSIONS));
  await db.noteVersions.bulkDelete(dropped.flatMap((v) => (v.id === undefined ? [] : [v.id])));
  return [
    { database: 'private', version },
    ...dropped.map(({ paperId, savedAt, text }): OutboxChange => ({ database: 'private', versionRemoved: { paperId, savedAt, text } })),
  ];
}

/** A note's earlier texts, newest first (by when they were written; restored backups keep their times). */
export async function noteVersions(db: DigestLensDB, paperId: string): Promise<NoteVersion[]> {
  const versions = await db.noteVersions.where('paperId').equals(paperId).toArray();
  return versions.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || (b.id ?? 0) - (a.id ?? 0));
}

/** Brings back an earlier text; the text it replaces is kept as a version first. */
export async function restoreNoteVersion(db: DigestLensDB, versionId: number, now = new Date()): Promise<Note | null> {
  return db.transaction('rw', [db.notes, db.noteVersions, ...outboxTables(db)], async () => {
    const version = await db.noteVersions.get(versionId);
    if (!version) return null;
    const current = await db.notes.get(version.paperId);
    const changes: OutboxChange[] = [];
    if (current && current.text !== '' && current.text !== version.text) changes.push(...(await keepVersion(db, current, 'restored')));
    const note: Note = { paperId: version.paperId, text: version.text, updatedAt: now.toISOString(), version: (current?.version ?? 0) + 1 };
    await db.notes.put(note);
    changes.push({ database: 'private', doc: noteDoc(note) });
    await recordChanges(db, changes);
    return note;
  });
}
