/**
 * Starts the sync tests' CouchDB-protocol server: pouchdb-server 4.2.0 (tests/sync-server, its own
 * lockfile, installed by `.ci/run`), on 127.0.0.1 with a fresh in-memory store, in a temporary
 * folder (it writes its config and log into the folder it runs in). Stopped by its process id.
 * A test double only: users run Apache CouchDB 3.x (README, "Sync").
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const SERVER_BIN = resolve(import.meta.dirname, '../sync-server/node_modules/.bin/pouchdb-server');

export interface SyncServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  admin: { user: string; password: string };
  pid: number;
  /** Creates a database (as the admin) and a user who may read and write it; returns its URL. */
  createDatabase(name: string, member?: { user: string; password: string }): Promise<string>;
  /** One document of `database` read as the admin (what the server holds), or null when it has none. */
  readDoc<Doc = Record<string, unknown>>(database: string, id: string): Promise<Doc | null>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitUntilUp(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`pouchdb-server did not answer on ${origin} within 30 s:\n${log()}`);
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

export async function startSyncServer(): Promise<SyncServer> {
  if (!existsSync(SERVER_BIN)) {
    throw new Error('the sync test server is not installed: run `npm ci --prefix tests/sync-server` (.ci/run does)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'digestlens-sync-server-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(SERVER_BIN, ['--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json')], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(origin, child, () => output);
    // An admin first: while the server is in "admin party" mode an unauthenticated PUT of some
    // paths crashes it (pouchdb-server #374), and a real CouchDB 3 is never in that mode.
    const admin = { user: 'admin', password: 'test-admin-password' };
    await expectOk(
      await fetch(`${origin}/_config/admins/${admin.user}`, { method: 'PUT', body: JSON.stringify(admin.password) }),
      'create admin',
    );
    const asAdmin = basic(admin.user, admin.password);
    return {
      origin,
      admin,
      pid: child.pid ?? -1,
      async createDatabase(name, member) {
        const url = `${origin}/${encodeURIComponent(name)}`;
        await expectOk(await fetch(url, { method: 'PUT', headers: { authorization: asAdmin } }), `create ${name}`);
        if (member) {
          const userDoc = { _id: `org.couchdb.user:${member.user}`, name: member.user, password: member.password, roles: [], type: 'user' };
          const put = await fetch(`${origin}/_users/${encodeURIComponent(userDoc._id)}`, {
            method: 'PUT',
            headers: { authorization: asAdmin, 'content-type': 'application/json' },
            body: JSON.stringify(userDoc),
          });
          // 409: the user exists already (a second database for the same user).
          if (put.status !== 409) await expectOk(put, `create user ${member.user}`);
          const security = { admins: { names: [], roles: [] }, members: { names: [member.user], roles: [] } };
          await expectOk(
            await fetch(`${url}/_security`, {
              method: 'PUT',
              headers: { authorization: asAdmin, 'content-type': 'application/json' },
              body: JSON.stringify(security),
            }),
            `secure ${name}`,
          );
        }
        return url;
      },
      async readDoc<Doc>(database: string, id: string) {
        const response = await fetch(`${origin}/${encodeURIComponent(database)}/${encodeURIComponent(id)}`, {
          headers: { authorization: asAdmin },
        });
        if (response.status === 404) return null;
        await expectOk(response, `read ${id} from ${database}`);
        return (await response.json()) as Doc;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One sync server for the calling test file: started before its tests, stopped after them. */
export function syncServerForThisFile(): () => SyncServer {
  let server: SyncServer | undefined;
  beforeAll(async () => {
    server = await startSyncServer();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the sync test server did not start');
    return server;
  };
}
