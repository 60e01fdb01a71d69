/**
 * Sync in the background: the one runner (lib/sync/replicate.ts) over the Dexie local side, and
 * its triggers. Replication is one-shot, never live, and starts:
 *   - a few seconds after local writes (the outbox count, watched live, debounced by the runner);
 *   - on an alarm, every ALARM_PERIOD_MINUTES, and at a failed run's retry time (an alarm, because
 *     Chrome stops an idle service worker and its timers with it);
 *   - when the worker starts;
 *   - on "Sync now".
 * One run at a time (the runner joins calls); connecting or disconnecting first waits for the run
 * in progress to stop. The status is persisted, so a restarted worker shows the last sync.
 *
 * Without a stored connection nothing here makes a request: no runner run reaches the network,
 * no alarm is set, and the outbox stays empty (lib/db/outbox.ts).
 */
import {
  connectedRoles,
  DexieLocalSide,
  type DigestLensDB,
  readSyncConnection,
  readSyncStatus,
  removeSyncConnection,
  saveSyncStatus,
  storeSyncConnection,
  watchOutboxCount,
} from '../db';
import { Refusal, SerialQueue } from '../messaging/channel';
import type { SyncPanelState } from '../messaging/protocol/page-to-background';
import { checkServerUrl, hostPermissionPattern, type SyncConnection, SyncConnectionSchema } from './connection';
import { unpushedIds } from './mirror';
import { type MirrorDatabase, openMirror } from './pouch';
import { createSyncRunner, mirrorName, type SyncRunner, type SyncStatus } from './replicate';

export const SYNC_ALARM = 'digestlens-sync';
export const RETRY_ALARM = 'digestlens-sync-retry';
/** How often a connected profile syncs when nothing else starts a run. */
export const ALARM_PERIOD_MINUTES = 15;

/** The parts of `browser` sync uses (WXT's fake browser in unit tests). */
export interface SyncBrowser {
  alarms: {
    create(name: string, info: { periodInMinutes?: number; when?: number }): unknown;
    clear(name: string): Promise<boolean>;
    onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
  };
  permissions: {
    contains(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
  };
}

export interface BackgroundSyncOptions {
  db: DigestLensDB;
  browser: SyncBrowser;
  /** Which match-pattern rules the host permission follows (Firefox's take no port). */
  browserName: 'chrome' | 'firefox';
  /** The local mirror of a database; the IndexedDB adapter in the extension. */
  openMirror?: (name: string) => MirrorDatabase;
  /** Papers whose note gained a text from another device. */
  onNotesFromAnotherDevice?(paperIds: string[]): void;
}

export type ConnectRequest = Omit<SyncConnection, 'serverUrl'> & { serverUrl: string };

export interface BackgroundSync {
  /** Stores the connection (the host permission must be granted already) and starts a sync. */
  connect(request: ConnectRequest): Promise<void>;
  /** Runs a sync and waits for it; rejects with the reason in plain words. */
  syncNow(): Promise<void>;
  /** Forgets the connection and the local mirrors, and gives the host permission back. */
  disconnect(): Promise<void>;
  state(): Promise<SyncPanelState>;
  /** Called with the new state whenever the connection or the status changes; returns the unsubscribe. */
  onState(listener: (state: SyncPanelState) => void): () => void;
}

/** Plain words for a connection the form describes wrongly. */
function connectionProblem(request: ConnectRequest): string | null {
  const url = checkServerUrl(request.serverUrl);
  if (!url.ok) return `Server address: ${url.reason}`;
  const name = /^[a-z][a-z0-9_$()+/-]*$/;
  for (const [label, value] of [
    ['Private database', request.privateDatabase],
    ['Lab database', request.labDatabase],
  ] as const) {
    if (value !== null && !name.test(value)) {
      return `${label}: CouchDB names start with a lowercase letter and use only a–z, 0–9 and _$()+-/`;
    }
  }
  return null;
}

function serverUrlOf(input: string): string {
  const check = checkServerUrl(input);
  if (!check.ok) throw new Refusal(check.reason);
  return check.url.href.replace(/\/+$/, '');
}

export function startBackgroundSync(options: BackgroundSyncOptions): BackgroundSync {
  const { db, browser } = options;
  const open = options.openMirror ?? ((name: string) => openMirror(name));
  const mirrors = new Map<string, MirrorDatabase>();
  const listeners = new Set<(state: SyncPanelState) => void>();
  const local = new DexieLocalSide(db, { onNotesFromAnotherDevice: options.onNotesFromAnotherDevice });
  let outboxCount = 0;
  let pending = 0;
  /** Connect and disconnect, one after the other, whichever panel asks. */
  const changes = new SerialQueue();

  const mirrorOf = (name: string) => {
    let mirror = mirrors.get(name);
    if (!mirror) {
      mirror = open(name);
      mirrors.set(name, mirror);
    }
    return mirror;
  };

  const newRunner = (initialStatus: Partial<SyncStatus>) =>
    createSyncRunner({
      local,
      connection: () => readSyncConnection(db),
      openMirror: (role, connection) => mirrorOf(mirrorName(connection, role)),
      initialStatus,
      onStatus(status) {
        pending = status.pending;
        void saveSyncStatus(db, status).catch((error) => console.error('DigestLens: could not keep the sync status', error));
        if (status.nextRetryAt) browser.alarms.create(RETRY_ALARM, { when: Date.parse(status.nextRetryAt) });
        void emit();
      },
    });

  let runner: SyncRunner = newRunner({});
  const ready = readSyncStatus(db).then((status) => {
    runner = newRunner(status);
    pending = status.pending ?? 0;
  });

  /** Outbox rows plus what sits in the mirrors unpushed. */
  const countPending = async (connection: SyncConnection | null): Promise<number> => {
    if (!connection) return 0;
    let count = outboxCount;
    for (const role of connectedRoles(connection)) count += (await unpushedIds(mirrorOf(mirrorName(connection, role)))).length;
    return count;
  };

  const state = async (): Promise<SyncPanelState> => {
    await ready;
    const connection = await readSyncConnection(db);
    const status = runner.status();
    return {
      connection: connection && {
        serverUrl: connection.serverUrl,
        user: connection.user,
        privateDatabase: connection.privateDatabase,
        labDatabase: connection.labDatabase,
      },
      status: {
        running: status.running,
        lastSyncAt: connection ? status.lastSyncAt : null,
        pending: connection ? (status.running ? Math.max(pending, outboxCount) : pending) : 0,
        lastError: connection ? status.lastError : null,
        nextRetryAt: connection ? status.nextRetryAt : null,
      },
    };
  };

  async function emit() {
    if (!listeners.size) return;
    const now = await state();
    for (const listener of listeners) listener(now);
  }

  /** A run whose failure the status already tells (and whose retry is armed). */
  const runQuietly = () => {
    void runner.runSync().catch(() => {});
  };

  /** Stops the run in progress and waits for it, so the next step is the only one touching the mirrors. */
  const quiesce = async () => {
    await ready;
    runner.stop();
    await runner.idle();
  };

  watchOutboxCount(db, (count) => {
    outboxCount = count;
    void ready.then(async () => {
      const connection = await readSyncConnection(db);
      if (!connection) return;
      if (!runner.status().running) pending = await countPending(connection);
      if (count > 0) runner.scheduleSync();
      await emit();
    });
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM && alarm.name !== RETRY_ALARM) return;
    void ready.then(async () => {
      if (!(await readSyncConnection(db))) return;
      const retryAt = runner.status().nextRetryAt;
      // A retry alarm after the runner's own timer already succeeded, or one for a later retry, has nothing to do.
      if (alarm.name === RETRY_ALARM && (!retryAt || Date.parse(retryAt) > Date.now() + 1000)) return;
      runQuietly();
    });
  });

  // At startup: a connected profile syncs once the worker is up.
  void ready.then(async () => {
    if (await readSyncConnection(db)) runQuietly();
  });

  async function connect(request: ConnectRequest) {
    const problem = connectionProblem(request);
    if (problem) throw new Refusal(problem);
    const connection = SyncConnectionSchema.parse({ ...request, serverUrl: serverUrlOf(request.serverUrl) });
    const pattern = hostPermissionPattern(connection.serverUrl, options.browserName);
    if (!(await browser.permissions.contains({ origins: [pattern] }))) {
      throw new Refusal(`DigestLens may not reach ${new URL(connection.serverUrl).origin}: allow it when the browser asks`);
    }
    await quiesce();
    const previous = await readSyncConnection(db);
    const fresh = await storeSyncConnection(db, connection);
    if (fresh && previous) await forgetMirrors(previous, connection);
    runner = newRunner(fresh ? {} : runner.status());
    browser.alarms.create(SYNC_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES });
    await emit();
    runQuietly();
  }

  async function disconnect() {
    await quiesce();
    const previous = await readSyncConnection(db);
    await removeSyncConnection(db);
    await Promise.all([browser.alarms.clear(SYNC_ALARM), browser.alarms.clear(RETRY_ALARM)]);
    if (previous) await forgetMirrors(previous, null);
    runner = newRunner({});
    pending = 0;
    await emit();
  }

  return {
    connect: (request) => changes.run(() => connect(request)),
    disconnect: () => changes.run(disconnect),
    async syncNow() {
      await ready;
      if (!(await readSyncConnection(db))) throw new Refusal('sync is not connected');
      // A failure is expected and already in the status: answered in its plain words, not logged as a fault.
      await runner.runSync().catch((error: unknown) => {
        throw new Refusal(error instanceof Error ? error.message : String(error));
      });
    },
    state,
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  /**
   * Deletes the local mirrors of `previous` (their copies of the user's data have no use once the
   * connection points elsewhere) and gives back its host permission unless `next` needs it too.
   */
  async function forgetMirrors(previous: SyncConnection, next: SyncConnection | null) {
    for (const role of connectedRoles(previous)) {
      const name = mirrorName(previous, role);
      const mirror = mirrorOf(name);
      mirrors.delete(name);
      await mirror.destroy().catch((error: unknown) => console.error('DigestLens: could not delete a sync mirror', error));
    }
    const pattern = hostPermissionPattern(previous.serverUrl, options.browserName);
    if (next && hostPermissionPattern(next.serverUrl, options.browserName) === pattern) return;
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  }
}
