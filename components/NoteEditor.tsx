import { useLiveQuery } from 'dexie-react-hooks';
import { type KeyboardEvent, useEffect, useState, useSyncExternalStore } from 'react';
import type { NoteVersion } from '@/lib/db/entities';
import { noteVersions, restoreNoteVersion } from '@/lib/db/notes';
import type { DigestLensDB } from '@/lib/db/schema';
import { renderMarkdown } from '@/lib/markdown';
import { CONFLICT_NOTICE, editorStatus, firstLine, formatSavedAt, NoteAutosave, STATUS_TEXT, type StoredNote } from './NoteEditor.logic';
import { noteStorage } from './NoteEditor.storage';
import './note-editor.css';

type Tab = 'edit' | 'preview' | 'history';

/**
 * A paper's private note: a Markdown textarea that saves itself, a preview, and the note's
 * earlier versions. It runs in an extension page (the note-editor iframe on paper pages), so the
 * text stays in the extension's origin. Mount it with `key={paperId}`: one editor, one paper.
 * The decisions (when to save, what another tab's change does) are in NoteEditor.logic.ts.
 */
export function NoteEditor({ db, paperId }: { db: DigestLensDB; paperId: string }) {
  const [storage] = useState(() => noteStorage(db, paperId));
  const [autosave] = useState(() => new NoteAutosave(storage.save));
  const state = useSyncExternalStore(autosave.subscribe, autosave.getState);
  const [tab, setTab] = useState<Tab>('edit');

  const stored = useLiveQuery(async (): Promise<StoredNote | null> => {
    const note = await db.notes.get(paperId);
    return note ? { text: note.text, version: note.version, updatedAt: note.updatedAt } : null;
  }, [db, paperId]);
  useEffect(() => {
    if (stored !== undefined) autosave.stored(stored);
  }, [autosave, stored]);
  const versions = useLiveQuery(() => noteVersions(db, paperId), [db, paperId]);

  // Text is saved as it is typed. What a closing page has not seen saved is written blindly in
  // `pagehide` (NoteEditor.storage.ts says why); a page only hidden retries a failed save at once.
  useEffect(() => {
    const onPageHide = () => {
      const write = autosave.closingWrite();
      if (write) storage.writeWhileClosing(write);
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') autosave.saveNow();
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [autosave, storage]);

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
    await restoreNoteVersion(db, versionId);
    setTab('edit');
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
      </header>

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
          data-testid="note-text"
          aria-label="Note (Markdown)"
          placeholder={state.loaded ? 'Your notes on this paper. Markdown and $math$ welcome; private to this browser.' : 'Loading…'}
          value={state.text}
          readOnly={!state.loaded}
          spellCheck
          onChange={(event) => autosave.input(event.target.value)}
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
          {state.text.trim() ? renderMarkdown(state.text) : <p className="note-muted">Nothing to preview yet.</p>}
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

function NoteHistory({ versions, onRestore }: { versions: NoteVersion[] | undefined; onRestore: (id: number) => Promise<void> }) {
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
            disabled={busy || version.id === undefined}
            onClick={async () => {
              if (version.id === undefined) return;
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
