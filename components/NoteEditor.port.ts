import type { Browser } from 'wxt/browser';
import type { SeenPaper } from '@/lib/identity/seen-paper';
import { NOTE_PORT, type NoteClientMessage, NoteServerMessageSchema } from '@/lib/messaging/protocol';
import type { SaveOutcome } from './NoteEditor.logic';
import type { NoteSnapshot, NoteSource } from './NoteEditor.source';

/** The part of `browser.runtime` the editor uses (a fake one in tests). */
export interface PortRuntime {
  connect(connectInfo: { name: string }): Browser.runtime.Port;
}

export interface PortNoteSource extends NoteSource {
  /** The paper, once the background has found or stored it; rejected if it could not. */
  readonly opened: Promise<{ paperId: string; title: string }>;
}

/** A restore the background has not answered (it answers with the changed note) is given up after this. */
const RESTORE_WAIT_MS = 5000;

interface PendingSave {
  text: string;
  baseVersion: number;
  resolve: (outcome: SaveOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * The note of `paper`, read and written by the background over NOTE_PORT (lib/messaging/protocol.ts,
 * served by lib/notes/background-notes.ts), for the editor framed in a web page.
 *
 * The background's service worker stops when idle, which closes the port. Saves not yet answered
 * are then sent again on a new port: one that had landed changes nothing the second time
 * (`saveNote` leaves a note whose text is the same), and the background applies saves in the
 * order they arrive. Without pending work the port is opened again only when needed: to save, to
 * restore, or when the page is shown again (`refresh`), so an idle page does not keep the worker up.
 * A save posted in `pagehide` on an open port reaches the background, which saves it (Chromium 156,
 * 2026-11: tab closed 0-20 ms after typing, 8 of 8 kept). Posted on a port just reopened to a stopped
 * worker, it can be lost with the frame: the port is reopened when the page gets focus, so it is
 * normally open again before the first keystroke.
 */
export function portNoteSource(runtime: PortRuntime, paper: SeenPaper): PortNoteSource {
  let port: Browser.runtime.Port | null = null;
  let snapshot: NoteSnapshot | null = null;
  let isOpened = false;
  let nextRequestId = 1;
  const pendingSaves = new Map<number, PendingSave>();
  const restores: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const watchers = new Set<{ next: (snapshot: NoteSnapshot) => void; error: (error: Error) => void }>();

  let settleOpened: { resolve: (paper: { paperId: string; title: string }) => void; reject: (error: Error) => void } | null = null;
  const opened = new Promise<{ paperId: string; title: string }>((resolve, reject) => {
    settleOpened = { resolve, reject };
  });
  // Whoever awaits `opened` sees a failure; an unawaited rejection is not an error of its own.
  opened.catch(() => {});

  const failAll = (error: Error) => {
    for (const save of pendingSaves.values()) save.reject(error);
    pendingSaves.clear();
    for (const restore of restores.splice(0)) restore.reject(error);
    if (!isOpened) {
      settleOpened?.reject(error);
      for (const watcher of watchers) watcher.error(error);
    }
  };

  const receive = (raw: unknown) => {
    const parsed = NoteServerMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'opened') {
      if (!isOpened) settleOpened?.resolve({ paperId: message.paperId, title: message.title });
      isOpened = true;
    } else if (message.type === 'note') {
      snapshot = { note: message.note, versions: message.versions };
      for (const watcher of watchers) watcher.next(snapshot);
      for (const restore of restores.splice(0)) restore.resolve();
    } else if (message.type === 'saved') {
      const save = pendingSaves.get(message.requestId);
      pendingSaves.delete(message.requestId);
      save?.resolve({ note: message.note, concurrent: message.concurrent });
    } else {
      const error = new Error(message.error);
      if (message.requestId !== undefined) {
        const save = pendingSaves.get(message.requestId);
        pendingSaves.delete(message.requestId);
        save?.reject(error);
      } else if (!isOpened) {
        failAll(error);
      } else if (restores.length > 0) {
        for (const restore of restores.splice(0)) restore.reject(error);
      } else {
        console.warn('DigestLens: note updates stopped', error);
      }
    }
  };

  /** The open port, or a new one that has been sent the `open` and every unanswered save. */
  const connect = (): Browser.runtime.Port | null => {
    if (port) return port;
    let current: Browser.runtime.Port;
    try {
      current = runtime.connect({ name: NOTE_PORT });
      current.onMessage.addListener(receive);
      current.onDisconnect.addListener(() => {
        if (port !== current) return;
        port = null;
        for (const restore of restores.splice(0)) restore.reject(new Error('the connection to the extension was lost'));
        if (pendingSaves.size > 0) connect();
      });
      current.postMessage({ type: 'open', paper } satisfies NoteClientMessage);
      for (const [requestId, save] of pendingSaves) {
        current.postMessage({ type: 'save', requestId, text: save.text, baseVersion: save.baseVersion } satisfies NoteClientMessage);
      }
    } catch (error) {
      // The extension was reloaded or removed: this page's connection to it is gone for good.
      failAll(error instanceof Error ? error : new Error(String(error)));
      return null;
    }
    port = current;
    return current;
  };

  /** Posts on the open port; a port found closed is replaced (and the new one sends what is pending). */
  const send = (message: NoteClientMessage) => {
    if (port) {
      try {
        port.postMessage(message);
        return;
      } catch {
        port = null;
      }
    }
    const fresh = connect();
    if (fresh && message.type !== 'save') fresh.postMessage(message);
  };

  connect();

  return {
    opened,

    watch(next, error) {
      const watcher = { next, error };
      watchers.add(watcher);
      if (snapshot) next(snapshot);
      return () => watchers.delete(watcher);
    },

    save(text, baseVersion) {
      return new Promise<SaveOutcome>((resolve, reject) => {
        const requestId = nextRequestId++;
        pendingSaves.set(requestId, { text, baseVersion, resolve, reject });
        send({ type: 'save', requestId, text, baseVersion });
      });
    },

    restore(versionId) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, RESTORE_WAIT_MS);
        restores.push({
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        send({ type: 'restore', versionId });
      });
    },

    refresh() {
      connect();
    },
  };
}
