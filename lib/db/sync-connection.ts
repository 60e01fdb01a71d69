import { type SyncConnection, SyncConnectionSchema } from '../sync/connection';
import type { SyncStatus } from '../sync/replicate';
import { META_KEYS } from './meta-keys';
import { connectSync, disconnectSync } from './outbox';
import type { DigestLensDB } from './schema';
import { watchTables } from './watch-tables';

/**
 * Where the background keeps the sync connection and the status line between worker restarts:
 * two `meta` rows (meta-keys.ts says why there). Only the background calls these.
 */

/** The stored connection, or null while sync is off (or when the row is not a valid connection). */
export async function readSyncConnection(db: DigestLensDB): Promise<SyncConnection | null> {
  const row = await db.meta.get(META_KEYS.syncConnection);
  const parsed = SyncConnectionSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveSyncConnection(db: DigestLensDB, connection: SyncConnection): Promise<void> {
  await db.meta.put({ key: META_KEYS.syncConnection, value: SyncConnectionSchema.parse(connection) });
}

/** Forgets the connection (password included) and the status line. */
export async function forgetSyncConnection(db: DigestLensDB): Promise<void> {
  await db.meta.bulkDelete([META_KEYS.syncConnection, META_KEYS.syncStatus]);
}

/** The status a previous worker left, as far as it can be read. */
export async function readSyncStatus(db: DigestLensDB): Promise<Partial<SyncStatus>> {
  const value = (await db.meta.get(META_KEYS.syncStatus))?.value;
  if (typeof value !== 'object' || value === null) return {};
  const { lastSyncAt, lastError, problem, pending } = value as Partial<SyncStatus>;
  return {
    ...(typeof lastSyncAt === 'string' && { lastSyncAt }),
    ...(typeof lastError === 'string' && { lastError }),
    ...(typeof problem === 'string' && { problem }),
    ...(typeof pending === 'number' && { pending }),
  };
}

export async function saveSyncStatus(db: DigestLensDB, status: SyncStatus): Promise<void> {
  await db.meta.put({ key: META_KEYS.syncStatus, value: { ...status, running: false } });
}

/**
 * Calls `listener` with the number of outbox rows now and after every change, from whichever
 * context wrote them; returns the unsubscribe. The background's "a few seconds after local
 * writes" trigger.
 */
export function watchOutboxCount(db: DigestLensDB, listener: (count: number) => void): () => void {
  return watchTables(db, [db.outbox], () => db.outbox.count(), listener, 'watching the sync outbox');
}

/** The databases a connection syncs. */
export function connectedRoles(connection: SyncConnection): Array<'private' | 'lab'> {
  return connection.labDatabase ? ['private', 'lab'] : ['private'];
}

/** Whether two connections reach the same databases on the same server (credentials aside). */
export function sameDatabases(a: SyncConnection, b: SyncConnection): boolean {
  return a.serverUrl === b.serverUrl && a.privateDatabase === b.privateDatabase && a.labDatabase === b.labDatabase;
}

/**
 * Stores the connection. A connection to other databases than the stored one turns sync on
 * anew (lib/db/outbox.ts, connectSync: the outbox refilled with everything), in the same
 * transaction, so a worker stopped in between never leaves the connection without its outbox; new
 * credentials for the same databases keep the outbox and the checkpoints (nothing waiting is lost
 * while a wrong password is fixed). Returns whether sync was turned on anew.
 */
export async function storeSyncConnection(db: DigestLensDB, connection: SyncConnection): Promise<boolean> {
  return db.transaction('rw', db.tables, async () => {
    const previous = await readSyncConnection(db);
    await saveSyncConnection(db, connection);
    if (previous && sameDatabases(previous, connection)) return false;
    await db.meta.delete(META_KEYS.syncStatus);
    await connectSync(db, connectedRoles(connection));
    return true;
  });
}

/** Turns sync off and forgets the connection, password included, in one transaction. */
export async function removeSyncConnection(db: DigestLensDB): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await disconnectSync(db);
    await forgetSyncConnection(db);
  });
}
