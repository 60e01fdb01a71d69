import type { DatabaseRole, SyncDoc } from '../sync/documents';
import type { NoteVersionRow } from '../sync/local-rows';
import type { Removal } from '../sync/local-side';
import { digestDoc, noteDoc, paperDoc, queueDoc, settingDoc } from '../sync/mapping';
import type { NoteVersionKey, OutboxEntry } from './entities';
import { META_KEYS, SETTING_PREFIX } from './meta-keys';
import type { DigestLensDB } from './schema';

/**
 * The sync outbox (issue 13): every change the user makes (note save, note version, queue
 * add/move/read/remove, import, digest delete, restore) writes its documents here IN THE SAME
 * TRANSACTION as the change, so a worker stopped halfway loses nothing. lib/db/sync-local-side.ts
 * hands the rows to the sync runner, which deletes them once they are in the local mirror.
 *
 * Only while sync is connected: which remote databases are connected is one `meta` row
 * (META_KEYS.syncDatabases), read once per recording. A meta row rather than a flag held in the
 * background's memory, because extension pages write to the database too (the Library imports,
 * the note editor's page saves) and a flag in one JS context is not seen by the others; without
 * sync the cost is that one primary-key read, and the outbox never grows.
 *
 * Callers' transactions must include `db.outbox` and `db.meta` (OUTBOX_TABLES).
 *
 * Note versions are recorded as rows, not documents: their document id is a SHA-256
 * (lib/sync/documents.ts, noteVersionDocId) and awaiting crypto.subtle inside a Dexie
 * transaction would commit it early, so the id is computed when the outbox is read. So is the
 * removal of a version dropped here (trimmed beyond the cap, or coalesced): recorded by its key.
 */

/** The tables every transaction that records changes must include. */
export function outboxTables(db: DigestLensDB) {
  return [db.outbox, db.meta];
}

/** One change to record: a document (or its removal), an earlier text of a note, or an earlier text's removal. */
export type OutboxChange =
  | { database: DatabaseRole; doc: SyncDoc | Removal }
  | { database: DatabaseRole; version: NoteVersionRow }
  | { database: DatabaseRole; versionRemoved: NoteVersionKey };

/** The remote databases sync is connected to; empty while sync is off. */
export async function syncedDatabases(db: DigestLensDB): Promise<DatabaseRole[]> {
  const row = await db.meta.get(META_KEYS.syncDatabases);
  return Array.isArray(row?.value) ? row.value.filter((d): d is DatabaseRole => d === 'private' || d === 'lab') : [];
}

/** A document's removal, as the outbox carries it. */
export function removalOf(id: string): Removal {
  return { _id: id, _deleted: true };
}

/**
 * Writes outbox rows for these changes, keeping only those for connected databases (none while
 * sync is off). A waiting row for the same document is replaced: the outbox holds each document
 * once, at its latest state (a note autosaved on every keystroke is one row, not thousands).
 * Call inside a transaction that includes outboxTables(db).
 */
export async function recordChanges(db: DigestLensDB, changes: readonly OutboxChange[]): Promise<void> {
  if (!changes.length) return;
  const connected = new Set(await syncedDatabases(db));
  if (!connected.size) return;
  const entries: OutboxEntry[] = [];
  for (const change of changes) {
    if (!connected.has(change.database)) continue;
    if ('doc' in change) entries.push({ database: change.database, docId: change.doc._id, doc: change.doc });
    else if ('version' in change) entries.push({ database: change.database, version: change.version });
    else entries.push({ database: change.database, versionRemoved: change.versionRemoved });
  }
  if (!entries.length) return;
  const replaced = entries.flatMap((e) => (e.docId ? [e.docId] : []));
  if (replaced.length) {
    const mine = new Set(entries.map((e) => `${e.database}\n${e.docId}`));
    const waiting = await db.outbox.where('docId').anyOf(replaced).toArray();
    const stale = waiting.filter((w) => mine.has(`${w.database}\n${w.docId}`)).flatMap((w) => (w.seq === undefined ? [] : [w.seq]));
    if (stale.length) await db.outbox.bulkDelete(stale);
  }
  await db.outbox.bulkAdd(entries);
}

/**
 * Queues every existing row once, for the first upload after connecting `databases`: the private
 * database gets notes, their earlier texts, the queue, settings and the papers they refer to; the
 * lab database gets digests (entries embedded) and the papers they list. Call inside a
 * transaction over every table (see connectSync); the syncDatabases row must already say which.
 */
export async function enqueueEverything(db: DigestLensDB, databases: readonly DatabaseRole[]): Promise<void> {
  const changes: OutboxChange[] = [];
  if (databases.includes('private')) {
    const [notes, versions, queue, settings] = await Promise.all([
      db.notes.toArray(),
      db.noteVersions.toArray(),
      db.queue.toArray(),
      db.meta.where('key').startsWith(SETTING_PREFIX).toArray(),
    ]);
    const referred = [...new Set([...notes, ...versions, ...queue].map((row) => row.paperId))];
    const papers = await db.papers.bulkGet(referred);
    for (const paper of papers) if (paper) changes.push({ database: 'private', doc: paperDoc(paper) });
    for (const note of notes) changes.push({ database: 'private', doc: noteDoc(note) });
    for (const { id: _id, ...version } of versions) changes.push({ database: 'private', version });
    for (const item of queue) changes.push({ database: 'private', doc: queueDoc(item) });
    for (const row of settings) {
      changes.push({ database: 'private', doc: settingDoc({ key: row.key.slice(SETTING_PREFIX.length), value: row.value }) });
    }
  }
  if (databases.includes('lab')) {
    const [digests, listings] = await Promise.all([db.digests.toArray(), db.listings.toArray()]);
    const entriesOf = new Map(listings.map((l) => [l.digestId, l.entries]));
    const listed = new Set<string>();
    for (const listing of listings) for (const id of listing.paperIds) listed.add(id);
    const papers = await db.papers.bulkGet([...listed]);
    for (const paper of papers) if (paper) changes.push({ database: 'lab', doc: paperDoc(paper) });
    for (const digest of digests) changes.push({ database: 'lab', doc: digestDoc({ ...digest, entries: entriesOf.get(digest.id) ?? [] }) });
  }
  await recordChanges(db, changes);
}

/**
 * Turns sync on for `databases`: records which are connected, forgets the checkpoints of any
 * earlier mirror (a new server starts a new one) and queues everything for the first upload, in
 * one transaction. The background calls it on Connect, before the first sync run.
 */
export async function connectSync(db: DigestLensDB, databases: readonly DatabaseRole[]): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.outbox.clear();
    await db.meta.bulkDelete([META_KEYS.syncCheckpointPrivate, META_KEYS.syncCheckpointLab]);
    await db.meta.put({ key: META_KEYS.syncDatabases, value: [...databases] });
    await enqueueEverything(db, databases);
  });
}

/** Turns sync off: no more outbox rows, and the waiting ones are dropped. The background calls it on Disconnect. */
export async function disconnectSync(db: DigestLensDB): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.clear();
    await db.meta.bulkDelete([META_KEYS.syncDatabases, META_KEYS.syncCheckpointPrivate, META_KEYS.syncCheckpointLab]);
  });
}
