import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { arxivIdIsLearned, forgetArxivId, paperRecord, readSettings } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { paperUrl } from '@/lib/identity/paper-urls';
import { dexieNoteSource } from '@/lib/notes/editor/note-source';
import { formatDay } from '@/lib/text/format-day';
import { NoteEditor } from '../notes/NoteEditor';
import { NoteMarkdown } from '../notes/NoteMarkdown';
import { queueSourceLabel } from '../queue/source-label';
import type { OpenView } from './library-view';
import { PaperControls } from './PaperControls';
import { authorLine } from './PaperRow';

/**
 * One paper: its authors, its history across digests (each date, its upvotes then), where it was
 * seen and queued, its note (read, or edited in place), and the arXiv id DigestLens learned for
 * it, which the reader can remove when it is wrong.
 */
export function PaperView({ paperId, open, back }: { paperId: string; open: OpenView; back: () => void }) {
  const record = useLiveQuery(() => paperRecord(db, paperId), [paperId]);
  const spellCheck = useLiveQuery(async () => (await readSettings(db)).noteSpellcheck, []);
  // Null until the paper is read: a paper without a note opens on the editor, one with a note on its text.
  const [editing, setEditing] = useState<boolean | null>(null);
  const source = useMemo(() => dexieNoteSource(db, paperId), [paperId]);
  const hasNote = record ? record.note !== null && record.note.text.trim() !== '' : null;
  useEffect(() => {
    if (hasNote !== null) setEditing((current) => current ?? !hasNote);
  }, [hasNote]);
  if (record === undefined || editing === null) return null;
  const backButton = (
    <button type="button" className="link" data-testid="library-back" onClick={back}>
      ← Back
    </button>
  );
  if (record === null) {
    return (
      <section className="panel" data-testid="paper-view">
        {backButton}
        <p className="muted">This paper is no longer in the Library.</p>
      </section>
    );
  }
  const { paper, history, queueItem, note } = record;
  const noted = note !== null && note.text.trim() !== '';
  const authors = authorLine(paper, Number.POSITIVE_INFINITY);
  return (
    <section className="panel paper-view" data-testid="paper-view" data-paper-id={paper.id}>
      {backButton}
      <h2 data-testid="paper-view-title">
        <a href={paperUrl(paper)} target="_blank" rel="noreferrer">
          {paper.title}
        </a>
      </h2>
      {authors && (
        <p className="muted" data-testid="paper-view-authors">
          {authors}
        </p>
      )}
      <PaperControls paperId={paper.id} queued={queueItem !== null && queueItem.readAt === null} noted={noted} open={open} />

      <h3>In your digests</h3>
      {history.length === 0 ? (
        <p className="muted" data-testid="paper-history-none">
          In no digest: saved {formatDay(paper.addedAt.slice(0, 10))}
          {paper.url ? ` from ${paper.url}` : ''}.
        </p>
      ) : (
        <ul className="history" data-testid="paper-history">
          {history.map((a) => (
            <li key={a.digestId} data-testid="paper-history-row">
              <button type="button" className="link" onClick={() => open({ kind: 'digest', digestId: a.digestId })}>
                {formatDay(a.date)}
              </button>{' '}
              <span className="muted">
                · ▲ {a.upvotes} · #{a.position + 1}
                {a.published ? ` · published ${formatDay(a.published)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h3>Seen and queued</h3>
      <ul className="history" data-testid="paper-seen">
        <li>
          First stored {formatDay(paper.addedAt.slice(0, 10))}
          {paper.url ? `, from ${paper.url}` : ''}
        </li>
        <li data-testid="paper-queue-state">
          {queueItem
            ? `Queued ${formatDay(queueItem.addedAt.slice(0, 10))} ${queueSourceLabel(queueItem.source)}${queueItem.readAt ? `; read ${formatDay(queueItem.readAt.slice(0, 10))}` : ''}`
            : 'Not in the queue'}
        </li>
      </ul>

      <h3>arXiv id</h3>
      <p data-testid="paper-arxiv">
        {paper.arxivId ? (
          <>
            arXiv:{paper.arxivId}{' '}
            {arxivIdIsLearned(paper) ? (
              <>
                <span className="muted">(learned from arXiv's or Hugging Face's own record of this title)</span>{' '}
                <button type="button" className="quiet" data-testid="forget-arxiv-id" onClick={() => void forgetArxivId(db, paper.id)}>
                  Remove this id
                </button>
              </>
            ) : (
              <span className="muted">(from the digest)</span>
            )}
          </>
        ) : (
          <span className="muted">not known</span>
        )}
      </p>

      <h3>Note</h3>
      {editing || note === null ? (
        <>
          {noted && (
            <button type="button" className="quiet" data-testid="paper-note-done" onClick={() => setEditing(false)}>
              Done
            </button>
          )}
          <NoteEditor key={paper.id} source={source} spellCheck={spellCheck ?? false} />
        </>
      ) : (
        <div data-testid="paper-note">
          <div className="note-rendered">
            <NoteMarkdown text={note?.text ?? ''} />
          </div>
          <button type="button" className="quiet" data-testid="paper-note-edit" onClick={() => setEditing(true)}>
            Edit
          </button>
        </div>
      )}
    </section>
  );
}
