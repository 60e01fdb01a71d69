import { createServer, type Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { MirrorDatabase } from '../../../lib/sync/pouch';
import { connectUser, createDevice } from '../../support/sync-devices';
import { arxivPaper } from '../../support/sync-rows';
import { syncServerForThisFile } from '../../support/sync-server';

const server = syncServerForThisFile();

/** A tiny HTTP server that answers every request with `answer`. */
async function fakeServer(
  answer: (url: string) => { status: number; type: string; body: string },
): Promise<{ origin: string; server: Server }> {
  const fake = createServer((request, response) => {
    const { status, type, body } = answer(request.url ?? '/');
    response.writeHead(status, { 'content-type': type });
    response.end(body);
  });
  await new Promise<void>((listening) => fake.listen(0, '127.0.0.1', listening));
  const address = fake.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { origin: `http://127.0.0.1:${address.port}`, server: fake };
}

function offlineNotes(device: ReturnType<typeof createDevice>): void {
  device.local.addPaper(arxivPaper(1));
  device.local.saveNote('arxiv:2501.10001', 'kept safe', '2026-06-01T00:00:00.000Z');
}

describe('failure is boring', () => {
  it('says the password is wrong, keeps the changes and pushes nothing', async () => {
    const connection = await connectUser(server(), 'wrong-password');
    const device = createDevice(() => ({ ...connection, password: 'not-it' }));
    offlineNotes(device);
    await expect(device.runner.runSync()).rejects.toMatchObject({ problem: 'credentials' });
    expect(device.runner.status()).toMatchObject({ lastError: 'the user name or password is wrong', pending: 2, running: false });
    expect(device.local.outbox).toHaveLength(2);
    expect(device.local.applied).toHaveLength(0);
  });

  it('retries an unreachable server with exponential backoff, and resets it after a success', async () => {
    const connection = await connectUser(server(), 'backoff');
    let up = false;
    const delays: number[] = [];
    let retry: (() => void) | null = null;
    const device = createDevice(() => (up ? connection : { ...connection, serverUrl: 'http://127.0.0.1:9' }), {
      backoff: { initialMs: 1000, maxMs: 4000 },
      now: () => new Date('2026-06-01T00:00:00.000Z'),
      timers: {
        set(callback, ms) {
          delays.push(ms);
          retry = callback;
          return delays.length;
        },
        clear() {},
      },
    });
    offlineNotes(device);
    await expect(device.runner.runSync()).rejects.toMatchObject({ problem: 'unreachable' });
    expect(device.runner.status()).toMatchObject({ nextRetryAt: '2026-06-01T00:00:01.000Z', pending: 2 });
    for (let attempt = 0; attempt < 3; attempt++) {
      (retry as unknown as () => void)();
      await device.runner.runSync().catch(() => {});
    }
    expect(delays).toEqual([1000, 2000, 4000, 4000]);
    up = true;
    (retry as unknown as () => void)();
    await device.runner.runSync();
    expect(device.runner.status()).toMatchObject({ lastError: null, pending: 0, nextRetryAt: null });
    expect(device.local.outbox).toHaveLength(0);
    expect(delays).toEqual([1000, 2000, 4000, 4000]);
  });

  it('changes nothing locally when the server answers something that is not CouchDB', async () => {
    const html = await fakeServer(() => ({ status: 200, type: 'text/html', body: '<html>Welcome to nginx</html>' }));
    // Looks like a database, then answers nonsense to everything replication asks.
    const liar = await fakeServer((url) =>
      url.startsWith('/liar-private?') || url === '/liar-private'
        ? { status: 200, type: 'application/json', body: '{"db_name":"liar-private","update_seq":"7"}' }
        : { status: 200, type: 'application/json', body: '{"results": "no", "rows": 3, "ok": "sure"}' },
    );
    try {
      for (const origin of [html.origin, liar.origin]) {
        const device = createDevice(() => ({
          serverUrl: origin,
          user: 'u',
          password: 'p',
          privateDatabase: 'liar-private',
          labDatabase: null,
        }));
        offlineNotes(device);
        await expect(device.runner.runSync()).rejects.toMatchObject({ problem: 'not-couchdb' });
        expect(device.runner.status().lastError).toBe('the server answered something that is not CouchDB');
        expect(device.local.papers.size).toBe(1);
        expect(device.local.notes.get('arxiv:2501.10001')?.text).toBe('kept safe');
        expect(device.local.applied.flatMap((batch) => batch.changes)).toEqual([]);
      }
    } finally {
      html.server.close();
      liar.server.close();
    }
  });

  it('refuses documents that are not valid DigestLens documents, applying the valid ones', async () => {
    const connection = await connectUser(server(), 'garbage-docs');
    const admin = `Basic ${btoa(`${server().admin.user}:${server().admin.password}`)}`;
    const garbage = [
      { _id: 'note:arxiv:1', type: 'note', paperId: 'arxiv:1', text: 42, updatedAt: 'x', version: 1 },
      { _id: 'note:arxiv:2', type: 'note', paperId: 'arxiv:3', text: 'id and content disagree', updatedAt: 'x', version: 1 },
      { _id: 'digest:abc', type: 'digest' },
      { _id: 'note:arxiv:4', type: 'note', paperId: 'arxiv:4', text: 'fine', updatedAt: '2026-01-01T00:00:00.000Z', version: 1 },
    ];
    const response = await fetch(`${server().origin}/garbage-docs-private/_bulk_docs`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ docs: garbage }),
    });
    expect(response.status).toBe(201);
    const device = createDevice(() => connection);
    const [report] = await device.runner.runSync();
    expect(report).toMatchObject({ pulled: 4, rejected: 3, applied: 1 });
    expect([...device.local.notes.keys()]).toEqual(['arxiv:4']);
  });

  it('resumes a pull stopped halfway from its checkpoint, with exact counts', async () => {
    const connection = await connectUser(server(), 'resume');
    const writer = createDevice(() => connection);
    for (let n = 0; n < 1000; n++) writer.local.saveNote(`arxiv:2501.${20000 + n}`, `note ${n}`, '2026-07-01T00:00:00.000Z');
    await writer.runner.runSync();

    let stopAt = 300;
    const reader = createDevice(() => connection, {
      batchSize: 100,
      onBatch: ({ direction, docsRead }) => {
        if (direction === 'pull' && docsRead >= stopAt) reader.runner.stop();
      },
    });
    await expect(reader.runner.runSync()).rejects.toMatchObject({ problem: 'interrupted' });
    const mirror = reader.mirrors.get('private') as MirrorDatabase;
    expect((await mirror.info()).doc_count).toBe(300);
    expect(reader.local.notes.size).toBe(0);

    // The worker restarts: a new runner over the same mirror and local side.
    stopAt = Number.POSITIVE_INFINITY;
    let readAfterRestart = 0;
    const [report] = await reader
      .restart({
        onBatch: ({ direction, docsRead }) => {
          if (direction === 'pull') readAfterRestart = docsRead;
        },
      })
      .runSync();
    // Read from the checkpoint on: 700 documents, not 1,000 compared again.
    expect(readAfterRestart).toBe(700);
    expect(report).toMatchObject({ pulled: 700, applied: 1000, rejected: 0 });
    expect((await mirror.info()).doc_count).toBe(1000);
    expect(reader.local.notes.size).toBe(1000);
    expect(reader.local.applied.reduce((sum, batch) => sum + batch.changes.length, 0)).toBe(1000);
  });
});
