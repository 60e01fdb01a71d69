import { MAX_NOTE_LENGTH } from '../../messaging/protocol/page-to-background';

/**
 * What the note editor decides, apart from React, the DOM and where notes are stored: when to
 * save, what a change made in another tab does to the text being edited, and what the status line
 * says. Saves go through the `save` function of a note source (note-source.ts, port-note-source.ts),
 * which applies the rules of lib/db/notes.ts `saveNote`.
 *
 * Saving: every change leaves the editor as it is typed, without waiting for the save before it
 * to be answered (a tab can be closed at any moment, and what is sent as it closes may never
 * arrive: issue 9). Saves are sent in order, each based on the version the one before it is to
 * write, and the source applies them in that order (the background's per-port queue, or the tab's
 * own). A save replaces the previous one within an editing session (lib/db/notes.ts), so frequent
 * saves cost no history. A text over MAX_NOTE_LENGTH is not sent: the editor says so.
 *
 * Two tabs on one note: the stored note carries a version that counts saves. A tab with no
 * unsaved text adopts a newer stored text at once; a tab with unsaved text keeps it, and its save
 * is based on the older version, so `saveNote` sees the concurrent edit, keeps the other tab's
 * text in the note's history and says so (`conflict` here).
 */

/** The stored note, or null when the paper has none yet. */
export interface StoredNote {
  text: string;
  version: number;
  updatedAt: string;
}

export interface SaveOutcome {
  note: StoredNote;
  /** The save was based on an older version than the stored one: that text was kept as a version. */
  concurrent: boolean;
}

export type SaveFunction = (text: string, baseVersion: number) => Promise<SaveOutcome>;

export interface EditorState {
  /** The stored note has been read; until then the text is not editable. */
  loaded: boolean;
  /** What the textarea shows. */
  text: string;
  /** The stored text at `baseVersion`: `text !== savedText` means unsaved changes. */
  savedText: string;
  /** The stored version `text` is based on (0: no note yet). */
  baseVersion: number;
  /** A save is running. */
  saving: boolean;
  /** A save met another tab's newer text, which was kept in History. Cleared by `dismissConflict`. */
  conflict: boolean;
  /** Why the last save failed, until a save succeeds. */
  error: string | null;
}

export const INITIAL_EDITOR_STATE: EditorState = {
  loaded: false,
  text: '',
  savedText: '',
  baseVersion: 0,
  saving: false,
  conflict: false,
  error: null,
};

export function hasUnsavedChanges(state: EditorState): boolean {
  return state.loaded && state.text !== state.savedText;
}

export type EditorStatus = 'loading' | 'saving' | 'saved' | 'error' | 'too-long';

export function editorStatus(state: EditorState): EditorStatus {
  if (!state.loaded) return 'loading';
  if (state.error === TOO_LONG_ERROR) return 'too-long';
  if (state.error !== null) return 'error';
  return state.saving || hasUnsavedChanges(state) ? 'saving' : 'saved';
}

export const STATUS_TEXT: Record<EditorStatus, string> = {
  loading: 'Loading…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved, retrying…',
  'too-long': 'Not saved: too long',
};

export const CONFLICT_NOTICE = 'Another tab changed this note; its text is kept in History.';

/** When sync brings another device's edit of an open note: both texts are kept, and the reader is told. */
export const OTHER_DEVICE_NOTICE = 'Another device changed this note; the other text is kept in History.';

/** What a note save that met a full disk says after "the disk is full": the text stays in the editor. */
export const NOTE_NOT_SAVED = 'this note is not saved yet; it is kept here and saved once there is space';

/** Why a text over the limit is not saved (the editor checks before sending; the background refuses it too). */
export const TOO_LONG_ERROR = `This note is over ${MAX_NOTE_LENGTH.toLocaleString('en-US')} characters: shorten it to save it.`;

/** After a failed save, try again this much later (or at the next keystroke). */
export const RETRY_MS = 3000;

/**
 * The stored note as last read (first load, or a change from anywhere). A newer version is
 * adopted when this tab has nothing unsaved and is not saving (while it saves, the decision
 * waits for the save's outcome); with unsaved text it is left for the next save to detect.
 */
export function receiveStored(state: EditorState, stored: StoredNote | null): EditorState {
  const note = stored ?? { text: '', version: 0 };
  if (!state.loaded) return { ...state, loaded: true, text: note.text, savedText: note.text, baseVersion: note.version };
  if (note.version <= state.baseVersion) return state;
  if (note.text === state.text) return { ...state, savedText: note.text, baseVersion: note.version };
  if (state.saving || hasUnsavedChanges(state)) return state;
  return { ...state, text: note.text, savedText: note.text, baseVersion: note.version };
}

/** A save finished: the stored version is now the one it wrote (unless a newer one is already known). */
export function receiveSaved(state: EditorState, outcome: SaveOutcome): EditorState {
  const next = { ...state, error: null, conflict: state.conflict || outcome.concurrent };
  if (outcome.note.version < state.baseVersion) return next;
  return { ...next, savedText: outcome.note.text, baseVersion: outcome.note.version };
}

interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const REAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * The editor's state and its saves, one at a time, each based on the version the previous one
 * wrote. The state is read with `getState()`/`subscribe()` (React's `useSyncExternalStore`).
 */
export class NoteAutosave {
  private state: EditorState = INITIAL_EDITOR_STATE;
  private readonly listeners = new Set<() => void>();
  private latestStored: StoredNote | null = null;
  private retryTimer: unknown = null;
  /** Saves started and not yet answered. */
  private running = 0;
  /** The text of the save started last, and the version it should write. */
  private lastSent: { text: string; version: number } | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly save: SaveFunction,
    private readonly retryMs = RETRY_MS,
    private readonly timers: Timers = REAL_TIMERS,
  ) {}

  readonly getState = (): EditorState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The stored note, each time it is read (a live query). */
  stored(note: StoredNote | null): void {
    this.latestStored = note;
    this.update(receiveStored(this.state, note));
  }

  /** The user changed the text: it is sent at once, even while earlier saves run. */
  input(text: string): void {
    if (!this.state.loaded) return;
    this.update({ ...this.state, text });
    this.send();
  }

  /** Saves unsaved text now; after a failure, without waiting for the retry. */
  saveNow(): void {
    this.send();
  }

  /** The page is hidden or closing: anything not yet sent goes now (normally nothing is left). */
  flush(): void {
    this.send();
  }

  /**
   * Sends the text unless it is saved or already on its way: based on the stored version when no
   * save runs, else on the version the last save sent is to write. If that save meets another
   * tab's text and writes a later version, the source bases this one on what it wrote
   * (save-chain.ts), so a tab's own saves never count as concurrent with each other.
   */
  private send(): void {
    if (!hasUnsavedChanges(this.state)) return;
    if (this.state.text.length > MAX_NOTE_LENGTH) {
      this.update({ ...this.state, error: TOO_LONG_ERROR });
      return;
    }
    if (this.state.error === TOO_LONG_ERROR) this.update({ ...this.state, error: null });
    if (this.running === 0) this.start(this.state.baseVersion);
    else if (this.lastSent && this.lastSent.text !== this.state.text) this.start(Math.max(this.state.baseVersion, this.lastSent.version));
  }

  /** Saves unsaved text and resolves when no save runs (before restoring an old version). */
  settle(): Promise<void> {
    this.saveNow();
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dismissConflict(): void {
    this.update({ ...this.state, conflict: false });
  }

  private update(next: EditorState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private start(baseVersion: number): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const text = this.state.text;
    this.running++;
    this.lastSent = { text, version: baseVersion + 1 };
    this.update({ ...this.state, saving: true });
    this.save(text, baseVersion).then(
      (outcome) => this.finish(receiveSaved(this.state, outcome), false),
      (error: unknown) => this.finish({ ...this.state, error: error instanceof Error ? error.message : String(error) }, true),
    );
  }

  private finish(next: EditorState, failed: boolean): void {
    this.running--;
    if (this.running > 0) {
      this.update(next);
      return;
    }
    // Newer stored text that arrived while saving is decided on now.
    this.update(receiveStored({ ...next, saving: false }, this.latestStored));
    if (failed) {
      if (hasUnsavedChanges(this.state)) this.retryTimer = this.timers.setTimeout(() => this.saveNow(), this.retryMs);
    } else {
      this.saveNow();
    }
    if (this.running === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

/** The first line with text, shortened: how History names a version. */
export function firstLine(text: string, max = 80): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  if (line === '') return '(empty)';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** "14:05" today, "Nov 19, 14:05" this year, "Nov 19, 2025, 14:05" before: in the reader's language and time zone. */
export function formatSavedAt(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  if (date.toDateString() === now.toDateString()) return date.toLocaleTimeString(undefined, time);
  const year = date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' as const };
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', ...year, ...time });
}
