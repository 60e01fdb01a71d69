import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupJson, exportBackup, parseBackupText, restoreBackup } from '@/lib/backup';
import { type DigestLensDB, ensurePaper, saveNote } from '@/lib/db';
import { dexieNoteSource } from '@/lib/notes/editor/note-source';
import { makeTestDb } from '../../support/test-db';

/** Clear errors, nothing changed (issue 9, point 8). */

const PAPER = { title: 'Attention Is All You Need', arxivId: '1706.03762', abstract: null, url: null };
const quota = () => new DOMException('quota', 'QuotaExceededError');

let db: DigestLensDB;
beforeEach(() => {
  db = makeTestDb();
});
afterEach(() => db.close());

async function backupText(): Promise<string> {
  const source = makeTestDb();
  await ensurePaper(source, PAPER);
  await saveNote(source, 'arxiv:1706.03762', 'a note — with a dash', 0);
  const text = backupJson(await exportBackup(source, new Date('2026-11-22T12:00:00Z')));
  source.close();
  return text;
}

const rowCounts = async () => ({ papers: await db.papers.count(), notes: await db.notes.count(), queue: await db.queue.count() });

describe('restore errors say where', () => {
  it('a backup cut short: "the file ends early (truncated?) at byte N", N its length in bytes', async () => {
    const text = await backupText();
    const cut = text.slice(0, Math.floor(text.length / 2));
    const bytes = new TextEncoder().encode(cut).length;
    expect(() => parseBackupText(cut)).toThrow(`the file ends early (truncated?) at byte ${bytes}`);
  });

  it('broken JSON in the middle: the byte, line and column where reading stopped', () => {
    expect(() => parseBackupText('{\n  "format": "digestlens-backup",\n  "version" 1\n}')).toThrow(
      'not a DigestLens backup (not JSON: reading stopped at byte 47, line 3, column 13)',
    );
    expect(() => parseBackupText('')).toThrow('not a DigestLens backup (the file is empty)');
  });

  it('a note, earlier text or queue item naming a paper that exists nowhere is refused with its path, and nothing changes', async () => {
    const doc = JSON.parse(await backupText());
    await ensurePaper(db, { title: 'A paper here', arxivId: null, abstract: null, url: null });
    const before = await rowCounts();
    const withNote = { ...doc, notes: [...doc.notes, { ...doc.notes[0], paperId: 'title:nowhere' }] };
    await expect(restoreBackup(db, withNote)).rejects.toThrow('invalid backup: notes[1].paperId: no such paper');
    const withQueue = {
      ...doc,
      queue: [{ paperId: 'arxiv:2401.99999', order: 1, addedAt: '2026-11-20T09:00:00.000Z', source: 'digest:x', readAt: null }],
    };
    await expect(restoreBackup(db, withQueue)).rejects.toThrow('invalid backup: queue[0].paperId: no such paper');
    expect(await rowCounts()).toEqual(before);
    // A paper this profile has is somewhere: that note restores.
    const onPaperHere = { ...doc, notes: [{ ...doc.notes[0], paperId: 'title:apaperhere' }] };
    await expect(restoreBackup(db, onPaperHere)).resolves.toMatchObject({ notesAdded: 1 });
  });
});

describe('a full disk says so', () => {
  it('during a restore: "the disk is full", and nothing was restored', async () => {
    const doc = JSON.parse(await backupText());
    db.notes.hook('creating', () => {
      throw quota();
    });
    await expect(restoreBackup(db, doc)).rejects.toThrow("the disk is full (the browser's storage for DigestLens); nothing was restored");
    expect(await rowCounts()).toEqual({ papers: 0, notes: 0, queue: 0 });
  });

  it('during a note save: "the disk is full", not a raw BulkError or AbortError', async () => {
    await ensurePaper(db, PAPER);
    db.notes.hook('creating', () => {
      throw quota();
    });
    await expect(dexieNoteSource(db, 'arxiv:1706.03762').save('text', 0)).rejects.toThrow(
      "the disk is full (the browser's storage for DigestLens); this note is not saved yet; it is kept here and saved once there is space",
    );
  });
});
