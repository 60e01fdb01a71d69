/**
 * "Devices" for the sync tests: each is an in-memory local side (tests/support/fake-local-side.ts)
 * plus its own PouchDB memory mirrors, synced by the real runner against the test server.
 */
import MemoryAdapter from 'pouchdb-adapter-memory';
import type { SyncConnection } from '../../lib/sync/connection';
import type { DatabaseRole } from '../../lib/sync/documents';
import { type MirrorDatabase, openMirror, PouchDB } from '../../lib/sync/pouch';
import { createSyncRunner, type SyncRunner, type SyncRunnerOptions } from '../../lib/sync/replicate';
import { FakeLocalSide } from './fake-local-side';
import type { SyncServer } from './sync-server';

PouchDB.plugin(MemoryAdapter);

let deviceCount = 0;

export interface Device {
  name: string;
  local: FakeLocalSide;
  mirrors: Map<DatabaseRole, MirrorDatabase>;
  runner: SyncRunner;
  /** A new runner over the same local side and mirrors: the worker restarted. */
  restart(overrides?: Partial<SyncRunnerOptions>): SyncRunner;
}

export function createDevice(connection: () => SyncConnection | null, overrides: Partial<SyncRunnerOptions> = {}): Device {
  const name = `device-${++deviceCount}-${Date.now()}`;
  const local = new FakeLocalSide();
  const mirrors = new Map<DatabaseRole, MirrorDatabase>();
  const options = (more: Partial<SyncRunnerOptions>): SyncRunnerOptions => ({
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
    // Tests never wait for a timer unless they drive one.
    timers: { set: () => null, clear: () => {} },
    ...overrides,
    ...more,
  });
  const device: Device = {
    name,
    local,
    mirrors,
    runner: createSyncRunner(options({})),
    restart(more = {}) {
      device.runner = createSyncRunner(options(more));
      return device.runner;
    },
  };
  return device;
}

/** A user with a private database (and optionally a lab database) on the test server. */
export async function connectUser(server: SyncServer, user: string, lab = false): Promise<SyncConnection> {
  const member = { user, password: `${user}-password` };
  await server.createDatabase(`${user}-private`, member);
  if (lab) await server.createDatabase(`${user}-lab`, member);
  return {
    serverUrl: server.origin,
    user,
    password: member.password,
    privateDatabase: `${user}-private`,
    labDatabase: lab ? `${user}-lab` : null,
  };
}
