/**
 * Earlier texts a device drops by itself (trimmed beyond KEPT_VERSIONS, or coalesced while two tabs
 * type at once) are dropped on the server too: a fresh device pulling the private database gets
 * exactly the earlier texts the writing device has, never the ones it let go.
 */
import { describe, expect, it } from 'vitest';
import { type DigestLensDB, ensurePaper, KEPT_VERSIONS, saveNote } from '@/lib/db';
import { SESSION_GAP_MS } from '@/lib/db/notes';
import { createDexieDevice } from '../../support/dexie-sync-devices';
import { connectUser } from '../../support/sync-devices';
import { syncServerForThisFile } from '../../support/sync-server';

const server = syncServerForThisFile();

const PAPER = { title: 'Attention Is All You Need', arxivId: '1706.03762', abstract: null, url: null };
const PAPER_ID = 'arxiv:1706.03762';
const T0 = Date.parse('2026-11-20T09:00:00Z');
/** The n-th editing session: far enough from the one before that its text is kept as a version. */
const session = (n: number) => new Date(T0 + n * (SESSION_GAP_MS + 1000));

async function editSessions(db: DigestLensDB, first: number, count: number): Promise<void> {
  for (let n = first; n < first + count; n++) {
    const version = (await db.notes.get(PAPER_ID))?.version ?? 0;
    await saveNote(db, PAPER_ID, `session ${n}`, version, session(n));
  }
}

/** A device's earlier texts of the paper's note, as `time text`, sorted (what a version document carries). */
async function versionsOf(db: DigestLensDB): Promise<string[]> {
  const versions = await db.noteVersions.where('paperId').equals(PAPER_ID).toArray();
  return versions.map((v) => `${v.savedAt} ${v.text}`).sort();
}

describe('earlier texts dropped on one device are dropped everywhere', () => {
  it(`a note past ${KEPT_VERSIONS} earlier texts: devices old and new get the ${KEPT_VERSIONS} the writing device kept`, async () => {
    const connection = await connectUser(server(), 'version-cap');
    const a = await createDexieDevice(() => connection);
    const b = await createDexieDevice(() => connection);
    await ensurePaper(a.db, PAPER);
    // 55 sessions keep 54 earlier texts, trimmed to 50 before the first push (4 never need the server) ...
    await editSessions(a.db, 0, 55);
    await a.runner.runSync();
    await b.runner.runSync();
    expect(await versionsOf(b.db)).toHaveLength(KEPT_VERSIONS);
    // ... and 3 more sessions trim 3 texts the server, and device B, already have.
    await editSessions(a.db, 55, 3);
    await a.runner.runSync();
    const kept = await versionsOf(a.db);
    expect(kept).toHaveLength(KEPT_VERSIONS);
    expect(kept[0]).toBe(`${session(7).toISOString()} session 7`);

    await b.runner.runSync();
    expect(await versionsOf(b.db)).toEqual(kept);
    // B drops them as told, and says nothing back.
    expect(await b.db.outbox.count()).toBe(0);
    const fresh = await createDexieDevice(() => connection);
    await fresh.runner.runSync();
    expect(await versionsOf(fresh.db)).toEqual(kept);
    expect((await fresh.db.notes.get(PAPER_ID))?.text).toBe('session 57');
  });

  it('two tabs typing at once: a fresh device gets one earlier text per tab, as the writing device has', async () => {
    const connection = await connectUser(server(), 'version-coalesce');
    const a = await createDexieDevice(() => connection);
    await ensurePaper(a.db, PAPER);
    const now = new Date(T0);
    let tabs = { a: { version: 0, text: 'A' }, b: { version: 0, text: 'B' } };
    const type = async (tab: 'a' | 'b', key: string) => {
      const text = tabs[tab].text + key;
      tabs = { ...tabs, [tab]: { version: (await saveNote(a.db, PAPER_ID, text, tabs[tab].version, now)).note.version, text } };
    };
    // Each tab types 4 keys, interleaved; a sync in the middle pushes texts that are coalesced later.
    for (let i = 0; i < 4; i++) {
      await type('a', 'a');
      await type('b', 'b');
      if (i === 1) await a.runner.runSync();
    }
    await a.runner.runSync();
    const kept = await versionsOf(a.db);
    expect(kept).toEqual([`${now.toISOString()} Aaaaa`, `${now.toISOString()} Bbbb`]);

    const b = await createDexieDevice(() => connection);
    await b.runner.runSync();
    expect(await versionsOf(b.db)).toEqual(kept);
    expect((await b.db.notes.get(PAPER_ID))?.text).toBe('Bbbbb');
  });

  it('a text kept because another tab saved over it stays kept on every device, however many sessions follow there', async () => {
    const connection = await connectUser(server(), 'version-kept-because');
    const a = await createDexieDevice(() => connection);
    const b = await createDexieDevice(() => connection);
    await ensurePaper(a.db, PAPER);
    // Two tabs on A: the second saves over the first, whose text is kept (the user is told so).
    await saveNote(a.db, PAPER_ID, 'tab one', 0, session(0));
    await saveNote(a.db, PAPER_ID, 'tab two', 0, session(0));
    await a.runner.runSync();
    await b.runner.runSync();
    const keptOnB = await b.db.noteVersions.where('paperId').equals(PAPER_ID).toArray();
    expect(keptOnB.map((v) => [v.text, v.keptBecause])).toEqual([['tab one', 'concurrent']]);
    // B edits in 55 later sessions: its cap trims its own earlier texts, never the one A was told it keeps.
    await editSessions(b.db, 1, 55);
    await b.runner.runSync();
    await a.runner.runSync();
    for (const device of [a, b]) {
      const texts = (await versionsOf(device.db)).map((v) => v.slice(v.indexOf(' ') + 1));
      expect(texts).toContain('tab one');
      expect(texts).toHaveLength(KEPT_VERSIONS + 1);
    }
  });
});
