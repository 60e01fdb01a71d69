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
  readonly opened: Promise<{ paperId: string; title: string; spellcheck: boolean }>;
}

/** A restore the background has not answered (it answers once the note is restored) is given up after this. */
const RESTORE_WAIT_MS = 5000;
/** A save not answered in this time is sent again on a new port; unanswered a second time, it is reported. */
export const SAVE_WAIT_MS = 10_000;
/**
 * While the editor has the focus it pings this often. Chromium stops an extension's worker after
 * 30 s without extension events; a message on a port counts as one (Chrome 114+), so the worker is
 * up when the next keystroke is sent, and a tab closed right after it loses nothing.
 */
export const PING_MS = 20_000;

interface PendingSave {
  text: string;
  baseVersion: number;
  /** How many times it went unanswered in time. */
  timeouts: number;
  resolve: (outcome: SaveOutcome) => void;
  reject: (error: Error) => void;
}

type NoteClient = PortClient<NoteRequest, NoteResponses>;

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * The note of `paper`, read and written by the background over NOTE_PORT (lib/messaging/protocol/page-to-background.ts,
 * served by lib/notes/background-notes.ts through lib/messaging/channel.ts), for the editor framed in a web page.
 *
 * Every save is posted the moment it is asked for, on the open port, without waiting for the
 * answers before it: the background applies one port's saves in the order they arrive. Nothing is
 * left for `pagehide`: when a tab is closed, what the page posts from `pagehide` does not arrive
 * (Chromium, 2026-11: not on the open port, not on a new one, not through storage; issue 9).
 *
 * The worker stops when idle, which closes the port. While the editor has the focus it keeps the
 * worker awake (`keepAwake`, a ping every PING_MS) and reopens a closed port at once, so a keystroke
 * never waits for a worker to start. Saves not yet answered when a port closes are sent again on
 * the next port, as one save of the newest text, once that port has told the stored note: based on
 * the stored version if that holds one of this editor's texts (some landed), else on the version
 * the editor started from (another tab wrote meanwhile: the save is then concurrent, and keeps both).
 */
export function portNoteSource(runtime: PortRuntime, paper: SeenPaper): PortNoteSource {
  let port: NoteClient | null = null;
  /** The stored note as this port last told it; null until the port's first snapshot. */
  let portSnapshot: NoteSnapshot | null = null;
  let snapshot: NoteSnapshot | null = null;
  let isOpened = false;
  let focused = false;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let nextRequestId = 1;
  const pendingSaves = new Map<number, PendingSave>();
  /** The text of the last save answered: a stored note with it is this editor's own. */
  let lastAnsweredText: string | null = null;
  const watchers = new Set<{ next: (snapshot: NoteSnapshot) => void; error: (error: Error) => void }>();

  let settleOpened: {
    resolve: (paper: { paperId: string; title: string; spellcheck: boolean }) => void;
    reject: (error: Error) => void;
  } | null = null;
  const opened = new Promise<{ paperId: string; title: string; spellcheck: boolean }>((resolve, reject) => {
    settleOpened = { resolve, reject };
  });
  // Whoever awaits `opened` sees a failure; an unawaited rejection is not an error of its own.
  opened.catch(() => {});

  const failSaves = (error: Error) => {
    for (const save of pendingSaves.values()) save.reject(error);
    pendingSaves.clear();
  };

  const failAll = (error: Error) => {
    failSaves(error);
    if (!isOpened) {
      settleOpened?.reject(error);
      for (const watcher of watchers) watcher.error(error);
    }
  };

  /** A port that closed takes its unanswered asks with it: those are sent again on the next port. */
  const lost = (error: unknown) => error instanceof ChannelError && error.kind === 'disconnected';

  /** Settles every pending save up to and including `upTo` (older saves are settled by a newer one's outcome). */
  const settleUpTo = (upTo: number, settle: (save: PendingSave) => void) => {
    for (const [requestId, save] of pendingSaves) {
      if (requestId > upTo) break;
      pendingSaves.delete(requestId);
      settle(save);
    }
  };

  /** Sends one save on `client`; its answer settles it and every older save still pending. */
  const sendSave = (client: NoteClient, requestId: number, text: string, baseVersion: number) => {
    client.ask({ type: 'save', text, baseVersion }, SAVE_WAIT_MS).then(
      (outcome) => {
        lastAnsweredText = outcome.note.text;
        settleUpTo(requestId, (save) => save.resolve(outcome));
      },
      (error: unknown) => {
        if (lost(error) || !pendingSaves.has(requestId)) return;
        const save = pendingSaves.get(requestId);
        if (save && error instanceof ChannelError && error.kind === 'timeout' && save.timeouts++ === 0) {
          // No answer in time: the port may be wedged. Send the newest text again on a new one.
          if (port === client) port = null;
          client.disconnect();
          connect();
          return;
        }
        settleUpTo(requestId, (pending) => pending.reject(asError(error)));
      },
    );
  };

  /** The port has told the stored note: the saves left over from the last port go, as one save of the newest text. */
  const resendPending = (client: NoteClient, stored: NoteSnapshot) => {
    const requestIds = [...pendingSaves.keys()];
    const newestId = requestIds.at(-1);
    const oldest = pendingSaves.get(requestIds[0] ?? -1);
    const newest = pendingSaves.get(newestId ?? -1);
    if (newestId === undefined || !oldest || !newest) return;
    const ours = new Set([...[...pendingSaves.values()].map((s) => s.text), lastAnsweredText]);
    const base = stored.note && ours.has(stored.note.text) ? stored.note.version : oldest.baseVersion;
    sendSave(client, newestId, newest.text, base);
  };

  const receive = (client: NoteClient, event: NoteEvent) => {
    if (event.type === 'note') {
      snapshot = { note: event.note, versions: event.versions };
      if (port === client && portSnapshot === null) {
        portSnapshot = snapshot;
        resendPending(client, snapshot);
      }
      for (const watcher of watchers) watcher.next(snapshot);
    } else {
      const error = new Error(event.error);
      if (!isOpened) failAll(error);
      else console.warn('DigestLens: note updates stopped', error);
    }
  };

  /** The open port, or a new one that has been sent the `open` (unanswered saves follow its first snapshot). */
  const connect = (): NoteClient | null => {
    if (port?.connected) return port;
    let current: NoteClient;
    try {
      current = connectPort<NoteRequest, NoteResponses, NoteEvent>(runtime, {
        name: NOTE_PORT,
        eventSchema: NoteEventSchema,
        onEvent: (event) => receive(current, event),
        onDisconnect: () => {
          if (port !== current) return;
          port = null;
          if (pendingSaves.size > 0 || focused) connect();
        },
      });
    } catch (error) {
      // The extension was reloaded or removed: this page's connection to it is gone for good.
      failAll(asError(error));
      return null;
    }
    port = current;
    portSnapshot = null;
    current.ask({ type: 'open', paper }).then(
      (found) => {
        if (!isOpened) settleOpened?.resolve(found);
        isOpened = true;
      },
      (error: unknown) => {
        if (!lost(error) && !isOpened) failAll(asError(error));
      },
    );
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
        pendingSaves.set(requestId, { text, baseVersion, timeouts: 0, resolve, reject });
        // Posted now on a port that has told the note; a new port sends it after its first snapshot.
        const client = connect();
        if (client && portSnapshot !== null) sendSave(client, requestId, text, baseVersion);
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

    keepAwake(hasFocus) {
      focused = hasFocus;
      if (pingTimer !== null) clearInterval(pingTimer);
      pingTimer = null;
      if (!hasFocus) return;
      connect();
      pingTimer = setInterval(() => {
        const client = connect();
        client?.ask({ type: 'ping' }).catch(() => {});
      }, PING_MS);
    },
  };
}
