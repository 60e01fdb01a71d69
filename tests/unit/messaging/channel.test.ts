import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser, browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { answerPagePaperQueries } from '@/lib/content/page-paper-query';
import { servePaperState } from '@/lib/corpus/paper-state';
import { addToQueue, type DigestLensDB, ensurePaper, saveNote } from '@/lib/db';
import { serveImports } from '@/lib/import/background-port';
import { serveContentRequests } from '@/lib/messaging/background-router';
import { ChannelError, connectPort, SerialQueue } from '@/lib/messaging/channel';
import { MAX_NOTE_LENGTH, NOTE_PORT } from '@/lib/messaging/protocol/page-to-background';
import { serveNoteEditors } from '@/lib/notes/background-notes';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { makeTestDb } from '../../support/test-db';

// The background's live queries run only where Dexie found an IndexedDB at load.
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

const EXTENSION = 'chrome-extension://digestlens-test';
const EDITOR = { id: 'digestlens-test', url: `${EXTENSION}/note-editor.html?title=T` };
const ARXIV_TAB = { id: 'digestlens-test', url: 'https://arxiv.org/abs/1706.03762', tab: { id: 1 } };

type Listener = (...args: unknown[]) => unknown;
function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => listeners.add(listener),
    removeListener: (listener: Listener) => listeners.delete(listener),
    fire: (...args: unknown[]) => [...listeners].map((listener) => listener(...args)),
  };
}

/** A background runtime with fake events: `connect` opens a port as a page with `sender` would. */
function fakeRuntime() {
  const onConnect = fakeEvent();
  const onMessage = fakeEvent();
  const runtime = { id: 'digestlens-test', getURL: (path: string) => `${EXTENSION}${path}`, onConnect, onMessage };
  const connect = (name: string, sender: object) => {
    const make = (withSender?: object) => ({
      name,
      sender: withSender,
      onMessage: fakeEvent(),
      onDisconnect: fakeEvent(),
      closed: false,
      postMessage(message: unknown) {
        if (this.closed) throw new Error('Attempting to use a disconnected port object');
        const to = this === client ? server : client;
        const copy = structuredClone(message);
        setTimeout(() => to.onMessage.fire(copy, to), 0);
      },
      disconnect() {
        this.closed = true;
        const to = this === client ? server : client;
        to.closed = true;
        setTimeout(() => to.onDisconnect.fire(to), 0);
      },
    });
    const client = make();
    const server = make(sender);
    onConnect.fire(server);
    return client as unknown as Browser.runtime.Port;
  };
  return { runtime: runtime as unknown as typeof browser.runtime, onMessage, connect };
}

/** What the serving side posts back for one raw message on a fresh port named `name`. */
async function replyTo(connect: ReturnType<typeof fakeRuntime>['connect'], name: string, sender: object, raw: unknown) {
  const port = connect(name, sender);
  const replies: unknown[] = [];
  port.onMessage.addListener((message: unknown) => replies.push(message));
  port.postMessage(raw);
  await vi.waitFor(() => expect(replies.length).toBeGreaterThan(0));
  return replies[0];
}

let db: DigestLensDB;
beforeEach(() => {
  db = makeTestDb();
  fakeBrowser.reset();
});
afterEach(() => db.close());

describe('every channel answers every request', () => {
  it('content → background: a malformed request, and one from a page that may not ask, each get a failure with a reason', async () => {
    const { runtime, onMessage } = fakeRuntime();
    serveContentRequests(runtime, {
      'lookup-papers': async () => [],
      'related-papers': async () => [],
      'related-strength': async () => [],
      'queue-toggle': async () => ({ paperId: 'p', queued: true }),
      'learn-arxiv-ids': async () => 0,
      'related-to-digests': async () => [],
      'read-settings': async () => DEFAULT_SETTINGS,
      'capture-page': async () => [],
    });
    const [malformed] = onMessage.fire({ type: 'lookup-papers', papers: 'all of them' }, ARXIV_TAB);
    expect(await malformed).toEqual({ ok: false, error: 'malformed request: papers: Invalid input: expected array, received string' });
    const [unknownType] = onMessage.fire({ type: 'drop-tables' }, ARXIV_TAB);
    expect(await unknownType).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed request/) });
    const [stranger] = onMessage.fire({ type: 'learn-arxiv-ids', papers: [] }, { ...ARXIV_TAB, url: 'https://example.org/' });
    expect(await stranger).toEqual({ ok: false, error: 'sender not allowed' });
    const [fine] = onMessage.fire({ type: 'learn-arxiv-ids', papers: [] }, ARXIV_TAB);
    expect(await fine).toEqual({ ok: true, value: 0 });
  });

  it('page → background, import: a malformed file request is answered failed, and so is a message without an id', async () => {
    const { runtime, connect } = fakeRuntime();
    serveImports(runtime, db);
    expect(await replyTo(connect, 'digestlens:import', EDITOR, { id: 7, request: { type: 'import-file', name: '' } })).toMatchObject({
      id: 7,
      answer: { ok: false, error: expect.stringMatching(/^malformed request: name/) },
    });
    expect(await replyTo(connect, 'digestlens:import', EDITOR, 'import everything')).toEqual({
      id: null,
      answer: { ok: false, error: 'malformed request: no id' },
    });
    expect(
      await replyTo(connect, 'digestlens:import', ARXIV_TAB, { id: 1, request: { type: 'import-file', name: 'a', text: '' } }),
    ).toEqual({
      id: 1,
      answer: { ok: false, error: 'sender not allowed' },
    });
  });

  it('page → background, notes: a save over the length limit is answered failed, and the next save still lands', async () => {
    const { runtime, connect } = fakeRuntime();
    serveNoteEditors(runtime, db);
    const client = connectPort({ connect: ({ name }) => connect(name, EDITOR) }, { name: NOTE_PORT }) as ReturnType<
      typeof connectPort<
        import('@/lib/messaging/protocol/page-to-background').NoteRequest,
        import('@/lib/messaging/protocol/page-to-background').NoteResponses,
        never
      >
    >;
    const paper = { title: 'Attention Is All You Need', arxivId: '1706.03762', abstract: null, authors: null, url: null };
    expect(await client.ask({ type: 'open', paper })).toEqual({ paperId: '', title: 'Attention Is All You Need', spellcheck: false });
    const tooLong = client.ask({ type: 'save', text: 'x'.repeat(MAX_NOTE_LENGTH + 1), baseVersion: 0 });
    await expect(tooLong).rejects.toThrow(ChannelError);
    await expect(tooLong).rejects.toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^malformed request: text: Too big/) });
    expect(await client.ask({ type: 'save', text: 'cut back', baseVersion: 0 })).toMatchObject({ note: { text: 'cut back', version: 1 } });
  });

  it('background → content, paper state: the port takes no requests, and says so', async () => {
    const { runtime, connect } = fakeRuntime();
    servePaperState(runtime, db);
    expect(await replyTo(connect, 'digestlens:paper-state', ARXIV_TAB, { id: 3, request: { type: 'watch', paperIds: [] } })).toMatchObject({
      id: 3,
      answer: { ok: false, error: expect.stringMatching(/^malformed request/) },
    });
  });

  it('popup → content: a malformed question is answered failed', async () => {
    const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    answerPagePaperQueries({ onInvalidated: vi.fn() } as unknown as ContentScriptContext, () => null);
    const listener = addListener.mock.calls[0]?.[0] as (message: unknown, sender: object) => Promise<unknown>;
    expect(await listener({ type: 'page-paper' }, { id: 'another-extension' })).toEqual({ ok: false, error: 'sender not allowed' });
    expect(await listener({ type: 'page-papers-please' }, { id: fakeBrowser.runtime.id })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^malformed request/),
    });
  });
});

describe('the paper-state port', () => {
  it('pushes one small event per change, the changed paper and its new state, to every page', async () => {
    const { runtime, connect } = fakeRuntime();
    servePaperState(runtime, db);
    const port = connect('digestlens:paper-state', ARXIV_TAB);
    const events: unknown[] = [];
    port.onMessage.addListener((message: unknown) => events.push(message));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the first reading is the baseline: no event
    const paper = await ensurePaper(db, { title: 'Attention Is All You Need', arxivId: '1706.03762', abstract: null, url: null });
    await addToQueue(db, paper.id, 'https://arxiv.org/abs/1706.03762');
    await vi.waitFor(() =>
      expect(events).toEqual([{ event: { type: 'paper-state-changed', changes: [{ paperId: paper.id, queued: true, noted: false }] } }]),
    );
    await saveNote(db, paper.id, 'a note', 0);
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1]).toEqual({ event: { type: 'paper-state-changed', changes: [{ paperId: paper.id, queued: true, noted: true }] } });
  });
});

describe('the channel helper', () => {
  it('runs queued tasks in order whatever each one’s outcome, and says when it is idle', async () => {
    const idle = vi.fn();
    const queue = new SerialQueue(idle);
    const done: number[] = [];
    const slow = queue.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      done.push(1);
    });
    const failing = queue.run(async () => {
      done.push(2);
      throw new Error('no');
    });
    const fast = queue.run(() => done.push(3));
    await Promise.allSettled([slow, failing, fast]);
    expect(done).toEqual([1, 2, 3]);
    await vi.waitFor(() => expect(idle).toHaveBeenCalledTimes(1));
  });

  it('gives up on an unanswered ask after its timeout, and never throws when posting on a closed port', async () => {
    const { connect } = fakeRuntime(); // nobody serves this port
    const client = connectPort<{ type: 'ping' }, { ping: null }, never>(
      { connect: ({ name }) => connect(name, EDITOR) },
      { name: 'nobody' },
    );
    await expect(client.ask({ type: 'ping' }, 30)).rejects.toMatchObject({ kind: 'timeout' });
    client.disconnect();
    await expect(client.ask({ type: 'ping' })).rejects.toMatchObject({ kind: 'disconnected' });
  });
});
