/**
 * "Devices" for the Dexie sync tests: each is a DigestLens database (fake-indexeddb, makeTestDb)
 * with the Dexie local side (lib/db/sync-local-side.ts) and its own PouchDB memory mirrors, synced
 * by the real runner against the test server (tests/support/sync-server.ts).
 */
import MemoryAdapter from 'pouchdb-adapter-memory';
import type { DigestLensDB } from '../../lib/db';
import { connectSync } from '../../lib/db/outbox';
import { DexieLocalSide } from '../../lib/db/sync-local-side';
import type { SyncConnection } from '../../lib/sync/connection';
import type { DatabaseRole } from '../../lib/sync/documents';
import { type MirrorDatabase, openMirror, PouchDB } from '../../lib/sync/pouch';
import { createSyncRunner, type SyncRunner, type SyncRunnerOptions } from '../../lib/sync/replicate';
import { makeTestDb } from './test-db';

PouchDB.plugin(MemoryAdapter);

let deviceCount = 0;

export interface DexieDevice {
  db: DigestLensDB;
  local: DexieLocalSide;
  mirrors: Map<DatabaseRole, MirrorDatabase>;
  runner: SyncRunner;
  /** Papers whose note gained a text from another device, as the local side reported them. */
  notices: string[];
  /** A new runner (and local side) over the same database and mirrors: the worker restarted. */
  restart(overrides?: Partial<SyncRunnerOptions>): SyncRunner;
}

/** A device with sync connected (Connect queues everything already in `db`). */
export async function createDexieDevice(
  connection: () => SyncConnection | null,
  overrides: Partial<SyncRunnerOptions> = {},
  db: DigestLensDB = makeTestDb(),
): Promise<DexieDevice> {
  const name = `dexie-device-${++deviceCount}-${Date.now()}`;
  const current = connection();
  if (current) await connectSync(db, current.labDatabase ? ['private', 'lab'] : ['private']);
  const mirrors = new Map<DatabaseRole, MirrorDatabase>();
  const notices: string[] = [];
  const newLocal = () => new DexieLocalSide(db, { onNotesFromAnotherDevice: (ids) => notices.push(...ids) });
  const options = (local: DexieLocalSide, more: Partial<SyncRunnerOptions>): SyncRunnerOptions => ({
    local,
    connection: async () => connection(),
    openMirror(role) {
      let mirror = mirrors.get(role);
      if (!mirror) {
        mirror = openMirror(`${name}-${role}`, 'memory');
        mirrors.set(role, mirror);
      }
      return mirror;
    },
    timers: { set: () => null, clear: () => {} },
    ...overrides,
    ...more,
  });
  const local = newLocal();
  const device: DexieDevice = {
    db,
    local,
    mirrors,
    notices,
    runner: createSyncRunner(options(local, {})),
    restart(more = {}) {
      device.local = newLocal();
      device.runner = createSyncRunner(options(device.local, more));
      return device.runner;
    },
  };
  return device;
}
