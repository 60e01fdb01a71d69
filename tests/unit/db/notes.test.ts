import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DigestLensDB, KEPT_VERSIONS, noteVersions, restoreNoteVersion, saveNote } from '@/lib/db';
import { makeTestDb } from '../../support/test-db';

let db: DigestLensDB;
beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 12, minutes));

describe('saving notes', () => {
  it('creates a note at version 1 and counts each changed save', async () => {
    expect((await saveNote(db, 'p', 'first', 0, at(0))).note).toEqual({
      paperId: 'p',
      text: 'first',
      updatedAt: at(0).toISOString(),
      version: 1,
    });
    expect((await saveNote(db, 'p', 'second', 1, at(1))).note.version).toBe(2);
    expect((await saveNote(db, 'p', 'second', 2, at(1))).note.version).toBe(2);
  });

  it('lets autosaves within one editing session replace each other without keeping versions', async () => {
    let version = 0;
    for (const [i, text] of ['a', 'ab', 'abc', 'abcd'].entries())
      version = (await saveNote(db, 'p', text, version, at(i / 60))).note.version;
    expect(version).toBe(4);
    expect(await noteVersions(db, 'p')).toEqual([]);
  });

  it('keeps the text of an earlier editing session as a version', async () => {
    await saveNote(db, 'p', 'Monday thoughts', 0, at(0));
    await saveNote(db, 'p', 'Tuesday rewrite', 1, at(10));
    expect((await noteVersions(db, 'p')).map((v) => [v.text, v.version])).toEqual([['Monday thoughts', 1]]);
  });

  it('keeps the other tab’s text when a save is based on an older version', async () => {
    await saveNote(db, 'p', 'base', 0, at(0));
    await saveNote(db, 'p', 'tab A wrote this', 1, at(0.1));
    const fromB = await saveNote(db, 'p', 'tab B wrote that', 1, at(0.2));
    expect(fromB.concurrent).toBe(true);
    expect((await db.notes.get('p'))?.text).toBe('tab B wrote that');
    expect((await noteVersions(db, 'p')).map((v) => v.text)).toEqual(['tab A wrote this']);
  });

  it(`keeps the last ${KEPT_VERSIONS} versions and restores any of them, keeping the text it replaces`, async () => {
    let version = 0;
    for (let i = 0; i < KEPT_VERSIONS + 5; i++) version = (await saveNote(db, 'p', `text ${i}`, version, at(i * 5))).note.version;
    const versions = await noteVersions(db, 'p');
    expect(versions).toHaveLength(KEPT_VERSIONS);
    expect(versions[0]?.text).toBe(`text ${KEPT_VERSIONS + 3}`);
    expect(versions.at(-1)?.text).toBe('text 4');

    const restored = await restoreNoteVersion(db, versions.at(-1)?.id ?? -1, at(1000));
    expect(restored).toMatchObject({ text: 'text 4', version: KEPT_VERSIONS + 6 });
    expect((await noteVersions(db, 'p'))[0]?.text).toBe(`text ${KEPT_VERSIONS + 4}`);
  });
});
