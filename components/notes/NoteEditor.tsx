import { type KeyboardEvent, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  CONFLICT_NOTICE,
  editorStatus,
  firstLine,
  formatSavedAt,
  NoteAutosave,
  OTHER_DEVICE_NOTICE,
  STATUS_TEXT,
} from '@/lib/notes/editor/autosave';
import type { NoteSource, NoteVersionRow } from '@/lib/notes/editor/note-source';
import { NoteMarkdown } from './NoteMarkdown';
import { useShownToUser } from './useShownToUser';
import './note-editor.css';

type Tab = 'edit' | 'preview' | 'history';

/**
 * A paper's private note: a Markdown textarea that saves itself, a preview, and the note's
 * earlier versions. It runs in an extension page (the note-editor iframe on paper pages, or a tab),
 * so the text stays in the extension. `source` reads and writes the note (NoteEditor.source.ts);
 * mount one editor per source, with a `key`. The decisions (when to save, what another tab's
 * change does) are in NoteEditor.logic.ts. `onOpenInTab` adds a button that opens the same note
 * in a tab of its own (given when the editor is framed).
 *
 * Framed in a web page (`framed`), the editor takes no input while the page hides or covers it
 * (useShownToUser.ts). Spell-check follows the `noteSpellcheck` setting, off by default: with
 * Chrome's enhanced spell-check, the browser sends the field's text to a server.
 */
export function NoteEditor({
  source,
  onOpenInTab,
  framed = false,
  spellCheck = false,
}: {
  source: NoteSource;
  onOpenInTab?: () => void;
  /** Framed in a web page: then it takes no input while the frame is hidden or covered. */
  framed?: boolean;
  /** The note spell-check setting; off unless the reader turned it on (the browser may send checked text to a server). */
  spellCheck?: boolean;
}) {
  const [autosave] = useState(() => new NoteAutosave(source.save));
  const state = useSyncExternalStore(autosave.subscribe, autosave.getState);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const shown = useShownToUser(textRef, framed);
  const [versions, setVersions] = useState<NoteVersionRow[] | undefined>(undefined);
  const [tab, setTab] = useState<Tab>('edit');
  const [otherDevice, setOtherDevice] = useState(false);
  /** The earlier texts this editor has already shown: a new one from another device gets a notice. */
  const known = useRef<Set<number> | null>(null);

  // The stored note and its versions, now and after every change from anywhere.
  useEffect(
    () =>
      source.watch(
        (snapshot) => {
          autosave.stored(snapshot.note);
          setVersions(snapshot.versions);
          if (known.current && snapshot.versions.some((v) => v.fromAnotherDevice && !known.current?.has(v.id))) setOtherDevice(true);
          known.current = new Set(snapshot.versions.map((v) => v.id));
        },
        (error) => console.warn('DigestLens: the note could not be read', error),
      ),
    [source, autosave],
  );

  // Text is saved as it is typed; what is left when the page is hidden or closed is sent at once.
  // Shown again, the page checks that it still hears of changes made elsewhere.
  useEffect(() => {
    const flush = () => autosave.flush();
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') flush();
      else source.refresh();
    };
    const onFocus = () => source.refresh();
    window.addEventListener('pagehide', flush);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      flush();
    };
  }, [autosave, source]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Saving is automatic; Ctrl/Cmd+S only keeps the browser's "Save page" dialog away.
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      autosave.saveNow();
    }
  };

  const restore = async (versionId: number) => {
    // The text being replaced is saved first, so that restoring keeps it as a version.
    await autosave.settle();
    try {
      await source.restore(versionId);
      setTab('edit');
    } catch (error) {
      console.warn('DigestLens: the version could not be restored', error);
    }
  };

  const status = editorStatus(state);
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`note-tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`note-panel-${id}`}
      data-testid={`note-tab-${id}`}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );

  return (
    <section className="note" data-testid="note-editor" aria-label="Private note">
      <header className="note-bar">
        <span className="note-brand" title="Private: stored only in this browser, never on the page">
          DigestLens <span className="note-muted">· note</span>
        </span>
        <div className="note-tabs" role="tablist">
          {tabButton('edit', 'Edit')}
          {tabButton('preview', 'Preview')}
          {tabButton('history', versions?.length ? `History (${versions.length})` : 'History')}
        </div>
        <span className="note-status" data-testid="note-status" data-status={status} role="status" title={state.error ?? undefined}>
          {STATUS_TEXT[status]}
        </span>
        {onOpenInTab && (
          <button type="button" className="note-open" data-testid="note-open-tab" title="Open this note in a tab" onClick={onOpenInTab}>
            ↗
          </button>
        )}
      </header>

      {state.error !== null && (
        <div className="note-notice" role="alert" data-testid="note-error">
          {state.error}
        </div>
      )}

      {!shown && tab === 'edit' && (
        <div className="note-notice" data-testid="note-hidden">
          Typing is paused: this note is hidden or covered on the page. Scroll it fully into view, or open it in a tab.
        </div>
      )}

      {otherDevice && (
        <div className="note-notice" role="alert">
          <span data-testid="note-other-device">{OTHER_DEVICE_NOTICE}</span>
          <button type="button" className="note-link" onClick={() => setOtherDevice(false)}>
            Dismiss
          </button>
        </div>
      )}

      {state.conflict && (
        <div className="note-notice" role="alert">
          <span data-testid="note-conflict">{CONFLICT_NOTICE}</span>
          <button type="button" className="note-link" onClick={() => autosave.dismissConflict()}>
            Dismiss
          </button>
        </div>
      )}

      <div className="note-body" id="note-panel-edit" role="tabpanel" aria-labelledby="note-tab-edit" hidden={tab !== 'edit'}>
        <textarea
          ref={textRef}
          data-testid="note-text"
          aria-label="Note (Markdown)"
          placeholder={state.loaded ? 'Your notes on this paper. Markdown and $math$ welcome; private to this browser.' : 'Loading…'}
          value={state.text}
          readOnly={!state.loaded || !shown}
          spellCheck={spellCheck}
          onFocus={() => source.keepAwake(true)}
          onBlur={() => source.keepAwake(false)}
          onChange={(event) => {
            // A change while hidden cannot come from typing (the field is read-only then); ignore it.
            if (shown) autosave.input(event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
      </div>

      {tab === 'preview' && (
        <div
          className="note-body note-preview"
          id="note-panel-preview"
          role="tabpanel"
          aria-labelledby="note-tab-preview"
          data-testid="note-preview"
        >
          {state.text.trim() ? <NoteMarkdown text={state.text} /> : <p className="note-muted">Nothing to preview yet.</p>}
        </div>
      )}

      {tab === 'history' && (
        <div className="note-body note-history" id="note-panel-history" role="tabpanel" aria-labelledby="note-tab-history">
          <NoteHistory versions={versions} onRestore={restore} />
        </div>
      )}
    </section>
  );
}

function NoteHistory({ versions, onRestore }: { versions: NoteVersionRow[] | undefined; onRestore: (id: number) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  if (!versions) return <p className="note-muted">Loading…</p>;
  if (versions.length === 0) {
    return (
      <p className="note-muted">
        No earlier versions yet. One is kept when you edit again after a pause, when you restore another, and when another tab changed the
        note.
      </p>
    );
  }
  const now = new Date();
  return (
    <ol>
      {versions.map((version) => (
        <li key={version.id} data-testid="note-history-item">
          <time dateTime={version.savedAt}>{formatSavedAt(version.savedAt, now)}</time>
          <span className="note-first-line" title={version.text.slice(0, 500)}>
            {firstLine(version.text)}
          </span>
          <button
            type="button"
            data-testid="note-restore"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onRestore(version.id);
              } finally {
                setBusy(false);
              }
            }}
          >
            Restore
          </button>
        </li>
      ))}
    </ol>
  );
}
