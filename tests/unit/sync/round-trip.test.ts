import { describe, expect, it } from 'vitest';
import { noteVersionDocId } from '../../../lib/sync/documents';
import { connectUser, createDevice } from '../../support/sync-devices';
import { arxivPaper } from '../../support/sync-rows';
import { syncServerForThisFile } from '../../support/sync-server';

const server = syncServerForThisFile();

describe('notes, queue and digests round trip through the server', () => {
  it('carries 1,000 notes from one device to another, each exactly once', async () => {
    const connection = await connectUser(server(), 'roundtrip');
    const a = createDevice(() => connection);
    const b = createDevice(() => connection);
    for (let n = 0; n < 1000; n++) {
      a.local.addPaper(arxivPaper(n));
      a.local.saveNote(`arxiv:${arxivPaper(n).arxivId}`, `note ${n}`, `2026-02-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`);
    }
    expect(await a.local.countPending()).toBe(2000);

    const [pushA] = await a.runner.runSync();
    expect(pushA).toMatchObject({ database: 'private', pushed: 2000, pulled: 0, applied: 0, rejected: 0, folded: 0 });
    expect(a.runner.status()).toMatchObject({ pending: 0, lastError: null, problem: null });
    expect(a.local.outbox).toHaveLength(0);

    const [pullB] = await b.runner.runSync();
    expect(pullB).toMatchObject({ pushed: 0, pulled: 2000, applied: 2000, rejected: 0 });
    expect(b.local.papers.size).toBe(1000);
    expect(b.local.notes.size).toBe(1000);
    expect(b.local.notes.get('arxiv:2501.10999')?.text).toBe('note 999');

    // A second run moves nothing, and A does not get its own notes echoed back.
    const [again] = await b.runner.runSync();
    expect(again).toMatchObject({ pushed: 0, pulled: 0, applied: 0 });
    const [echo] = await a.runner.runSync();
    expect(echo).toMatchObject({ pushed: 0, pulled: 0, applied: 0 });
  });

  it('syncs edits made offline once the server answers again, and the status says why it waited', async () => {
    const connection = await connectUser(server(), 'offline');
    let reachable = false;
    const dead = { ...connection, serverUrl: 'http://127.0.0.1:9' };
    const a = createDevice(() => (reachable ? connection : dead));
    const b = createDevice(() => connection);
    a.local.addPaper(arxivPaper(1));
    a.local.saveNote('arxiv:2501.10001', 'written on the train', '2026-03-01T08:00:00.000Z');

    await expect(a.runner.runSync()).rejects.toMatchObject({ problem: 'unreachable' });
    expect(a.runner.status()).toMatchObject({ lastError: 'the server is unreachable', pending: 2, lastSyncAt: null });
    expect(a.local.outbox).toHaveLength(2);

    reachable = true;
    const [report] = await a.runner.runSync();
    expect(report).toMatchObject({ pushed: 2 });
    expect(a.runner.status()).toMatchObject({ lastError: null, pending: 0 });
    await b.runner.runSync();
    expect(b.local.notes.get('arxiv:2501.10001')?.text).toBe('written on the train');
  });

  it('carries a digest with its entries through the lab database, and a queue item through the private one', async () => {
    const connection = await connectUser(server(), 'lab', true);
    const a = createDevice(() => connection);
    const b = createDevice(() => connection);
    a.local.addPaper(arxivPaper(7), 'lab');
    a.local.importDigest({
      id: 'digest-1',
      fileName: 'daily.txt',
      format: 'hf-daily-text',
      dateRaw: 'Sep 1',
      date: '2026-09-01',
      paperCount: 1,
      importedAt: '2026-09-01T10:00:00.000Z',
      entries: [{ paperId: 'arxiv:2501.10007', position: 0, upvotes: 12, publishedRaw: null, published: null }],
    });
    a.local.addToQueue({
      paperId: 'arxiv:2501.10007',
      order: 1,
      addedAt: '2026-09-01T10:00:00.000Z',
      source: 'digest:digest-1',
      readAt: null,
    });
    const reports = await a.runner.runSync();
    expect(reports.map((r) => [r.database, r.pushed])).toEqual([
      ['private', 1],
      ['lab', 2],
    ]);
    await b.runner.runSync();
    expect(b.local.digests.get('digest-1')?.entries).toEqual([
      { paperId: 'arxiv:2501.10007', position: 0, upvotes: 12, publishedRaw: null, published: null },
    ]);
    expect(b.local.papers.has('arxiv:2501.10007')).toBe(true);
    expect(b.local.queue.get('arxiv:2501.10007')?.source).toBe('digest:digest-1');
  });

  it('gives an earlier text the same id on every device', async () => {
    const v = { paperId: 'arxiv:2501.1', savedAt: '2026-01-01T00:00:00.000Z', text: 'same' };
    expect(await noteVersionDocId(v)).toBe(await noteVersionDocId({ ...v }));
    expect(await noteVersionDocId(v)).not.toBe(await noteVersionDocId({ ...v, text: 'other' }));
  });
});
