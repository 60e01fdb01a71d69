// About 340 lines on purpose: a run's five steps share its state (mirror, checkpoints, problems).
/**
 * The sync runner: one-shot CouchDB replication between the local mirrors and the user's server,
 * never live. A run, for each connected database (private, then lab):
 *   1. asks the server for the database (so a wrong password or a server that is not CouchDB
 *      is named before anything moves);
 *   2. applies to the local side what the mirror holds and it has not seen (a run stopped halfway);
 *   3. writes the outbox into the mirror;
 *   4. pushes, then pulls, with `batch_size` 500 and PouchDB's checkpoints (a stopped run
 *      resumes where its last batch ended);
 *   5. folds conflicts and merges the two ids of one paper, applies the result to the local side
 *      with its checkpoint, and pushes what folding wrote.
 * One run at a time: a call while running joins it. A failed run is retried with exponential
 * backoff; the status says why in plain words. The triggers (a few seconds after local writes,
 * an alarm, startup, "Sync now") belong to the background: they call scheduleSync or runSync.
 */
import type { SyncConnection } from './connection';
import { authorizedFetch, databaseUrl, type Fetch } from './connection';
import type { DatabaseRole } from './documents';
import { PROBLEM_WORDS, problemOfStatus, SyncError, type SyncProblem, toSyncError } from './errors';
import type { LocalSide, OutboxRow } from './local-side';
import { forgetUnpushed, mergeSamePapers, readIncoming, unpushedIds, writeDocs } from './mirror';
import { type MirrorDatabase, openRemote, PouchDB } from './pouch';

export const BATCH_SIZE = 500;
export const DEBOUNCE_MS = 5_000;
export const BACKOFF = { initialMs: 30_000, maxMs: 30 * 60_000 };

export interface SyncStatus {
  running: boolean;
  /** ISO time of the last run that finished without error. */
  lastSyncAt: string | null;
  /** Local changes not yet on the server. */
  pending: number;
  /** The last run's failure in plain words ("the server is unreachable"), or null after a success. */
  lastError: string | null;
  problem: SyncProblem | null;
  /** ISO time of the next retry after a failure. */
  nextRetryAt: string | null;
}

/** What one run moved, per database. */
export interface RunReport {
  database: DatabaseRole;
  pushed: number;
  pulled: number;
  applied: number;
  rejected: number;
  folded: number;
  papersMerged: number;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SyncRunnerOptions {
  local: LocalSide;
  /** The connection, or null when sync is off (then a run does nothing and makes no request). */
  connection(): Promise<SyncConnection | null>;
  /** The local mirror of one database, e.g. `openMirror(mirrorName(connection, role))`. */
  openMirror(role: DatabaseRole, connection: SyncConnection): MirrorDatabase;
  /** The fetch requests go through (credentials are added on top). Tests pass their own. */
  fetch?: Fetch;
  batchSize?: number;
  debounceMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  timers?: Timers;
  now?: () => Date;
  /** Called whenever the status changes (persist it; show it). */
  onStatus?(status: SyncStatus): void;
  /** The status persisted by a previous worker. */
  initialStatus?: Partial<SyncStatus>;
  /** Progress of each replication batch (tests stop a run here). */
  onBatch?(info: { database: DatabaseRole; direction: 'push' | 'pull'; docsRead: number }): void;
}

export interface SyncRunner {
  /** Runs a sync now, or joins the one running. Resolves with what moved; rejects with a SyncError. */
  runSync(): Promise<RunReport[]>;
  /** Runs a sync after `delayMs` (default: a few seconds), restarting the wait on each call. */
  scheduleSync(delayMs?: number): void;
  status(): SyncStatus;
  /** Stops the running replication and every timer (the run fails as 'interrupted'). */
  stop(): void;
  /** Resolves once no run is in progress (after stop(), once the cancelled run has ended). */
  idle(): Promise<void>;
}

const defaultTimers: Timers = { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as number) };

/** A stable mirror name per server and database, so pointing at another server starts a fresh mirror. */
export function mirrorName(connection: SyncConnection, role: DatabaseRole): string {
  const database = role === 'private' ? connection.privateDatabase : connection.labDatabase;
  return `digestlens-sync-${role}-${encodeURIComponent(`${connection.serverUrl.replace(/\/+$/, '')}/${database}`)}`;
}

/** Asks the server for the database: a CouchDB answers `{db_name, update_seq, …}`. */
async function checkDatabase(url: string, fetch: Fetch): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new SyncError('unreachable', String(error));
  }
  if (!response.ok) throw new SyncError(problemOfStatus(response.status), `GET ${url}: HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new SyncError('not-couchdb', `GET ${url}: ${String(error)}`);
  }
  if (typeof body !== 'object' || body === null || typeof (body as { db_name?: unknown }).db_name !== 'string' || !('update_seq' in body)) {
    throw new SyncError('not-couchdb', `GET ${url}: not a database description`);
  }
}

export function createSyncRunner(options: SyncRunnerOptions): SyncRunner {
  const timers = options.timers ?? defaultTimers;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const backoff = options.backoff ?? BACKOFF;
  let status: SyncStatus = {
    running: false,
    lastSyncAt: null,
    pending: 0,
    lastError: null,
    problem: null,
    nextRetryAt: null,
    ...options.initialStatus,
  };
  let running: Promise<RunReport[]> | null = null;
  let timer: unknown = null;
  let failures = 0;
  let again = false;
  let stopped = false;
  const replications = new Set<PouchDB.Replication<Record<string, unknown>>>();

  const setStatus = (change: Partial<SyncStatus>) => {
    status = { ...status, ...change };
    options.onStatus?.(status);
  };

  const replicate = async (
    source: MirrorDatabase,
    target: MirrorDatabase,
    database: DatabaseRole,
    direction: 'push' | 'pull',
  ): Promise<number> => {
    if (stopped) throw new SyncError('interrupted', 'stopped');
    const replication = PouchDB.replicate(source, target, { batch_size: batchSize, retry: false });
    replications.add(replication);
    replication.on('change', (info) => options.onBatch?.({ database, direction, docsRead: info.docs_read }));
    try {
      const result = await replication;
      if (result.status === 'cancelled' || stopped) throw new SyncError('interrupted', `${direction} cancelled`);
      if (result.doc_write_failures > 0) {
        const first = result.errors[0];
        throw first
          ? toSyncError(first)
          : new SyncError(direction === 'push' ? 'forbidden' : 'local', `${result.doc_write_failures} documents not written`);
      }
      return result.docs_written;
    } catch (error) {
      throw toSyncError(error);
    } finally {
      replications.delete(replication);
    }
  };

  /** Applies everything the mirror holds beyond the local side's checkpoint, folding and merging on the way. */
  const applyMirror = async (mirror: MirrorDatabase, database: DatabaseRole, ownWrites: ReadonlyMap<string, string>, report: RunReport) => {
    const foldedIds = new Set<string>();
    let mergeChecked = false;
    for (;;) {
      let since = (await options.local.appliedCheckpoint(database)) ?? 0;
      let papersOrNotes = false;
      for (;;) {
        if (stopped) throw new SyncError('interrupted', 'stopped');
        const read = await readIncoming(mirror, database, since, batchSize, foldedIds, ownWrites);
        report.rejected += read.rejected;
        report.folded += read.folded;
        papersOrNotes ||= read.papersOrNotes;
        if (read.batch.checkpoint !== since) {
          await options.local.applyIncoming(read.batch);
          report.applied += read.batch.changes.length;
          since = read.batch.checkpoint;
        }
        if (!read.more) break;
      }
      if (database !== 'private' || !papersOrNotes || mergeChecked) return;
      mergeChecked = true;
      const merged = await mergeSamePapers(mirror);
      report.papersMerged += merged;
      if (!merged) return;
    }
  };

  const syncDatabase = async (connection: SyncConnection, database: DatabaseRole, name: string, outbox: OutboxRow[], fetch: Fetch) => {
    const report: RunReport = { database, pushed: 0, pulled: 0, applied: 0, rejected: 0, folded: 0, papersMerged: 0 };
    const url = databaseUrl(connection, name);
    await checkDatabase(url, fetch);
    const mirror = options.openMirror(database, connection);
    const remote = openRemote(url, fetch);
    try {
      await applyMirror(mirror, database, new Map(), report);
      const rows = outbox.filter((row) => row.database === database);
      const ownWrites = await writeDocs(
        mirror,
        rows.map((row) => row.doc),
      );
      await options.local.markPushed(rows.map((row) => row.seq));
      const unpushed = await unpushedIds(mirror);
      report.pushed += await replicate(mirror, remote, database, 'push');
      await forgetUnpushed(mirror, unpushed);
      report.pulled += await replicate(remote, mirror, database, 'pull');
      await applyMirror(mirror, database, ownWrites, report);
      const written = await unpushedIds(mirror);
      if (written.length) {
        report.pushed += await replicate(mirror, remote, database, 'push');
        await forgetUnpushed(mirror, written);
      }
      return report;
    } finally {
      await remote.close();
    }
  };

  const pendingCount = async (connection: SyncConnection | null): Promise<number> => {
    let count = await options.local.countPending();
    if (connection) {
      for (const database of roles(connection)) count += (await unpushedIds(options.openMirror(database.role, connection))).length;
    }
    return count;
  };

  const roles = (connection: SyncConnection) => [
    { role: 'private' as const, name: connection.privateDatabase },
    ...(connection.labDatabase ? [{ role: 'lab' as const, name: connection.labDatabase }] : []),
  ];

  const run = async (): Promise<RunReport[]> => {
    const connection = await options.connection();
    if (!connection) return [];
    setStatus({ running: true });
    try {
      const fetch = authorizedFetch(connection, options.fetch);
      const reports: RunReport[] = [];
      for (;;) {
        const outbox = await options.local.pendingChanges(batchSize * 10);
        const connected = new Set(roles(connection).map((r) => r.role));
        // Rows for a database that is not connected have nowhere to go: connecting one enqueues everything anew.
        const stray = outbox.filter((row) => !connected.has(row.database)).map((row) => row.seq);
        if (stray.length) await options.local.markPushed(stray);
        for (const { role, name } of roles(connection)) reports.push(await syncDatabase(connection, role, name, outbox, fetch));
        if (outbox.length < batchSize * 10) break;
      }
      failures = 0;
      setStatus({
        running: false,
        lastSyncAt: now().toISOString(),
        lastError: null,
        problem: null,
        nextRetryAt: null,
        pending: await pendingCount(connection),
      });
      return reports;
    } catch (error) {
      const problem = toSyncError(error);
      let nextRetryAt: string | null = null;
      if (!stopped) {
        failures++;
        const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (failures - 1));
        nextRetryAt = new Date(now().getTime() + delay).toISOString();
        arm(delay);
      }
      setStatus({
        running: false,
        lastError: PROBLEM_WORDS[problem.problem],
        problem: problem.problem,
        nextRetryAt,
        pending: await pendingCount(connection).catch(() => status.pending),
      });
      throw problem;
    }
  };

  const runSync = (): Promise<RunReport[]> => {
    if (running) return running;
    stopped = false;
    running = run().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        arm(0);
      }
    });
    return running;
  };

  function arm(delayMs: number) {
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => {
      timer = null;
      if (running) {
        again = true;
        return;
      }
      runSync().catch(() => {
        // The status holds the reason and a retry is armed.
      });
    }, delayMs);
  }

  return {
    runSync,
    scheduleSync(delayMs = options.debounceMs ?? DEBOUNCE_MS) {
      arm(delayMs);
    },
    status: () => status,
    stop() {
      stopped = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
      for (const replication of replications) replication.cancel();
    },
    idle: () =>
      running
        ? running.then(
            () => {},
            () => {},
          )
        : Promise.resolve(),
  };
}
