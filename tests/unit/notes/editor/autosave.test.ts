import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DigestLensDB, noteVersions, saveNote } from '@/lib/db';
import { MAX_NOTE_LENGTH } from '@/lib/messaging/protocol/page-to-background';
import {
  CONFLICT_NOTICE,
  type EditorState,
  editorStatus,
  firstLine,
  INITIAL_EDITOR_STATE,
  NoteAutosave,
  RETRY_MS,
  receiveSaved,
  receiveStored,
  STATUS_TEXT,
  type StoredNote,
  TOO_LONG_ERROR,
} from '@/lib/notes/editor/autosave';
import { dexieNoteSource } from '@/lib/notes/editor/note-source';
import { makeTestDb } from '../../../support/test-db';

const PAPER = 'arxiv:1706.03762';
const T0 = '2026-11-22T12:00:00.000Z';
const stored = (text: string, version: number, updatedAt = T0): StoredNote => ({ text, version, updatedAt });
const loaded = (text: string, version: number): EditorState => receiveStored(INITIAL_EDITOR_STATE, version ? stored(text, version) : null);

describe('what the editor does with the stored note', () => {
  it('shows the stored note on first load, or an empty text when there is none', () => {
    expect(loaded('hello', 3)).toMatchObject({ loaded: true, text: 'hello', savedText: 'hello', baseVersion: 3 });
    expect(loaded('', 0)).toMatchObject({ loaded: true, text: '', savedText: '', baseVersion: 0 });
  });

  it('adopts a newer version from another tab when it has no unsaved text', () => {
    expect(receiveStored(loaded('mine', 1), stored('theirs', 2))).toMatchObject({ text: 'theirs', savedText: 'theirs', baseVersion: 2 });
  });

  it('keeps its unsaved text over a newer version, and stays based on the older one so the save sees the concurrent edit', () => {
    const typing = { ...loaded('mine', 1), text: 'mine, edited' };
    expect(receiveStored(typing, stored('theirs', 2))).toBe(typing);
  });

  it('waits for its running save before deciding on a newer version', () => {
    const saving = { ...loaded('mine', 1), saving: true };
    expect(receiveStored(saving, stored('theirs', 2))).toBe(saving);
  });

  it('ignores versions it already has, and only moves its base when a newer one holds its own text', () => {
    const state = loaded('mine', 4);
    expect(receiveStored(state, stored('older', 3))).toBe(state);
    expect(receiveStored(state, stored('mine, other', 4))).toBe(state);
    const typing = { ...state, text: 'same' };
    expect(receiveStored(typing, stored('same', 6))).toMatchObject({ text: 'same', savedText: 'same', baseVersion: 6 });
  });

  it('after a save, is based on the version written, and flags a concurrent save', () => {
    const saving = { ...loaded('a', 1), text: 'ab', saving: true };
    expect(receiveSaved(saving, { note: stored('ab', 2), concurrent: false })).toMatchObject({
      savedText: 'ab',
      baseVersion: 2,
      conflict: false,
    });
    expect(receiveSaved(saving, { note: stored('ab', 4), concurrent: true })).toMatchObject({ baseVersion: 4, conflict: true });
  });

  it('says Saved only when nothing is unsaved and no save runs', () => {
    const state = loaded('a', 1);
    expect(STATUS_TEXT[editorStatus(INITIAL_EDITOR_STATE)]).toBe('Loading…');
    expect(STATUS_TEXT[editorStatus(state)]).toBe('Saved');
    expect(STATUS_TEXT[editorStatus({ ...state, text: 'ab' })]).toBe('Saving…');
    expect(STATUS_TEXT[editorStatus({ ...state, saving: true })]).toBe('Saving…');
    expect(editorStatus({ ...state, text: 'ab', error: 'QuotaExceededError' })).toBe('error');
  });
});

describe('saving as the note is typed (with saveNote on a fake IndexedDB)', () => {
  let db: DigestLensDB;
  beforeEach(() => {
    db = makeTestDb();
  });
  afterEach(() => {
    vi.useRealTimers();
    db.close();
  });

  /** One editor (one tab) on the paper; `sync()` plays the live query: it feeds the stored note. */
  function editor(saveCount = { n: 0 }) {
    const storage = dexieNoteSource(db, PAPER);
    const autosave = new NoteAutosave((text, base) => {
      saveCount.n++;
      return storage.save(text, base);
    });
    const sync = async () => {
      const note = await db.notes.get(PAPER);
      autosave.stored(note ? stored(note.text, note.version, note.updatedAt) : null);
    };
    return { autosave, sync };
  }

  it('sends every change at once, without waiting for the save before it, and ends with the last text stored', async () => {
    const saves = { n: 0 };
    const { autosave, sync } = editor(saves);
    await sync();
    for (const text of ['T', 'Th', 'The', 'The ', 'The T']) autosave.input(text);
    expect(autosave.getState().saving).toBe(true);
    await autosave.settle();
    expect(await db.notes.get(PAPER)).toMatchObject({ text: 'The T', version: 5 });
    expect(saves.n).toBe(5);
    expect(await noteVersions(db, PAPER)).toEqual([]);
    expect(STATUS_TEXT[editorStatus(autosave.getState())]).toBe('Saved');
  });

  it('flushes text typed during a save at once, based on the version that save will write', async () => {
    const saves: Array<[string, number]> = [];
    const storage = dexieNoteSource(db, PAPER);
    const autosave = new NoteAutosave((text, base) => {
      saves.push([text, base]);
      return storage.save(text, base);
    });
    autosave.stored(null);
    autosave.input('closing');
    autosave.input('closing the tab');
    autosave.flush();
    autosave.flush();
    expect(saves).toEqual([
      ['closing', 0],
      ['closing the tab', 1],
    ]);
    await autosave.settle();
    expect(await db.notes.get(PAPER)).toMatchObject({ text: 'closing the tab', version: 2 });
    expect(await noteVersions(db, PAPER)).toEqual([]);
    expect(autosave.getState()).toMatchObject({ saving: false, savedText: 'closing the tab', baseVersion: 2, conflict: false });
  });

  it('does not save before the stored note is loaded, and stores the text finally typed', async () => {
    const saves = { n: 0 };
    const { autosave, sync } = editor(saves);
    autosave.input('too early');
    expect(saves.n).toBe(0);
    await sync();
    expect(autosave.getState().text).toBe('');
    autosave.input('x');
    autosave.input('');
    await autosave.settle();
    expect(await db.notes.get(PAPER)).toMatchObject({ text: '' });
    expect(autosave.getState()).toMatchObject({ text: '', savedText: '', saving: false });
  });

  it('lets a tab with nothing unsaved adopt what another tab saved', async () => {
    const a = editor();
    const b = editor();
    await a.sync();
    await b.sync();
    a.autosave.input('from tab A');
    await a.autosave.settle();
    await b.sync();
    expect(b.autosave.getState()).toMatchObject({ text: 'from tab A', baseVersion: 1, conflict: false });
    b.autosave.input('from tab A, then B');
    await b.autosave.settle();
    await a.sync();
    expect(a.autosave.getState()).toMatchObject({ text: 'from tab A, then B', baseVersion: 2 });
    expect(await noteVersions(db, PAPER)).toEqual([]);
  });

  it("keeps the other tab's text in History and says so when two tabs edit at once", async () => {
    const a = editor();
    const b = editor();
    await saveNote(db, PAPER, 'shared start', 0);
    await a.sync();
    await b.sync();
    b.autosave.input('B rewrote it');
    await b.autosave.settle();
    // A had not seen B's save yet: it types on its own copy.
    a.autosave.input('shared start + A');
    await a.autosave.settle();
    expect(a.autosave.getState()).toMatchObject({ text: 'shared start + A', conflict: true });
    expect(CONFLICT_NOTICE).toBe('Another tab changed this note; its text is kept in History.');
    expect((await db.notes.get(PAPER))?.text).toBe('shared start + A');
    expect((await noteVersions(db, PAPER)).map((v) => v.text)).toEqual(['B rewrote it']);
    // B, with nothing unsaved, adopts A's text; the notice is A's to dismiss.
    await b.sync();
    expect(b.autosave.getState()).toMatchObject({ text: 'shared start + A', conflict: false });
    a.autosave.dismissConflict();
    expect(a.autosave.getState().conflict).toBe(false);
  });

  it('keeps typing over a newer version that arrives mid-save, and saves over it as a concurrent edit', async () => {
    const storage = dexieNoteSource(db, PAPER);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const a = new NoteAutosave(async (text, base) => {
      await gate;
      return storage.save(text, base);
    });
    a.stored(null);
    a.input('A1');
    // Another tab saves while A's first save is still on its way; A hears of it at once.
    const other = await saveNote(db, PAPER, 'from elsewhere', 0);
    a.stored(other.note);
    expect(a.getState().text).toBe('A1');
    a.input('A1 and more');
    release();
    await a.settle();
    expect(a.getState()).toMatchObject({ text: 'A1 and more', savedText: 'A1 and more', conflict: true });
    expect((await db.notes.get(PAPER))?.text).toBe('A1 and more');
    expect((await noteVersions(db, PAPER)).map((v) => v.text)).toEqual(['from elsewhere']);
  });

  it('reports a failed save and tries again, at the next keystroke or after a while', async () => {
    vi.useFakeTimers();
    let fail = true;
    const attempts: string[] = [];
    const autosave = new NoteAutosave(async (text, base) => {
      attempts.push(text);
      if (fail) throw new Error('QuotaExceededError');
      return { note: stored(text, base + 1), concurrent: false };
    });
    autosave.stored(null);
    autosave.input('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.getState().error).toBe('QuotaExceededError');
    expect(STATUS_TEXT[editorStatus(autosave.getState())]).toBe('Not saved, retrying…');
    fail = false;
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(attempts).toEqual(['a', 'a']);
    expect(editorStatus(autosave.getState())).toBe('saved');
  });
});

describe('a text over the length limit (issue 9, point 2)', () => {
  it('is not sent: the editor says it is too long, and saves again once it is cut back', async () => {
    const attempts: number[] = [];
    const autosave = new NoteAutosave(async (text, base) => {
      attempts.push(text.length);
      return { note: stored(text, base + 1), concurrent: false };
    });
    autosave.stored(null);
    autosave.input('x'.repeat(MAX_NOTE_LENGTH + 1));
    expect(autosave.getState().error).toBe(TOO_LONG_ERROR);
    expect(TOO_LONG_ERROR).toBe('This note is over 5,000,000 characters: shorten it to save it.');
    expect(STATUS_TEXT[editorStatus(autosave.getState())]).toBe('Not saved: too long');
    expect(attempts).toEqual([]);
    autosave.input('x'.repeat(MAX_NOTE_LENGTH));
    await autosave.settle();
    expect(attempts).toEqual([MAX_NOTE_LENGTH]);
    expect(autosave.getState()).toMatchObject({ error: null, baseVersion: 1 });
  });
});

describe("saves sent back to back, the first meeting another tab's text", () => {
  let db: DigestLensDB;
  beforeEach(() => {
    db = makeTestDb();
  });
  afterEach(() => db.close());

  it('keeps the other text once, and bases the saves behind on what the first really wrote (no copy of its own text)', async () => {
    await saveNote(db, PAPER, 'mine', 0);
    const source = dexieNoteSource(db, PAPER);
    const autosave = new NoteAutosave(source.save);
    autosave.stored(stored('mine', 1));
    await saveNote(db, PAPER, 'from the other tab', 1);
    autosave.input('mine a');
    autosave.input('mine ab');
    autosave.input('mine abc');
    await autosave.settle();
    expect(await db.notes.get(PAPER)).toMatchObject({ text: 'mine abc', version: 5 });
    expect((await noteVersions(db, PAPER)).map((v) => v.text)).toEqual(['from the other tab']);
    expect(autosave.getState()).toMatchObject({ conflict: true, savedText: 'mine abc', baseVersion: 5 });
  });
});

describe('History labels', () => {
  it('names a version by its first line with text, shortened', () => {
    expect(firstLine('\n\n  # Title  \nbody')).toBe('# Title');
    expect(firstLine('   \n')).toBe('(empty)');
    expect(firstLine('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
  });
});
