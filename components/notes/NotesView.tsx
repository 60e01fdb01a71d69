import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { writtenNotes } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { searchWords } from '@/lib/db/search';
import { paperUrl } from '@/lib/identity/paper-urls';

/** Every note, newest first, searchable by its text and its paper's title. */
export function NotesView() {
  const [query, setQuery] = useState('');
  const notes = useLiveQuery(() => writtenNotes(db), []);
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
      <ul className="results">
        {shown.map(({ note, paper }) => (
          <li key={note.paperId} data-testid="note-item">
            <a href={paper ? paperUrl(paper) : '#'} target="_blank" rel="noreferrer">
              {paper?.title ?? note.paperId}
            </a>
            <div className="muted">{new Date(note.updatedAt).toLocaleString()}</div>
            <div className="note-excerpt">{note.text.length > 300 ? `${note.text.slice(0, 300)}…` : note.text}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
