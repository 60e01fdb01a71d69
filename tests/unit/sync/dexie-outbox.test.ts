import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addToQueue, type DigestLensDB, deleteDigest, ensurePaper, saveNote, setRead } from '@/lib/db';
import { connectSync, disconnectSync } from '@/lib/db/outbox';
import { DexieLocalSide } from '@/lib/db/sync-local-side';
import { importFileText } from '@/lib/import/import-file';
import { noteVersionDocId } from '@/lib/sync/documents';
import { DIGEST_FILES, readDigest } from '../../support/paths';
import { makeTestDb } from '../../support/test-db';

let db: DigestLensDB;
beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

const SEEN = {
  title: 'Attention Is All You Need',
  arxivId: '1706.03762',
  abstract: 'Transformers.',
  url: 'https://arxiv.org/abs/1706.03762',
};

async function everyKindOfChange(): Promise<void> {
  const paper = await ensurePaper(db, SEEN);
  await saveNote(db, paper.id, 'first', 0, new Date('2026-01-01T00:00:00Z'));
  await saveNote(db, paper.id, 'second', 1, new Date('2026-01-02T00:00:00Z'));
  await addToQueue(db, paper.id, SEEN.url);
  await setRead(db, paper.id, true);
  const imported = await importFileText(db, DIGEST_FILES.sep01, readDigest(DIGEST_FILES.sep01));
  if (!imported.ok) throw new Error(imported.error);
  await deleteDigest(db, imported.value[0]?.digestId ?? '');
}

describe('the sync outbox', () => {
  it('stays empty while sync is not connected, whatever the user does', async () => {
    await everyKindOfChange();
    expect(await db.outbox.count()).toBe(0);
  });

  it('stays empty again after Disconnect', async () => {
    await connectSync(db, ['private', 'lab']);
    await everyKindOfChange();
    expect(await db.outbox.count()).toBeGreaterThan(0);
    await disconnectSync(db);
    expect(await db.outbox.count()).toBe(0);
    await everyKindOfChange();
    expect(await db.outbox.count()).toBe(0);
  });

  it('records a note, its earlier text, its paper and the queue item, each document once at its latest state', async () => {
    await connectSync(db, ['private']);
    await everyKindOfChange();
    const rows = await new DexieLocalSide(db).pendingChanges(100);
    const paperId = 'arxiv:1706.03762';
    const versionId = await noteVersionDocId({ paperId, savedAt: '2026-01-01T00:00:00.000Z', text: 'first' });
    // The lab database is not connected: the import and the delete wrote nothing.
    expect(rows.map((r) => [r.database, r.doc._id])).toEqual([
      ['private', versionId],
      ['private', `note:${paperId}`],
      ['private', `paper:${paperId}`],
      ['private', `queue:${paperId}`],
    ]);
    expect(rows[1]?.doc).toMatchObject({ text: 'second', version: 2 });
    expect(rows[3]?.doc).toMatchObject({ readAt: expect.any(String) });
    expect(await new DexieLocalSide(db).countPending()).toBe(4);
  });

  it('records an import as one digest document with its entries, and its papers, for the lab database', async () => {
    await connectSync(db, ['private', 'lab']);
    const imported = await importFileText(db, DIGEST_FILES.sep01, readDigest(DIGEST_FILES.sep01));
    if (!imported.ok) throw new Error(imported.error);
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1 + 29);
    expect(rows.every((r) => r.database === 'lab')).toBe(true);
    const digest = rows.find((r) => r.docId === `digest:${imported.value[0]?.digestId ?? ''}`);
    expect(digest?.doc).toMatchObject({ type: 'digest', paperCount: 29 });
    expect((digest?.doc as { entries?: unknown[] } | undefined)?.entries).toHaveLength(29);
  });

  it('queues every existing row once on Connect, for the first upload', async () => {
    await everyKindOfChange();
    const imported = await importFileText(db, DIGEST_FILES.jun05, readDigest(DIGEST_FILES.jun05));
    if (!imported.ok) throw new Error(imported.error);
    await connectSync(db, ['private', 'lab']);
    const rows = await new DexieLocalSide(db).pendingChanges(1000);
    const kinds = (database: string) =>
      rows
        .filter((r) => r.database === database)
        .map((r) => r.doc._id.split(':')[0])
        .sort();
    expect(kinds('private')).toEqual(['note', 'paper', 'queue', 'version']);
    expect(kinds('lab')).toEqual(['digest', ...Array(34).fill('paper')]);
  });

  it('writes outbox rows in the same transaction as the change: a failing transaction leaves none', async () => {
    await connectSync(db, ['private', 'lab']);
    const paper = await ensurePaper(db, SEEN);
    await expect(
      db.transaction('rw', db.tables, async () => {
        await saveNote(db, paper.id, 'never saved', 0);
        await addToQueue(db, paper.id, SEEN.url);
        throw new Error('the worker died here');
      }),
    ).rejects.toThrow('the worker died here');
    expect(await db.notes.count()).toBe(0);
    expect(await db.queue.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('never trims an earlier text from another device, however many saves follow', async () => {
    const paper = await ensurePaper(db, SEEN);
    await db.noteVersions.add({
      paperId: paper.id,
      text: 'from the laptop',
      savedAt: '2020-01-01T00:00:00.000Z',
      version: 1,
      fromAnotherDevice: true,
    });
    let version = 0;
    for (let i = 0; i < 60; i++) {
      // Each save a day apart, so each replaced text is kept as a version.
      version = (await saveNote(db, paper.id, `text ${i}`, version, new Date(Date.UTC(2026, 0, 1 + i)))).note.version;
    }
    const versions = await db.noteVersions.where('paperId').equals(paper.id).toArray();
    expect(versions.filter((v) => !v.fromAnotherDevice)).toHaveLength(50);
    expect(versions.filter((v) => v.fromAnotherDevice).map((v) => v.text)).toEqual(['from the laptop']);
  });
});
