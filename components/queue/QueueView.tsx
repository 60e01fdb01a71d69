import { useLiveQuery } from 'dexie-react-hooks';
import { type DragEvent, type KeyboardEvent, useEffect, useState } from 'react';
import { moveInQueue, type QueuedPaper, type QueueItem, queueRows, removeFromQueue, restoreQueueItem, setRead } from '@/lib/db';
import { db } from '@/lib/db/instance';
import { paperUrl } from '@/lib/identity/paper-urls';
import { formatDay } from '@/lib/text/format-day';
import { queueSourceLabel } from './source-label';

const UNDO_MS = 6000;

type Row = QueuedPaper;

function QueueRow({ row, index, count, onRemove }: { row: Row; index: number; count: number; onRemove: (item: QueueItem) => void }) {
  const { item, paper } = row;
  const title = paper?.title ?? item.paperId;
  const move = (to: number) => void moveInQueue(db, item.paperId, to);
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    // Only keys pressed on the row itself: its buttons keep their own keys.
    if (event.target !== event.currentTarget) return;
    // Alt+↑/↓ moves the focused item, as in many list editors; plain arrows keep scrolling.
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      move(event.key === 'ArrowUp' ? index - 1 : index + 1);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // j/k walk the rows, as in mail readers; Enter opens the paper.
    const row = event.currentTarget;
    const sibling = event.key === 'j' ? row.nextElementSibling : event.key === 'k' ? row.previousElementSibling : null;
    if (sibling instanceof HTMLElement) {
      event.preventDefault();
      sibling.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      row.querySelector<HTMLAnchorElement>('[data-testid=queue-title]')?.click();
    }
  };
  return (
    <li
      className="queue-row"
      data-testid="queue-item"
      data-paper-id={item.paperId}
      draggable
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the row takes focus so j/k walk the rows and Alt+↑/↓ moves it
      tabIndex={0}
      onKeyDown={onKeyDown}
      onDragStart={(e: DragEvent) => e.dataTransfer.setData('text/x-digestlens-paper', item.paperId)}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const dragged = e.dataTransfer.getData('text/x-digestlens-paper');
        if (dragged && dragged !== item.paperId) void moveInQueue(db, dragged, index);
      }}
    >
      <span className="grip" aria-hidden="true">
        ⋮⋮
      </span>
      <div className="queue-main">
        <a href={paper ? paperUrl(paper) : '#'} target="_blank" rel="noreferrer" data-testid="queue-title">
          {title}
        </a>
        <div className="muted">
          added {formatDay(item.addedAt.slice(0, 10))} · {queueSourceLabel(item.source)}
        </div>
      </div>
      <div className="queue-actions">
        <button
          type="button"
          className="quiet"
          aria-label={`Move up: ${title}`}
          data-testid="queue-up"
          disabled={index === 0}
          onClick={() => move(index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="quiet"
          aria-label={`Move down: ${title}`}
          data-testid="queue-down"
          disabled={index === count - 1}
          onClick={() => move(index + 1)}
        >
          ↓
        </button>
        <button type="button" data-testid="queue-read" onClick={() => void setRead(db, item.paperId, true)}>
          Read
        </button>
        <button type="button" className="quiet" data-testid="queue-remove" onClick={() => onRemove(item)}>
          Remove
        </button>
      </div>
    </li>
  );
}

/** The reading queue: j/k walk it and Enter opens a paper; reorder (drag, or the buttons and Alt+↑/↓), mark read, remove with undo. */
export function QueueView() {
  const rows = useLiveQuery(() => queueRows(db), []);
  const [removed, setRemoved] = useState<QueueItem | null>(null);
  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => setRemoved(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);
  if (!rows) return null;

  const remove = async (item: QueueItem) => {
    const gone = await removeFromQueue(db, item.paperId);
    if (gone) setRemoved(gone);
  };

  return (
    <section className="panel" aria-label="Reading queue">
      {removed && (
        <div className="toast" role="status">
          Removed from the queue.{' '}
          <button
            type="button"
            className="link"
            data-testid="queue-undo"
            onClick={() => {
              void restoreQueueItem(db, removed);
              setRemoved(null);
            }}
          >
            Undo
          </button>
        </div>
      )}
      {rows.unread.length === 0 ? (
        <p className="muted" data-testid="queue-empty">
          Your queue is empty. Use “+ Queue” beside a paper on arXiv or Hugging Face to add it.
        </p>
      ) : (
        <ol className="queue">
          {rows.unread.map((row, index) => (
            <QueueRow key={row.item.paperId} row={row} index={index} count={rows.unread.length} onRemove={(item) => void remove(item)} />
          ))}
        </ol>
      )}
      {rows.read.length > 0 && (
        <details className="read-list">
          <summary>Read ({rows.read.length})</summary>
          <ul>
            {rows.read.map(({ item, paper }) => (
              <li key={item.paperId} data-testid="read-item">
                <a href={paper ? paperUrl(paper) : '#'} target="_blank" rel="noreferrer">
                  {paper?.title ?? item.paperId}
                </a>{' '}
                <button type="button" className="quiet" onClick={() => void setRead(db, item.paperId, false)}>
                  Unread
                </button>
                <button type="button" className="quiet" onClick={() => void remove(item)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
