import MemoryAdapter from 'pouchdb-adapter-memory';
import { describe, expect, it } from 'vitest';
import { backupJson, exportBackup, parseBackupText, restoreBackup } from '@/lib/backup';
import { ensurePaper, saveNote, storeSyncConnection } from '@/lib/db';
import { META_KEYS } from '@/lib/db/meta-keys';
import type { SyncEvent } from '@/lib/messaging/protocol/page-to-background';
import { SYNC_PORT } from '@/lib/messaging/protocol/page-to-background';
import { type SyncBrowser, startBackgroundSync } from '@/lib/sync/background-sync';
import { openMirror, PouchDB } from '@/lib/sync/pouch';
import { serveSyncPanel } from '@/lib/sync/serve-sync-panel';
import { makeTestDb } from '../../support/test-db';

PouchDB.plugin(MemoryAdapter);

const PASSWORD = 'secret-password-91f3';
// Nothing listens on the discard port: a run fails at once as "unreachable", without leaving the machine.
const CONNECTION = { serverUrl: 'http://127.0.0.1:9', user: 'ann', password: PASSWORD, privateDatabase: 'notes-ann', labDatabase: null };

function fakeBrowser(granted: boolean) {
  const alarms = new Map<string, { periodInMinutes?: number; when?: number }>();
  const removed: string[] = [];
  const browser: SyncBrowser = {
    alarms: {
      create: (name, info) => alarms.set(name, info),
      clear: async (name) => alarms.delete(name),
      onAlarm: { addListener: () => {} },
    },
    permissions: {
      contains: async () => granted,
      remove: async ({ origins }) => {
        removed.push(...origins);
        return true;
      },
    },
  };
  return { browser, alarms, removed };
}

/** A runtime.Port pair's serving end, as the channel helper sees it. */
function fakePort(url: string) {
  const messages: unknown[] = [];
  const onMessage: Array<(m: unknown) => void> = [];
  const port = {
    name: SYNC_PORT,
    sender: { id: 'ext-id', url, ...(url.startsWith('https:') && { tab: { id: 1 } }) },
    onDisconnect: { addListener: () => {} },
    onMessage: { addListener: (l: (m: unknown) => void) => onMessage.push(l) },
    postMessage: (m: unknown) => messages.push(m),
  };
  return {
    port,
    messages,
    send: (m: unknown) => {
      for (const listener of onMessage) listener(m);
    },
  };
}

describe('sync credentials stay in the background', () => {
  it('never puts the sync connection into a backup, and a restored backup connects nothing', async () => {
    const db = makeTestDb();
    const paper = await ensurePaper(db, { title: 'A paper', arxivId: '2501.00001', abstract: null, url: null });
    await saveNote(db, paper.id, 'a note', 0, new Date('2026-01-01T00:00:00Z'));
    await storeSyncConnection(db, CONNECTION);
    expect((await db.meta.get(META_KEYS.syncConnection))?.value).toMatchObject({ password: PASSWORD });

    const json = backupJson(await exportBackup(db, new Date('2026-01-02T00:00:00Z')));
    expect(json).toContain('a note');
    expect(json).not.toContain(PASSWORD);
    expect(json).not.toContain('127.0.0.1');
    expect(json).not.toContain('notes-ann');

    const fresh = makeTestDb();
    await restoreBackup(fresh, parseBackupText(json));
    expect(await fresh.meta.get(META_KEYS.syncConnection)).toBeUndefined();
    expect(await fresh.meta.get(META_KEYS.syncDatabases)).toBeUndefined();
  });

  it('answers the Sync panel without the password, refuses content scripts, and forgets everything on Disconnect', async () => {
    const db = makeTestDb();
    const paper = await ensurePaper(db, { title: 'A paper', arxivId: '2501.00001', abstract: null, url: null });
    await saveNote(db, paper.id, 'a note written before connecting', 0, new Date('2026-01-01T00:00:00Z'));
    const { browser, alarms, removed } = fakeBrowser(true);
    const sync = startBackgroundSync({ db, browser, browserName: 'chrome', openMirror: (name) => openMirror(name, 'memory') });
    const listeners: Array<(port: unknown) => void> = [];
    const runtime = {
      id: 'ext-id',
      getURL: (path: string) => `chrome-extension://ext-id${path}`,
      onConnect: { addListener: (l: (p: unknown) => void) => listeners.push(l) },
    };
    serveSyncPanel(runtime as never, sync);

    const page = fakePort('chrome-extension://ext-id/library.html');
    const content = fakePort('https://arxiv.org/abs/2501.00001');
    for (const listener of listeners) listener(page.port);
    for (const listener of listeners) listener(content.port);

    page.send({ id: 1, request: { type: 'connect', ...CONNECTION } });
    content.send({ id: 1, request: { type: 'sync-now' } });
    await expect.poll(() => page.messages.some((m) => (m as { id?: number }).id === 1)).toBe(true);
    expect(page.messages).toContainEqual({ id: 1, answer: { ok: true, value: null } });
    expect(content.messages).toEqual([{ id: 1, answer: { ok: false, error: 'sender not allowed' } }]);
    expect(alarms.get('digestlens-sync')).toEqual({ periodInMinutes: 15 });

    // The first run fails (nothing listens there): the status says so in plain words.
    const last = () => (page.messages.filter((m) => 'event' in (m as object)).at(-1) as { event: SyncEvent } | undefined)?.event.state;
    await expect.poll(() => last()?.status.lastError).toBe('the server is unreachable');
    expect(last()?.connection).toEqual({ serverUrl: 'http://127.0.0.1:9', user: 'ann', privateDatabase: 'notes-ann', labDatabase: null });
    expect(JSON.stringify(page.messages)).not.toContain(PASSWORD);
    // The paper and its note wait in the outbox.
    expect(last()?.status.pending).toBe(2);

    page.send({ id: 2, request: { type: 'disconnect' } });
    await expect.poll(() => page.messages.some((m) => (m as { id?: number }).id === 2)).toBe(true);
    expect(await db.meta.get(META_KEYS.syncConnection)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect([...alarms.keys()]).toEqual([]);
    expect(removed).toEqual(['http://127.0.0.1:9/*']);
    expect(last()).toEqual({
      connection: null,
      status: { running: false, lastSyncAt: null, pending: 0, lastError: null, nextRetryAt: null },
    });
  });

  it('refuses to connect without the host permission, and stores nothing', async () => {
    const db = makeTestDb();
    const sync = startBackgroundSync({
      db,
      browser: fakeBrowser(false).browser,
      browserName: 'firefox',
      openMirror: (n) => openMirror(n, 'memory'),
    });
    await expect(sync.connect({ ...CONNECTION, serverUrl: 'https://couch.example.org:6984/' })).rejects.toThrow(
      'DigestLens may not reach https://couch.example.org:6984: allow it when the browser asks',
    );
    expect(await db.meta.get(META_KEYS.syncConnection)).toBeUndefined();
    await expect(sync.connect({ ...CONNECTION, privateDatabase: 'Notes' })).rejects.toThrow(/^Private database: CouchDB names start/);
  });
});
