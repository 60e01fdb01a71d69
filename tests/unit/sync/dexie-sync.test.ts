import { describe, expect, it } from 'vitest';
import { type DigestLensDB, digestMemberships, ensurePaper, entriesOfDigest, saveNote } from '@/lib/db';
import { importFileText } from '@/lib/import/import-file';
import type { MirrorDatabase } from '@/lib/sync/pouch';
import { createDexieDevice, type DexieDevice } from '../../support/dexie-sync-devices';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { connectUser } from '../../support/sync-devices';
import { syncServerForThisFile } from '../../support/sync-server';

const server = syncServerForThisFile();

const PAPER = { title: 'Paper number 1', arxivId: '2501.10001', abstract: 'Abstract 1', url: 'https://arxiv.org/abs/2501.10001' };
const PAPER_ID = 'arxiv:2501.10001';

async function edit(db: DigestLensDB, paperId: string, text: string, at: string) {
  const version = (await db.notes.get(paperId))?.version ?? 0;
  return saveNote(db, paperId, text, version, new Date(at));
}

async function texts(device: DexieDevice, paperId: string): Promise<string[]> {
  const versions = await device.db.noteVersions.where('paperId').equals(paperId).toArray();
  return versions.map((v) => `${v.text}${v.fromAnotherDevice ? ' (other device)' : ''}`).sort();
}

describe('sync between two DigestLens databases through the server', () => {
  it('carries 1,000 notes from one device to another, each exactly once', async () => {
    const connection = await connectUser(server(), 'dexie-roundtrip');
    const a = await createDexieDevice(() => connection);
    const b = await createDexieDevice(() => connection);
    for (let n = 0; n < 1000; n++) {
      const paper = await ensurePaper(a.db, {
        title: `Paper number ${n}`,
        arxivId: `2501.${10000 + n}`,
        abstract: `Abstract ${n}`,
        url: null,
      });
      await saveNote(a.db, paper.id, `note ${n}`, 0, new Date('2026-02-01T00:00:00Z'));
    }
    expect(await a.local.countPending()).toBe(2000);

    const [pushA] = await a.runner.runSync();
    expect(pushA).toMatchObject({ database: 'private', pushed: 2000, pulled: 0, applied: 0, rejected: 0 });
    expect(await a.db.outbox.count()).toBe(0);

    const [pullB] = await b.runner.runSync();
    expect(pullB).toMatchObject({ pushed: 0, pulled: 2000, applied: 2000, rejected: 0 });
    expect(await b.db.papers.count()).toBe(1000);
    expect(await b.db.notes.count()).toBe(1000);
    expect((await b.db.notes.get('arxiv:2501.10999'))?.text).toBe('note 999');
    expect(await b.db.outbox.count()).toBe(0);

    const [again] = await b.runner.runSync();
    expect(again).toMatchObject({ pushed: 0, pulled: 0, applied: 0 });
    const [echo] = await a.runner.runSync();
    expect(echo).toMatchObject({ pushed: 0, pulled: 0, applied: 0 });
  });

  it('keeps both texts of a concurrent edit on both devices, and tells the editor', async () => {
    const connection = await connectUser(server(), 'dexie-concurrent');
    const a = await createDexieDevice(() => connection);
    const b = await createDexieDevice(() => connection);
    await ensurePaper(a.db, PAPER);
    await edit(a.db, PAPER_ID, 'first text', '2026-04-01T09:00:00.000Z');
    await a.runner.runSync();
    await b.runner.runSync();
    expect((await b.db.notes.get(PAPER_ID))?.text).toBe('first text');

    await edit(a.db, PAPER_ID, 'edited on the laptop', '2026-04-01T09:01:00.000Z');
    await edit(b.db, PAPER_ID, 'edited on the desktop', '2026-04-01T09:01:30.000Z');
    await a.runner.runSync();
    const [bReport] = await b.runner.runSync();
    expect(bReport).toMatchObject({ folded: 1 });
    await a.runner.runSync();

    for (const device of [a, b]) {
      expect((await device.db.notes.get(PAPER_ID))?.text).toBe('edited on the desktop');
      expect(await texts(device, PAPER_ID)).toEqual(['edited on the laptop (other device)']);
      expect(await device.db.outbox.count()).toBe(0);
    }
    expect(a.notices).toEqual([PAPER_ID]);
    expect(b.notices).toContain(PAPER_ID);
  });

  it('syncs edits made offline once the server answers again', async () => {
    const connection = await connectUser(server(), 'dexie-offline');
    let reachable = false;
    const a = await createDexieDevice(() => (reachable ? connection : { ...connection, serverUrl: 'http://127.0.0.1:9' }));
    const b = await createDexieDevice(() => connection);
    await ensurePaper(a.db, PAPER);
    await edit(a.db, PAPER_ID, 'written on the train', '2026-03-01T08:00:00.000Z');
    await expect(a.runner.runSync()).rejects.toMatchObject({ problem: 'unreachable' });
    expect(a.runner.status()).toMatchObject({ lastError: 'the server is unreachable', pending: 2 });
    expect(await a.db.outbox.count()).toBe(2);

    reachable = true;
    const [report] = await a.runner.runSync();
    expect(report).toMatchObject({ pushed: 2 });
    await b.runner.runSync();
    expect((await b.db.notes.get(PAPER_ID))?.text).toBe('written on the train');
  });

  it('resumes a pull stopped halfway from its checkpoint, with exact counts', async () => {
    const connection = await connectUser(server(), 'dexie-resume');
    const writer = await createDexieDevice(() => connection);
    await writer.db.transaction('rw', writer.db.tables, async () => {
      for (let n = 0; n < 1000; n++) await saveNote(writer.db, `arxiv:2501.${20000 + n}`, `note ${n}`, 0, new Date('2026-07-01T00:00:00Z'));
    });
    await writer.runner.runSync();

    let stopAt = 300;
    const reader: DexieDevice = await createDexieDevice(() => connection, {
      batchSize: 100,
      onBatch: ({ direction, docsRead }) => {
        if (direction === 'pull' && docsRead >= stopAt) reader.runner.stop();
      },
    });
    await expect(reader.runner.runSync()).rejects.toMatchObject({ problem: 'interrupted' });
    const mirror = reader.mirrors.get('private') as MirrorDatabase;
    expect((await mirror.info()).doc_count).toBe(300);
    expect(await reader.db.notes.count()).toBe(0);

    stopAt = Number.POSITIVE_INFINITY;
    let readAfterRestart = 0;
    const [report] = await reader
      .restart({
        onBatch: ({ direction, docsRead }) => {
          if (direction === 'pull') readAfterRestart = docsRead;
        },
      })
      .runSync();
    expect(readAfterRestart).toBe(700);
    expect(report).toMatchObject({ pulled: 700, applied: 1000, rejected: 0 });
    expect(await reader.db.notes.count()).toBe(1000);
    expect(await reader.db.outbox.count()).toBe(0);
  });

  it('makes one paper of a paper known by its title on one device and by its arXiv id on the other, keeping both notes', async () => {
    const connection = await connectUser(server(), 'dexie-two-ids');
    const a = await createDexieDevice(() => connection);
    const b = await createDexieDevice(() => connection);
    const byTitle = await ensurePaper(a.db, { title: 'Paper number 5', arxivId: null, abstract: '', url: null });
    expect(byTitle.id).toBe('title:papernumber5');
    await edit(a.db, byTitle.id, 'read on the phone', '2026-05-01T08:00:00.000Z');
    const byArxiv = await ensurePaper(b.db, { title: 'Paper number 5', arxivId: '2501.10005', abstract: 'Abstract 5', url: null });
    await edit(b.db, byArxiv.id, 'read at the desk', '2026-05-01T09:00:00.000Z');

    await a.runner.runSync();
    const [merge] = await b.runner.runSync();
    expect(merge).toMatchObject({ papersMerged: 1 });
    await a.runner.runSync();

    for (const device of [a, b]) {
      expect(await device.db.papers.toCollection().primaryKeys()).toEqual([byArxiv.id]);
      expect((await device.db.papers.get(byArxiv.id))?.arxivId).toBe('2501.10005');
      expect(await device.db.notes.toArray()).toEqual([expect.objectContaining({ paperId: byArxiv.id, text: 'read at the desk' })]);
      expect(await texts(device, byArxiv.id)).toEqual(['read on the phone (other device)']);
      expect(await device.db.noteVersions.count()).toBe(1);
    }
  });

  it('brings a digest imported on one device into the other device’s digests, with its listing', async () => {
    const connection = await connectUser(server(), 'dexie-lab', true);
    const a = await createDexieDevice(() => connection);
    const b = await createDexieDevice(() => connection);
    const imported = await importFileText(a.db, DIGEST_FILES.sep01, readDigest(DIGEST_FILES.sep01));
    if (!imported.ok) throw new Error(imported.error);
    const reports = await a.runner.runSync();
    expect(reports.map((r) => [r.database, r.pushed])).toEqual([
      ['private', 0],
      ['lab', 30],
    ]);
    await b.runner.runSync();
    const digestId = imported.value[0]?.digestId ?? '';
    expect(await b.db.digests.get(digestId)).toEqual(await a.db.digests.get(digestId));
    expect(await entriesOfDigest(b.db, digestId)).toEqual(await entriesOfDigest(a.db, digestId));
    expect(await b.db.papers.orderBy('id').toArray()).toEqual(await a.db.papers.orderBy('id').toArray());
    const ids = await a.db.papers.toCollection().primaryKeys();
    expect(await digestMemberships(b.db, ids)).toEqual(await digestMemberships(a.db, ids));
  });
});
