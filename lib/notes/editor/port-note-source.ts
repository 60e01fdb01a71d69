import { ChannelError, connectPort, type PortClient, type PortRuntime } from '../../messaging/channel';
import {
  NOTE_PORT,
  type NoteEvent,
  NoteEventSchema,
  type NoteRequest,
  type NoteResponses,
} from '../../messaging/protocol/page-to-background';
import type { SeenPaper } from '../../messaging/protocol/shared';
import type { SaveOutcome } from './autosave';
import type { NoteSnapshot, NoteSource } from './note-source';

/** The part of `browser.runtime` the editor uses (a fake one in tests). */
export type { PortRuntime } from '../../messaging/channel';

export interface PortNoteSource extends NoteSource {
  /** The paper, once the background has found or stored it; rejected if it could not. */
  readonly opened: Promise<{ paperId: string; title: string }>;
}

/** A restore the background has not answered (it answers once the note is restored) is given up after this. */
const RESTORE_WAIT_MS = 5000;

interface PendingSave {
  text: string;
  baseVersion: number;
  resolve: (outcome: SaveOutcome) => void;
  reject: (error: Error) => void;
}

type NoteClient = PortClient<NoteRequest, NoteResponses>;

/**
 * The note of `paper`, read and written by the background over NOTE_PORT (lib/messaging/protocol/page-to-background.ts,
 * served by lib/notes/background-notes.ts through lib/messaging/channel.ts), for the editor framed in a web page.
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
  let port: NoteClient | null = null;
  let snapshot: NoteSnapshot | null = null;
  let isOpened = false;
  let nextRequestId = 1;
  const pendingSaves = new Map<number, PendingSave>();
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
    if (!isOpened) {
      settleOpened?.reject(error);
      for (const watcher of watchers) watcher.error(error);
    }
  };

  const receive = (event: NoteEvent) => {
    if (event.type === 'note') {
      snapshot = { note: event.note, versions: event.versions };
      for (const watcher of watchers) watcher.next(snapshot);
    } else {
      const error = new Error(event.error);
      if (!isOpened) failAll(error);
      else console.warn('DigestLens: note updates stopped', error);
    }
  };

  /** A port that closed takes its unanswered asks with it: those are sent again on the next port. */
  const lost = (error: unknown) => error instanceof ChannelError && error.kind === 'disconnected';

  /** Sends one pending save on `client`; the answer settles it unless the save was sent again since. */
  const sendSave = (client: NoteClient, requestId: number, save: PendingSave) => {
    client.ask({ type: 'save', text: save.text, baseVersion: save.baseVersion }).then(
      (outcome) => {
        if (pendingSaves.get(requestId) !== save) return;
        pendingSaves.delete(requestId);
        save.resolve(outcome);
      },
      (error: unknown) => {
        if (lost(error) || pendingSaves.get(requestId) !== save) return;
        pendingSaves.delete(requestId);
        save.reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };

  /** The open port, or a new one that has been sent the `open` and every unanswered save. */
  const connect = (): NoteClient | null => {
    if (port?.connected) return port;
    let current: NoteClient;
    try {
      current = connectPort<NoteRequest, NoteResponses, NoteEvent>(runtime, {
        name: NOTE_PORT,
        eventSchema: NoteEventSchema,
        onEvent: receive,
        onDisconnect: () => {
          if (port !== current) return;
          port = null;
          if (pendingSaves.size > 0) connect();
        },
      });
    } catch (error) {
      // The extension was reloaded or removed: this page's connection to it is gone for good.
      failAll(error instanceof Error ? error : new Error(String(error)));
      return null;
    }
    port = current;
    current.ask({ type: 'open', paper }).then(
      (found) => {
        if (!isOpened) settleOpened?.resolve(found);
        isOpened = true;
      },
      (error: unknown) => {
        if (!lost(error) && !isOpened) failAll(error instanceof Error ? error : new Error(String(error)));
      },
    );
    for (const [requestId, save] of pendingSaves) sendSave(current, requestId, save);
    return current;
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
        const save = { text, baseVersion, resolve, reject };
        pendingSaves.set(requestId, save);
        // A new port sends every pending save itself; an open one is sent this one.
        const open = port?.connected ? port : null;
        if (open) sendSave(open, requestId, save);
        else connect();
      });
    },

    restore(versionId) {
      return new Promise<void>((resolve, reject) => {
        const client = connect();
        if (!client) return reject(new Error('the connection to the extension was lost'));
        // Answered once the note is restored (its new text follows as an event); a restore that
        // gets no answer in time is given up quietly: the note shows whatever it became.
        client.ask({ type: 'restore', versionId }, RESTORE_WAIT_MS).then(
          () => resolve(),
          (error: unknown) => (error instanceof ChannelError && error.kind === 'timeout' ? resolve() : reject(error)),
        );
      });
    },

    refresh() {
      connect();
    },
  };
}
