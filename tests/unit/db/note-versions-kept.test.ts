import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '@/lib/backup';
import { type DigestLensDB, ensurePaper, KEPT_VERSIONS, noteVersions, restoreNoteVersion, saveNote } from '@/lib/db';
import { SESSION_GAP_MS } from '@/lib/db/notes';
import { makeTestDb } from '../../support/test-db';

const PAPER = { title: 'Attention Is All You Need', arxivId: '1706.03762', abstract: null, url: null };
const T0 = Date.parse('2026-11-20T09:00:00Z');
/** The n-th editing session: far enough from the one before that its text is kept as a version. */
const session = (n: number) => new Date(T0 + n * (SESSION_GAP_MS + 1000));

let db: DigestLensDB;
let paperId: string;
beforeEach(async () => {
  db = makeTestDb();
  paperId = (await ensurePaper(db, PAPER)).id;
});
afterEach(() => db.close());

/** Saves `count` texts, each in an editing session of its own, from `first` on; returns the next session number. */
async function editSessions(first: number, count: number, label: string): Promise<number> {
  for (let i = 0; i < count; i++) {
    const note = await db.notes.get(paperId);
    await saveNote(db, paperId, `${label} ${first + i}`, note?.version ?? 0, session(first + i));
  }
  return first + count;
}

describe('texts the user was told are kept (issue 9, point 7)', () => {
  it('a text another tab replaced, and one replaced by restoring a version, outlive any number of later sessions', async () => {
    let next = await editSessions(0, 3, 'early');
    // Another tab saved on version 3 meanwhile: "early 2" is kept as concurrent.
    await saveNote(db, paperId, 'from the other tab', 2, session(next++));
    // Restoring "early 0" keeps "from the other tab" as replaced by a restore.
    const early0 = (await noteVersions(db, paperId)).find((v) => v.text === 'early 0');
    await restoreNoteVersion(db, early0?.id ?? -1, session(next++));
    next = await editSessions(next, KEPT_VERSIONS + 10, 'later');
    const versions = await noteVersions(db, paperId);
    expect(versions.filter((v) => !v.keptBecause)).toHaveLength(KEPT_VERSIONS);
    expect(versions.filter((v) => v.keptBecause).map((v) => [v.text, v.keptBecause])).toEqual([
      ['from the other tab', 'restored'],
      ['early 2', 'concurrent'],
    ]);
  });

  it('a text a restore merged ("both texts kept") outlives 60 later sessions', async () => {
    const source = makeTestDb();
    await ensurePaper(source, PAPER);
    await saveNote(source, paperId, 'the backup text', 0, session(100));
    const backup = await exportBackup(source, session(101));
    source.close();
    await saveNote(db, paperId, 'the text here', 0, session(0));
    expect((await restoreBackup(db, backup)).notesMerged).toBe(1);
    await editSessions(200, 60, 'later');
    const kept = (await noteVersions(db, paperId)).filter((v) => v.keptBecause === 'merged').map((v) => v.text);
    expect(kept).toEqual(['the text here']);
  });

  it('two tabs typing at once leave one version per tab, not one per keystroke', async () => {
    // Tabs A and B each type 9 keys, interleaved; each save is based on the tab's own last one.
    const now = new Date(T0);
    let aVersion = 0;
    let bVersion = 0;
    let aText = 'A';
    let bText = 'B';
    for (let i = 0; i < 9; i++) {
      aText += 'a';
      aVersion = (await saveNote(db, paperId, aText, aVersion, now)).note.version;
      bText += 'b';
      bVersion = (await saveNote(db, paperId, bText, bVersion, now)).note.version;
    }
    const versions = await noteVersions(db, paperId);
    expect(versions.map((v) => v.text).sort()).toEqual(['Aaaaaaaaaa', 'Bbbbbbbbb']);
    expect((await db.notes.get(paperId))?.text).toBe('Bbbbbbbbbb');
  });
});
