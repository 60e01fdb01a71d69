import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { type Note, type Paper, readSettings, writtenNotes } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { searchWords } from '@/lib/db/search';
import { paperUrl } from '@/lib/identity/paper-urls';
import { dexieNoteSource } from '@/lib/notes/editor/note-source';
import { noteEditorPath } from '@/lib/notes/note-editor-url';
import { formatDay } from '@/lib/text/format-day';
import { NoteEditor } from './NoteEditor';
import { NoteMarkdown } from './NoteMarkdown';

/** The note editor page for this paper, in a tab of its own. */
function openInTab(paper: Paper): void {
  // A path, not runtime.getURL: with `use_dynamic_url` (wxt.config.ts) getURL gives the address
  // web pages may frame, which Chrome refuses as a tab of its own; the path is the extension's own.
  void browser.tabs.create({ url: noteEditorPath({ title: paper.title, arxivId: paper.arxivId, url: paper.url ?? null }, null) });
}

function NoteItem({ note, paper, spellCheck }: { note: Note; paper: Paper | undefined; spellCheck: boolean }) {
  const [editing, setEditing] = useState(false);
  const source = useMemo(() => dexieNoteSource(db, note.paperId), [note.paperId]);
  return (
    <li className="note-item" data-testid="note-item" data-paper-id={note.paperId}>
      <div className="note-item-head">
        <a href={paper ? paperUrl(paper) : '#'} target="_blank" rel="noreferrer">
          {paper?.title ?? note.paperId}
        </a>
        <span className="muted"> · {formatDay(note.updatedAt.slice(0, 10))}</span>
      </div>
      {editing ? (
        <NoteEditor source={source} spellCheck={spellCheck} />
      ) : (
        <div className="note-rendered" data-testid="note-rendered">
          <NoteMarkdown text={note.text} />
        </div>
      )}
      <div className="note-item-actions">
        <button type="button" className="quiet" data-testid="note-item-edit" onClick={() => setEditing(!editing)}>
          {editing ? 'Done' : 'Edit'}
        </button>
        {paper && (
          <button type="button" className="quiet" data-testid="note-item-open" onClick={() => openInTab(paper)}>
            Open in a tab ↗
          </button>
        )}
      </div>
    </li>
  );
}

/** Every note, newest first, rendered (math included) and editable in place; searchable by its text and its paper's title. */
export function NotesView() {
  const [query, setQuery] = useState('');
  const notes = useLiveQuery(() => writtenNotes(db), []);
  const spellCheck = useLiveQuery(async () => (await readSettings(db)).noteSpellcheck, []);
  if (!notes) return null;
  const words = searchWords(query);
  const shown = words.length
    ? notes.filter(({ note, paper }) => {
        const text = ` ${searchWords(`${paper?.title ?? ''} ${note.text}`).join(' ')}`;
        return words.every((w) => text.includes(` ${w}`));
      })
    : notes;

  return (
    <section className="panel" aria-label="Notes">
      <input
        type="search"
        className="search"
        placeholder="Search your notes"
        aria-label="Search your notes"
        data-testid="notes-search"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {notes.length === 0 && <p className="muted">No notes yet. Write one under any paper on arXiv or Hugging Face.</p>}
      <ul className="results notes-list">
        {shown.map(({ note, paper }) => (
          <NoteItem key={note.paperId} note={note} paper={paper} spellCheck={spellCheck ?? false} />
        ))}
      </ul>
    </section>
  );
}
