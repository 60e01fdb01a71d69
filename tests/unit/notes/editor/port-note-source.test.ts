import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser, browser } from 'wxt/browser';
import { type DigestLensDB, ensurePaper, noteVersions, saveNote } from '@/lib/db';
import { seenPaper } from '@/lib/identity/seen-paper';
import { serveNoteEditors } from '@/lib/notes/background-notes';
import { editorStatus, NoteAutosave, STATUS_TEXT, type StoredNote } from '@/lib/notes/editor/autosave';
import type { NoteSnapshot } from '@/lib/notes/editor/note-source';
import { portNoteSource, SAVE_WAIT_MS } from '@/lib/notes/editor/port-note-source';
import { makeTestDb } from '../../../support/test-db';

// The background's live queries run only where Dexie found an IndexedDB at load.
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

const PAPER = seenPaper({
  title: 'Attention Is All You Need',
  arxivId: '1706.03762',
  url: 'https://arxiv.org/abs/1706.03762',
});
const PAPER_ID = 'arxiv:1706.03762';
const EXTENSION = 'chrome-extension://digestlens-test';

type Listener = (...args: unknown[]) => void;
function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => listeners.add(listener),
    removeListener: (listener: Listener) => listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
    fire: (...args: unknown[]) => {
      for (const listener of [...listeners]) listener(...args);
    },
  };
}

interface FakePort {
  name: string;
  sender?: { id: string; url: string };
  onMessage: ReturnType<typeof fakeEvent>;
  onDisconnect: ReturnType<typeof fakeEvent>;
  postMessage(message: unknown): void;
  disconnect(): void;
  closed: boolean;
}

/** Two ends of a runtime port: messages are cloned and delivered later, and dropped once closed, as in Chromium. */
function portPair(name: string, sender: { id: string; url: string }): [FakePort, FakePort] {
  const make = (withSender?: FakePort['sender']): FakePort => ({
    name,
    sender: withSender,
    onMessage: fakeEvent(),
    onDisconnect: fakeEvent(),
    closed: false,
    postMessage(message) {
      if (this.closed) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      setTimeout(() => {
        if (!other(this).closed) other(this).onMessage.fire(copy, other(this));
      }, 0);
    },
    disconnect() {
      if (this.closed) return;
      this.closed = true;
      other(this).closed = true;
      setTimeout(() => other(this).onDisconnect.fire(other(this)), 0);
    },
  });
  const client = make();
  const server = make(sender);
  const other = (port: FakePort) => (port === client ? server : client);
  return [client, server];
}

/** The background service worker: started on demand by a connection, stoppable like Chromium's. */
class FakeWorker {
  private onConnect = fakeEvent();
  private ports: FakePort[] = [];
  running = false;
  starts = 0;

  constructor(private readonly db: DigestLensDB) {}

  private start() {
    this.onConnect = fakeEvent();
    const runtime = { id: 'digestlens-test', getURL: (path: string) => `${EXTENSION}${path}`, onConnect: this.onConnect };
    serveNoteEditors(runtime as unknown as typeof browser.runtime, this.db);
    this.running = true;
    this.starts++;
  }

  /** The worker is gone: its side of every port closes with it (its code runs no more), the pages hear of it later. */
  stop() {
    for (const port of this.ports.splice(0)) {
      port.disconnect();
      port.onDisconnect.fire(port);
    }
    this.running = false;
  }

  /** `browser.runtime` of the note editor page. */
  readonly pageRuntime = {
    connect: ({ name }: { name: string }) => {
      if (!this.running) this.start();
      const [client, server] = portPair(name, { id: 'digestlens-test', url: `${EXTENSION}/note-editor.html?title=T` });
      this.ports.push(server);
      const onConnect = this.onConnect;
      setTimeout(() => onConnect.fire(server), 0);
      return client as unknown as Browser.runtime.Port;
    },
  };
}

let db: DigestLensDB;
let worker: FakeWorker;

beforeEach(() => {
  db = makeTestDb();
  worker = new FakeWorker(db);
});
afterEach(() => {
  worker.stop();
  db.close();
});

/** One framed editor: its source and autosave, fed by the background like the component feeds them. */
function framedEditor() {
  const source = portNoteSource(worker.pageRuntime, PAPER);
  const autosave = new NoteAutosave(source.save);
  const snapshots: NoteSnapshot[] = [];
  source.watch(
    (snapshot) => {
      snapshots.push(snapshot);
      autosave.stored(snapshot.note);
    },
    () => {},
  );
  return { source, autosave, snapshots };
}

const storedText = async () => (await db.notes.get(PAPER_ID))?.text;

describe('the framed note editor, through the background', () => {
  it('has the background find the paper, and shows the note it already has', async () => {
    await ensurePaper(db, PAPER);
    await saveNote(db, PAPER_ID, 'an earlier note', 0);
    const { source, autosave } = framedEditor();
    expect(await source.opened).toEqual({ paperId: PAPER_ID, title: 'Attention Is All You Need', spellcheck: false });
    await vi.waitFor(() => expect(autosave.getState()).toMatchObject({ loaded: true, text: 'an earlier note', baseVersion: 1 }));
  });

  it('stores a paper new to DigestLens only when a note is first saved on it, not when its page is opened', async () => {
    const { source, autosave } = framedEditor();
    expect(await source.opened).toEqual({ paperId: '', title: 'Attention Is All You Need', spellcheck: false });
    await vi.waitFor(() => expect(autosave.getState()).toMatchObject({ loaded: true, text: '' }));
    expect(await db.papers.count()).toBe(0);
    autosave.input('first words');
    await autosave.settle();
    expect(await db.papers.get(PAPER_ID)).toMatchObject({ arxivId: '1706.03762', url: 'https://arxiv.org/abs/1706.03762' });
    expect(await storedText()).toBe('first words');
  });

  it('saves as it is typed, and what is flushed as the page closes lands after the saves before it', async () => {
    const { autosave } = framedEditor();
    await vi.waitFor(() => expect(autosave.getState().loaded).toBe(true));
    autosave.input('closed');
    autosave.input('closed fast');
    autosave.flush();
    await autosave.settle();
    expect(await storedText()).toBe('closed fast');
    expect(autosave.getState()).toMatchObject({ saving: false, baseVersion: 2, conflict: false });
    expect(await noteVersions(db, PAPER_ID)).toEqual([]);
  });

  it('loses nothing when the service worker stops in the middle of an edit', async () => {
    const { autosave } = framedEditor();
    await vi.waitFor(() => expect(autosave.getState().loaded).toBe(true));
    autosave.input('first half');
    worker.stop(); // before the save reached it
    await vi.waitFor(() => expect(autosave.getState().saving).toBe(false));
    expect(worker.starts).toBe(2);
    expect(await storedText()).toBe('first half');
    worker.stop(); // idle, between two edits
    autosave.input('first half second half');
    await autosave.settle();
    expect(await storedText()).toBe('first half second half');
    expect(worker.starts).toBe(3);
    expect(autosave.getState()).toMatchObject({ error: null, conflict: false });
  });

  it('shows one editor what another saved, and restores an earlier version', async () => {
    await ensurePaper(db, PAPER);
    const a = framedEditor();
    const b = framedEditor();
    await vi.waitFor(() => expect(a.autosave.getState().loaded && b.autosave.getState().loaded).toBe(true));
    await saveNote(db, PAPER_ID, 'written long ago', 0, new Date('2026-01-01T00:00:00Z'));
    await vi.waitFor(() => expect(b.autosave.getState().text).toBe('written long ago'));
    a.autosave.input('written in A');
    await a.autosave.settle();
    await vi.waitFor(() => expect(b.autosave.getState().text).toBe('written in A'));
    const [old] = b.snapshots.at(-1)?.versions ?? [];
    expect(old).toMatchObject({ text: 'written long ago', version: 1 });
    await b.source.restore(old?.id ?? -1);
    await vi.waitFor(() => expect(a.autosave.getState().text).toBe('written long ago'));
    expect((await noteVersions(db, PAPER_ID)).map((v) => v.text)).toEqual(['written in A', 'written long ago']);
  });

  it('passes on the stored note as the background sends it', async () => {
    const { source } = framedEditor();
    const seen: Array<StoredNote | null> = [];
    source.watch(
      (snapshot) => seen.push(snapshot.note),
      () => {},
    );
    await vi.waitFor(() => expect(seen).toEqual([null]));
  });
});

describe('a save the background does not answer (issue 9, point 2)', () => {
  it('is sent again on a new port after SAVE_WAIT_MS, then reported as not saved, and tried again later', async () => {
    vi.useFakeTimers();
    try {
      const saves: string[] = [];
      let ports = 0;
      // A background that opens the note but never answers a save (wedged, or its answer lost).
      const runtime = {
        connect: ({ name }: { name: string }) => {
          ports++;
          const [client, server] = portPair(name, { id: 'digestlens-test', url: `${EXTENSION}/note-editor.html?title=T` });
          server.onMessage.addListener((message: unknown) => {
            const { id, request } = message as { id: number; request: { type: string; text?: string } };
            if (request.type === 'open') {
              server.postMessage({ id, answer: { ok: true, value: { paperId: '', title: 'T', spellcheck: false } } });
              server.postMessage({ event: { type: 'note', note: null, versions: [] } });
            } else if (request.type === 'save') saves.push(request.text ?? '');
          });
          return client as unknown as Browser.runtime.Port;
        },
      };
      const source = portNoteSource(runtime, PAPER);
      const autosave = new NoteAutosave(source.save, 3000);
      source.watch(
        (snapshot) => autosave.stored(snapshot.note),
        () => {},
      );
      await vi.advanceTimersByTimeAsync(10);
      autosave.input('unanswered');
      await vi.advanceTimersByTimeAsync(10);
      expect(saves).toEqual(['unanswered']);
      await vi.advanceTimersByTimeAsync(SAVE_WAIT_MS);
      expect(ports).toBe(2);
      expect(saves).toEqual(['unanswered', 'unanswered']);
      expect(autosave.getState().error).toBeNull();
      await vi.advanceTimersByTimeAsync(SAVE_WAIT_MS);
      expect(autosave.getState().error).toMatch(/^save: no answer in 10 s$/);
      expect(STATUS_TEXT[editorStatus(autosave.getState())]).toBe('Not saved, retrying…');
      await vi.advanceTimersByTimeAsync(3000 + 10);
      expect(saves).toEqual(['unanswered', 'unanswered', 'unanswered']);
    } finally {
      vi.useRealTimers();
    }
  });
});
